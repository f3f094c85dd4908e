#pragma once
// Generated detaljplaner: each plan has a whole process history (planuppdrag → samråd → granskning →
// antagen → laga kraft), so that any month's snapshot shows the status it had then.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"
#include "example/map.hpp"
#include "geos/ops.hpp"
#include "example/random.hpp"

namespace bostad::example {

struct PlanHistory {
    std::string plan_id;
    std::string name;
    std::string municipality;
    const MapArea* district = nullptr;
    geos::Coords ring;   ///< the plan boundary, closed, EPSG:3006
    geos::Geometry geom; ///< Polygon of `ring`
    geos::Prepared prepared;
    std::optional<std::int64_t> planned_dwellings; ///< nullopt: the plan does not state a number
    int implementation_years = 10;
    Date commissioned; ///< planuppdrag
    Date consultation; ///< samråd
    Date review;       ///< granskning
    Date adopted;      ///< antagen
    Date legal;        ///< laga kraft

    /// The plan's status at the end of `day`; nullopt before the planuppdrag.
    std::optional<PlanStatus> status_at(Date day) const;
    Date implementation_end() const { return legal.plus_months(12 * implementation_years); }
};

/// Plans of both municipalities whose processes run up to around `last` (some end after it).
std::vector<PlanHistory> generate_plans(Random& rng, const geos::Context& ctx, const ExampleMap& map, Month last);

} // namespace bostad::example
