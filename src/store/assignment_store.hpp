#pragma once
// What the area assignment (aggregate/assignment.hpp) reads from and writes to a store: the queue, the
// permits' points, the areas' and plans' polygons, and the three assignment tables. Each store answers; the
// spatial joins themselves run in C++ (aggregate/spatial_join.hpp) for every store, so that all stores assign
// every permit and share every plan exactly alike.

#include <cstdint>
#include <optional>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "core/spatial_items.hpp"

namespace bostad::store {

struct AssignmentQueue {
    bool all_permits = false;
    std::set<std::int64_t> permits;
    std::set<std::int64_t> plans;
    std::set<std::int64_t> area_sets;

    bool empty() const { return !all_permits && permits.empty() && plans.empty() && area_sets.empty(); }
};

using AreaRowOut = std::pair<std::int64_t, std::optional<std::int64_t>>;                 ///< permit, area
using ShareRowOut = std::tuple<std::int64_t, std::optional<std::int64_t>, double>;        ///< plan, area, share

class AssignmentStore {
public:
    virtual ~AssignmentStore() = default;
    virtual AssignmentQueue read_queue() = 0;
    virtual bool pending() = 0;
    virtual std::vector<std::int64_t> area_set_ids() = 0;
    /// Permit points ordered by fid: all (only == nullptr) or the listed ones.
    virtual std::vector<PointItem> permit_points(const std::set<std::int64_t>* only) = 0;
    /// The areas of a set ordered by fid, ranked by area_id.
    virtual std::vector<PolygonItem> areas(std::int64_t area_set_id) = 0;
    /// Plans ordered by fid: all or the listed ones.
    virtual std::vector<PolygonItem> plans(const std::set<std::int64_t>* only) = 0;
    /// Permits whose points lie in the envelope of any of the polygons.
    virtual std::vector<PointItem> points_near(const std::vector<PolygonItem>& polygons) = 0;

    /// Replaces the set's permit_areas rows of the permits (all of the set's when `permits` is null).
    virtual void replace_permit_areas(std::int64_t area_set_id, const std::vector<PointItem>* permits,
                                      const std::vector<AreaRowOut>& rows) = 0;
    /// Removes permit_plans rows of the permits (all when null), or of the plans.
    virtual void clear_permit_plans_of_permits(const std::vector<PointItem>* permits) = 0;
    virtual void clear_permit_plans_of_plans(const std::set<std::int64_t>& plans) = 0;
    virtual void add_permit_plans(const std::vector<std::pair<std::int64_t, std::int64_t>>& plan_permit) = 0;
    /// Replaces the set's plan_area_shares rows of the plans (all of the set's when `plans` is null).
    virtual void replace_plan_shares(std::int64_t area_set_id, const std::vector<PolygonItem>* plans,
                                     const std::vector<ShareRowOut>& rows) = 0;
    virtual void clear_queue() = 0;
};

} // namespace bostad::store
