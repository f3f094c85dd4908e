#pragma once
// The PostGIS store behind the seam (store/store.hpp): one schema of a PostgreSQL database with PostGIS,
// read in REPEATABLE READ snapshots, written in transactions whose writers of one source wait for each other.

#include <memory>

#include "store/postgis/feature_source.hpp"
#include "store/postgis/pg_store.hpp"
#include "store/postgis/status_source.hpp"
#include "store/postgis/table_rows.hpp"
#include "store/store.hpp"

namespace bostad::store::postgis {

class PostgisStore final : public Store {
public:
    PostgisStore(PgStore store, OpenOptions options);

    std::string location() const override { return m_store.location(); }
    int schema_version() const override { return m_store.schema_version(); }
    std::unique_ptr<ReadSnapshot> read_snapshot() override;
    std::unique_ptr<SharedSnapshot> share_snapshot() override;
    StatusSource& status() override { return m_status; }
    FeatureSource& features() override { return m_features; }
    std::vector<EntityHistory> find_history(const std::string& key, const std::optional<std::string>& municipality) override;
    std::vector<RejectedEntry> find_rejected(const std::string& key, const std::optional<std::string>& municipality) override;
    std::vector<std::string> similar_keys(const std::string& key) override;
    StoreSummary summarize(int last_runs) override;
    TableSource& tables() override { return m_tables; }
    bool assignment_pending() override;
    std::unique_ptr<WriteTransaction> begin_write(WriteMode mode) override;

private:
    PgStore m_store;
    OpenOptions m_options;
    PgStatusSource m_status;
    PgFeatureSource m_features;
    PgTableSource m_tables;
};

} // namespace bostad::store::postgis
