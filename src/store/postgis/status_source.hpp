#pragma once
// The PostGIS store's answers to a status (store/status_source.hpp), counted in the database: one grouped
// query over the permits with the rules of core/pipeline.hpp and core/figures.hpp written as SQL by
// core/rule_sql.hpp (the cutoff days are computed once in C++ and bound), lead times with percentile
// functions, plan capacity use in SQL. Only the grouped rows (areas × municipalities × house types × tenures ×
// sets of figures) come back.

#include "store/status_source.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

class PgStatusSource final : public StatusSource {
public:
    explicit PgStatusSource(pg::Connection& c) : m_c(c) {}
    std::vector<std::string> area_set_names() override;
    std::optional<std::int64_t> find_area_set(const std::string& name) override;
    std::vector<AreaRow> areas(std::int64_t area_set_id) override;
    PermitTally scan_permits(const ScanRequest& request) override;
    /// Chosen by the database, one query per figure.
    std::vector<std::vector<ListedPermit>> list_permits(const ListRequest& request) override;
    std::unordered_map<std::int64_t, LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                            const Cutoffs<std::string_view>& cut,
                                                            const std::vector<std::int32_t>* capacity_use) override;
    std::vector<PlanShare> plan_shares(std::int64_t area_set_id,
                                       const std::unordered_map<std::int64_t, std::size_t>& area_index) override;

private:
    std::vector<ListedPermit> list_permits(const ListRequest& request, Figure figure);

    pg::Connection& m_c;
};

} // namespace bostad::store::postgis
