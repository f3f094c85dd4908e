#pragma once
// Generated building permits with realistic lifecycles (domain.md): applied → granted → started →
// completed, with refusals, withdrawals and lapses; småhus scattered round the towns and projects built
// out in the plans that have gained legal force.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"
#include "example/map.hpp"
#include "example/plans.hpp"
#include "example/random.hpp"

namespace bostad::example {

struct PermitHistory {
    std::string case_id;
    std::string municipality;
    std::string property;
    std::string action; ///< åtgärd, e.g. "Nybyggnad av enbostadshus"
    HouseType house_type = HouseType::smahus;
    Tenure tenure = Tenure::aganderatt;
    std::int64_t dwellings = 1;
    std::int64_t dwellings_removed = 0;
    double x = 0; ///< EPSG:3006
    double y = 0;
    Date applied;
    std::optional<Date> granted;
    std::optional<Date> refused;
    std::optional<Date> withdrawn;
    std::optional<Date> started;
    std::optional<Date> completed;
};

/// Permits applied for from `first` up to the end of `last`, their later dates possibly beyond it.
std::vector<PermitHistory> generate_permits(Random& rng, const geos::Context& ctx, const ExampleMap& map,
                                            const std::vector<PlanHistory>& plans, Date first, Month last);

/// A permit as a case system exported at the end of `day`: dates after it are not known yet.
std::optional<PermitHistory> as_known_at(const PermitHistory& p, Date day);

} // namespace bostad::example
