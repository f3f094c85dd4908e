#include "store/postgis/ingest_target.hpp"

#include <fmt/format.h>

#include "pg/connection.hpp"
#include "store/postgis/writers.hpp"

namespace bostad::store::postgis {
namespace {

/// Tables loaded in bulk together (the permits and their digests): each one's indexes built again in turn.
class DeferredTables final : public store::BulkWrite {
public:
    void add(std::unique_ptr<store::BulkWrite> w) { m_writes.push_back(std::move(w)); }
    void finish() override {
        for (auto& w : m_writes) w->finish();
    }

private:
    std::vector<std::unique_ptr<store::BulkWrite>> m_writes;
};

bool is_empty(pg::Connection& c, const std::string& table) {
    return c.query_int(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", pg::quote_identifier(table))).value_or(0) == 0;
}

} // namespace

std::unique_ptr<store::PermitWriter> PgIngestTarget::permits() { return make_permit_writer(m_c); }
std::unique_ptr<store::PlanWriter> PgIngestTarget::plans() { return make_plan_writer(m_c); }
std::unique_ptr<store::AreaSetWriter> PgIngestTarget::area_sets() { return make_area_set_writer(m_c); }
std::unique_ptr<store::RunRecorder> PgIngestTarget::runs() { return make_run_recorder(m_c); }

std::unique_ptr<store::BulkWrite> PgIngestTarget::bulk_write(const char* table, std::size_t rows) {
    constexpr std::size_t k_bulk_from = 50000;
    if (rows < k_bulk_from) return nullptr;
    // Only into an empty table (a region's first load): without its keys, every stored row an ingest updates
    // would be looked for by reading the whole table. The rows' digests are loaded with them.
    if (!is_empty(m_c, table)) return nullptr;
    auto all = std::make_unique<DeferredTables>();
    all->add(make_deferred_indexes(m_c, table));
    const std::string name(table);
    const std::string digests = name == "permits" ? "permit_digests" : name == "plans" ? "plan_digests" : "";
    if (!digests.empty() && is_empty(m_c, digests)) all->add(make_deferred_indexes(m_c, digests));
    return all;
}

bool PgIngestTarget::in_transaction() { return m_c.in_transaction(); }

} // namespace bostad::store::postgis
