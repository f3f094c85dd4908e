#include "store/postgis/postgis_store.hpp"

#include "core/crash_point.hpp"
#include "core/error.hpp"
#include "store/postgis/assignment_store.hpp"
#include "store/postgis/history.hpp"
#include "store/postgis/ingest_target.hpp"
#include "store/postgis/styles.hpp"
#include "store/postgis/summary.hpp"

namespace bostad::store::postgis {
namespace {

class Snapshot final : public ReadSnapshot {
public:
    explicit Snapshot(pg::Connection& c) : m_tx(c, pg::Transaction::Isolation::repeatable_read, true) {}

private:
    pg::Transaction m_tx;
};

/// A connection of its own whose transaction imports the snapshot of the store's read transaction.
class Shared final : public SharedSnapshot {
public:
    explicit Shared(pg::Connection& of) : m_shared(of), m_status(m_shared.conn()), m_features(m_shared.conn()) {}
    StatusSource& status() override { return m_status; }
    FeatureSource& features() override { return m_features; }

private:
    pg::ImportedSnapshot m_shared;
    PgStatusSource m_status;
    PgFeatureSource m_features;
};

/// A transaction (a dry run's too: it reads in one snapshot and is rolled back). Committing refreshes the
/// layers' QGIS styles, with a category for every municipality the store now has, and records the writer.
class Write final : public WriteTransaction {
public:
    Write(PgStore& store, WriteMode mode, const OpenOptions& options)
        : m_store(store), m_options(options), m_mode(mode), m_tx(store.conn()), m_target(store.conn()),
          m_assignment(store.conn()) {}
    IngestTarget& target() override { return m_target; }
    AssignmentStore& assignment() override { return m_assignment; }
    void lock(const std::string& what) override { m_store.lock_for_writing(what, m_options.note); }
    void commit() override {
        if (m_mode == WriteMode::dry_run) throw InternalError("a dry run cannot commit");
        write_styles(m_store.conn(), store_municipalities(m_store.conn(), m_options.municipality_names));
        m_store.mark_written();
        m_tx.commit();
    }

private:
    PgStore& m_store;
    const OpenOptions& m_options;
    WriteMode m_mode;
    pg::Transaction m_tx;
    PgIngestTarget m_target;
    PgAssignmentStore m_assignment;
};

} // namespace

PostgisStore::PostgisStore(PgStore store, OpenOptions options)
    : m_store(std::move(store)), m_options(std::move(options)), m_status(m_store.conn()), m_features(m_store.conn()),
      m_tables(m_store.conn()) {}

std::unique_ptr<ReadSnapshot> PostgisStore::read_snapshot() { return std::make_unique<Snapshot>(m_store.conn()); }

std::unique_ptr<SharedSnapshot> PostgisStore::share_snapshot() {
    // A read snapshot is a REPEATABLE READ transaction that writes nothing; a writer's is neither.
    if (!pg::ImportedSnapshot::shares(m_store.conn())) return nullptr;
    return std::make_unique<Shared>(m_store.conn());
}

std::vector<EntityHistory> PostgisStore::find_history(const std::string& key, const std::optional<std::string>& municipality) {
    return postgis::find_history(m_store.conn(), key, municipality);
}

std::vector<RejectedEntry> PostgisStore::find_rejected(const std::string& key, const std::optional<std::string>& municipality) {
    return postgis::find_rejected(m_store.conn(), key, municipality);
}

std::vector<std::string> PostgisStore::similar_keys(const std::string& key) { return postgis::similar_keys(m_store.conn(), key); }

StoreSummary PostgisStore::summarize(int last_runs) { return postgis::summarize(m_store, last_runs); }

bool PostgisStore::assignment_pending() { return PgAssignmentStore(m_store.conn()).pending(); }

std::unique_ptr<WriteTransaction> PostgisStore::begin_write(WriteMode mode) {
    return std::make_unique<Write>(m_store, mode, m_options);
}

} // namespace bostad::store::postgis
