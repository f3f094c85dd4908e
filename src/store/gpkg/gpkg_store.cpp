#include "store/gpkg/gpkg_store.hpp"

#include <optional>

#include "core/error.hpp"
#include "store/gpkg/assignment_store.hpp"
#include "store/gpkg/history.hpp"
#include "store/gpkg/ingest_target.hpp"
#include "store/gpkg/summary.hpp"
#include "store/gpkg/write_lock.hpp"

namespace bostad::store::gpkg {
namespace {

/// A reader's snapshot, read through a memory map (a status reads the whole permits table).
class Snapshot final : public ReadSnapshot {
public:
    explicit Snapshot(sqlite::Database& db) : m_mapped(db, k_mapped_bytes), m_snapshot(db) {}

private:
    static constexpr std::int64_t k_mapped_bytes = std::int64_t{1} << 32; // SQLite caps it at its build's limit
    sqlite::MappedReads m_mapped;
    sqlite::ReadSnapshot m_snapshot;
};

/// A connection of its own in the state of the store's read transaction (sqlite::share_read).
class Shared final : public SharedSnapshot {
public:
    explicit Shared(std::unique_ptr<sqlite::SharedRead> read) : m_read(std::move(read)), m_status(m_read->db()), m_features(m_read->db()) {}
    StatusSource& status() override { return m_status; }
    FeatureSource& features() override { return m_features; }

private:
    std::unique_ptr<sqlite::SharedRead> m_read;
    GpkgStatusSource m_status;
    GpkgFeatureSource m_features;
};

/// One writer at a time: a second waits for the first (with a note), at most BOSTAD_LOCK_TIMEOUT seconds. A dry
/// run opens no transaction: it reads the store as it is.
class Write final : public WriteTransaction {
public:
    Write(sqlite::Database& db, WriteMode mode, const Note& note) : m_target(db), m_assignment(db) {
        if (mode == WriteMode::write) m_tx.emplace(db, lock_timeout_from_environment(), note);
    }
    IngestTarget& target() override { return m_target; }
    AssignmentStore& assignment() override { return m_assignment; }
    void lock(const std::string& /*what: the whole file is locked already*/) override {}
    void commit() override {
        if (!m_tx) throw InternalError("a dry run cannot commit");
        m_tx->commit();
    }

private:
    GpkgIngestTarget m_target;
    GpkgAssignmentStore m_assignment;
    std::optional<LockedTransaction> m_tx;
};

} // namespace

GpkgStore::GpkgStore(StoreFile file, OpenOptions options)
    : m_file(std::move(file)), m_options(std::move(options)), m_status(m_file.db()), m_features(m_file.db()),
      m_tables(m_file.db()) {}

std::unique_ptr<ReadSnapshot> GpkgStore::read_snapshot() { return std::make_unique<Snapshot>(m_file.db()); }

std::unique_ptr<SharedSnapshot> GpkgStore::share_snapshot() {
    if (m_file.db().txn_state() != sqlite::Database::TxnState::read) return nullptr;
    auto read = m_file.share_read();
    return read ? std::make_unique<Shared>(std::move(read)) : nullptr;
}

std::vector<EntityHistory> GpkgStore::find_history(const std::string& key, const std::optional<std::string>& municipality) {
    return gpkg::find_history(m_file.db(), key, municipality);
}

std::vector<RejectedEntry> GpkgStore::find_rejected(const std::string& key, const std::optional<std::string>& municipality) {
    return gpkg::find_rejected(m_file.db(), key, municipality);
}

std::vector<std::string> GpkgStore::similar_keys(const std::string& key) { return gpkg::similar_keys(m_file.db(), key); }

StoreSummary GpkgStore::summarize(int last_runs) { return gpkg::summarize(m_file, last_runs); }

bool GpkgStore::assignment_pending() { return GpkgAssignmentStore(m_file.db()).pending(); }

std::unique_ptr<WriteTransaction> GpkgStore::begin_write(WriteMode mode) {
    return std::make_unique<Write>(m_file.db(), mode, m_options.note);
}

} // namespace bostad::store::gpkg
