#pragma once
// The GeoPackage store behind the seam (store/store.hpp): one file, read and written through SQLite.

#include <memory>

#include "store/gpkg/feature_source.hpp"
#include "store/gpkg/status_source.hpp"
#include "store/gpkg/store_file.hpp"
#include "store/gpkg/table_rows.hpp"
#include "store/store.hpp"

namespace bostad::store::gpkg {

class GpkgStore final : public Store {
public:
    GpkgStore(StoreFile file, OpenOptions options);

    std::string location() const override { return m_file.path(); }
    int schema_version() const override { return m_file.schema_version(); }
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

    StoreFile& file() { return m_file; }

private:
    StoreFile m_file;
    OpenOptions m_options;
    GpkgStatusSource m_status;
    GpkgFeatureSource m_features;
    GpkgTableSource m_tables;
};

} // namespace bostad::store::gpkg
