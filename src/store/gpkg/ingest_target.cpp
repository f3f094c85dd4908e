#include "store/gpkg/ingest_target.hpp"

#include "store/gpkg/area_table.hpp"
#include "store/gpkg/permit_table.hpp"
#include "store/gpkg/plan_table.hpp"
#include "store/gpkg/run_log.hpp"
#include "sqlite/gpkg_spatial_index.hpp"

namespace bostad::store::gpkg {
namespace {

constexpr std::size_t k_bulk_index_rows = 5000;

class BulkIndex final : public BulkWrite {
public:
    BulkIndex(sqlite::Database& db, const char* table) : m_load(db, table, "geom") {}
    void finish() override { m_load.finish(); }

private:
    sqlite::BulkIndexLoad m_load;
};

} // namespace

std::unique_ptr<PermitWriter> GpkgIngestTarget::permits() { return std::make_unique<PermitTable>(m_db); }
std::unique_ptr<PlanWriter> GpkgIngestTarget::plans() { return std::make_unique<PlanTable>(m_db); }
std::unique_ptr<AreaSetWriter> GpkgIngestTarget::area_sets() { return std::make_unique<AreaTable>(m_db); }
std::unique_ptr<RunRecorder> GpkgIngestTarget::runs() { return std::make_unique<RunLog>(m_db); }

std::unique_ptr<BulkWrite> GpkgIngestTarget::bulk_write(const char* table, std::size_t rows) {
    if (rows < k_bulk_index_rows) return nullptr;
    return std::make_unique<BulkIndex>(m_db, table);
}

bool GpkgIngestTarget::in_transaction() { return m_db.in_transaction(); }

} // namespace bostad::store::gpkg
