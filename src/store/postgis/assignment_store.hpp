#pragma once
// The PostGIS store's side of the assignment (store/assignment_store.hpp): points and polygons read as
// WKB, candidates near a plan found through the GiST index, rows written with COPY.

#include "store/assignment_store.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

class PgAssignmentStore final : public AssignmentStore {
public:
    explicit PgAssignmentStore(pg::Connection& c) : m_c(c) {}
    AssignmentQueue read_queue() override;
    bool pending() override;
    std::vector<std::int64_t> area_set_ids() override;
    std::vector<PointItem> permit_points(const std::set<std::int64_t>* only) override;
    std::vector<PolygonItem> areas(std::int64_t area_set_id) override;
    std::vector<PolygonItem> plans(const std::set<std::int64_t>* only) override;
    std::vector<PointItem> points_near(const std::vector<PolygonItem>& polygons) override;
    void replace_permit_areas(std::int64_t area_set_id, const std::vector<PointItem>* permits,
                              const std::vector<AreaRowOut>& rows) override;
    void clear_permit_plans_of_permits(const std::vector<PointItem>* permits) override;
    void clear_permit_plans_of_plans(const std::set<std::int64_t>& plans) override;
    void add_permit_plans(const std::vector<std::pair<std::int64_t, std::int64_t>>& plan_permit) override;
    void replace_plan_shares(std::int64_t area_set_id, const std::vector<PolygonItem>* plans,
                             const std::vector<ShareRowOut>& rows) override;
    void clear_queue() override;

private:
    pg::Connection& m_c;
};

} // namespace bostad::store::postgis
