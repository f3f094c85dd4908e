#include "store/postgis/ingest_target.hpp"

#include <fmt/format.h>

#include "pg/connection.hpp"
#include "store/postgis/writers.hpp"

namespace bostad::store::postgis {

std::unique_ptr<store::PermitWriter> PgIngestTarget::permits() { return make_permit_writer(m_c); }
std::unique_ptr<store::PlanWriter> PgIngestTarget::plans() { return make_plan_writer(m_c); }
std::unique_ptr<store::AreaSetWriter> PgIngestTarget::area_sets() { return make_area_set_writer(m_c); }
std::unique_ptr<store::RunRecorder> PgIngestTarget::runs() { return make_run_recorder(m_c); }

std::unique_ptr<store::BulkWrite> PgIngestTarget::bulk_write(const char* table, std::size_t rows) {
    constexpr std::size_t k_bulk_from = 50000;
    if (rows < k_bulk_from) return nullptr;
    // Only into an empty table (a region's first load): without its keys, every stored row an ingest updates
    // would be looked for by reading the whole table.
    const auto held = m_c.query_int(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", pg::quote_identifier(table)));
    if (held.value_or(0) > 0) return nullptr;
    return make_deferred_indexes(m_c, table);
}

bool PgIngestTarget::in_transaction() { return m_c.in_transaction(); }

} // namespace bostad::store::postgis
