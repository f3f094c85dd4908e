#pragma once
// The GeoPackage store as an ingest target (store/ingest_target.hpp).

#include "store/ingest_target.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

class GpkgIngestTarget final : public IngestTarget {
public:
    explicit GpkgIngestTarget(sqlite::Database& db) : m_db(db) {}
    std::unique_ptr<PermitWriter> permits() override;
    std::unique_ptr<PlanWriter> plans() override;
    std::unique_ptr<AreaSetWriter> area_sets() override;
    std::unique_ptr<RunRecorder> runs() override;
    /// From 5 000 rows on, the table's R-tree is rebuilt in bulk after the writes instead of row by row.
    std::unique_ptr<BulkWrite> bulk_write(const char* table, std::size_t rows) override;
    bool in_transaction() override;

private:
    sqlite::Database& m_db;
};

} // namespace bostad::store::gpkg
