#include "aggregate/assignment.hpp"

#include <chrono>

#include <fmt/format.h>
#include <optional>
#include <set>

#include "store/assignment_store.hpp"
#include "aggregate/spatial_join.hpp"

namespace bostad::aggregate {
namespace {

using store::AreaRowOut;
using store::AssignmentQueue;
using store::AssignmentStore;
using store::ShareRowOut;

std::optional<std::int64_t> fid_at(const std::vector<PolygonItem>& items, int index) {
    if (index < 0) return std::nullopt;
    return items[static_cast<std::size_t>(index)].id;
}

/// The permits to (re)assign: all of them once, or only the queued ones.
class PermitPoints {
public:
    PermitPoints(AssignmentStore& store, const AssignmentQueue& q)
        : m_store(store), m_queued(q.all_permits ? std::vector<PointItem>{} : store.permit_points(&q.permits)) {}
    const std::vector<PointItem>& all() {
        if (!m_all) m_all = m_store.permit_points(nullptr);
        return *m_all;
    }
    const std::vector<PointItem>& queued() const { return m_queued; }

private:
    AssignmentStore& m_store;
    std::vector<PointItem> m_queued;
    std::optional<std::vector<PointItem>> m_all;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Permits → the one area of each set that holds them (permit_areas).
std::int64_t assign_to_areas(AssignmentStore& store, const AssignmentQueue& q, const std::vector<std::int64_t>& sets,
                             PermitPoints& permits) {
    std::int64_t count = 0;
    for (const std::int64_t set : sets) {
        const bool whole = q.all_permits || q.area_sets.contains(set);
        const std::vector<PointItem>& points = whole ? permits.all() : permits.queued();
        if (points.empty()) continue;
        const auto areas = store.areas(set);
        const auto assigned = assign_points(points, areas);
        std::vector<AreaRowOut> rows;
        rows.reserve(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) rows.emplace_back(points[i].id, fid_at(areas, assigned[i]));
        store.replace_permit_areas(set, whole ? nullptr : &points, rows);
        count += static_cast<std::int64_t>(points.size());
    }
    return count;
}

/// Permits → every plan that holds them (permit_plans): the queued permits against every plan, and every
/// permit near a queued plan.
void assign_to_plans(AssignmentStore& store, const AssignmentQueue& q, PermitPoints& permits) {
    const auto plans = store.plans(nullptr);
    if (plans.empty()) {
        // No plan to be in: nothing to join, and no need to read every permit for it.
        store.clear_permit_plans_of_permits(q.all_permits ? nullptr : &permits.queued());
        return;
    }
    const std::vector<PointItem>& points = q.all_permits ? permits.all() : permits.queued();
    store.clear_permit_plans_of_permits(q.all_permits ? nullptr : &points);
    std::vector<std::pair<std::int64_t, std::int64_t>> rows;
    for (const auto& [point, plan] : points_in_polygons(points, plans)) rows.emplace_back(plans[plan].id, points[point].id);
    store.add_permit_plans(rows);
    if (q.all_permits || q.plans.empty()) return;
    const auto changed = store.plans(&q.plans);
    store.clear_permit_plans_of_plans(q.plans);
    const auto near = store.points_near(changed);
    rows.clear();
    for (const auto& [point, plan] : points_in_polygons(near, changed)) rows.emplace_back(changed[plan].id, near[point].id);
    store.add_permit_plans(rows);
}

/// Plans → their shares of the areas of each set (plan_area_shares): every plan for a replaced set, the
/// queued plans for the others.
std::int64_t share_plans(AssignmentStore& store, const AssignmentQueue& q, const std::vector<std::int64_t>& sets) {
    std::int64_t count = 0;
    for (const std::int64_t set : sets) {
        const bool whole = q.area_sets.contains(set);
        if (!whole && q.plans.empty()) continue;
        const auto plans = store.plans(whole ? nullptr : &q.plans);
        const auto areas = store.areas(set);
        std::vector<ShareRowOut> rows;
        for (const auto& s : area_shares(plans, areas)) rows.emplace_back(plans[s.part].id, fid_at(areas, s.area), s.share);
        store.replace_plan_shares(set, whole ? nullptr : &plans, rows);
        count += static_cast<std::int64_t>(plans.size());
    }
    return count;
}

} // namespace

AssignmentSummary process_assignment_queue(AssignmentStore& store) {
    AssignmentSummary summary;
    const AssignmentQueue q = store.read_queue();
    if (q.empty()) return summary;
    const std::vector<std::int64_t> sets = store.area_set_ids();
    summary.area_sets = static_cast<std::int64_t>(sets.size());

    auto start = std::chrono::steady_clock::now();
    PermitPoints permits(store, q);
    summary.permits = assign_to_areas(store, q, sets, permits);
    summary.permit_seconds = seconds_since(start);

    start = std::chrono::steady_clock::now();
    assign_to_plans(store, q, permits);
    summary.plans = share_plans(store, q, sets);
    summary.plan_seconds = seconds_since(start);
    store.clear_queue();
    return summary;
}

std::string assignment_note(const AssignmentSummary& a) {
    return fmt::format("assigned {} permits to the areas of {} area sets in {:.2f} s; permits to plans and {} plans to the areas "
                       "in {:.2f} s",
                       a.permits, a.area_sets, a.permit_seconds, a.plans, a.plan_seconds);
}

} // namespace bostad::aggregate
