#pragma once
// The PostGIS store's answers to a status (aggregate/status_source.hpp), counted in the database: one
// grouped query over the permits with the pipeline rules of core/pipeline.hpp stated in SQL (the cutoff days
// are computed once in C++ and bound), lead times with percentile functions, plan capacity use in SQL.
// Only the grouped rows (areas × municipalities × house types × tenures) come back.

#include "aggregate/status_source.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::pgstore {

class PgStatusSource final : public aggregate::StatusSource {
public:
    explicit PgStatusSource(pg::Connection& c) : m_c(c) {}
    std::vector<std::string> area_set_names() override;
    std::optional<std::int64_t> find_area_set(const std::string& name) override;
    std::vector<aggregate::AreaRow> areas(std::int64_t area_set_id) override;
    aggregate::PermitTally scan_permits(const aggregate::ScanRequest& request) override;
    std::unordered_map<std::int64_t, aggregate::LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                                       const Cutoffs<aggregate::Text>& cut,
                                                                       const std::vector<std::int32_t>* capacity_use) override;
    std::vector<aggregate::PlanShare> plan_shares(std::int64_t area_set_id,
                                                  const std::unordered_map<std::int64_t, std::size_t>& area_index) override;

private:
    pg::Connection& m_c;
};

/// The permits behind a flag or flow of the month (aggregate::list_permits), chosen by the database.
std::vector<aggregate::ListedPermit> list_permits(pg::Connection& c, const aggregate::StatusRequest& request,
                                                  aggregate::ListKind kind);

} // namespace bostad::pgstore
