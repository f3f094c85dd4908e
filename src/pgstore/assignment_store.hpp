#pragma once
// The PostGIS store's side of the assignment (aggregate/assignment_store.hpp): points and polygons read as
// WKB, candidates near a plan found through the GiST index, rows written with COPY.

#include "aggregate/assignment_store.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::pgstore {

class PgAssignmentStore final : public aggregate::AssignmentStore {
public:
    explicit PgAssignmentStore(pg::Connection& c) : m_c(c) {}
    aggregate::AssignmentQueue read_queue() override;
    bool pending() override;
    std::vector<std::int64_t> area_set_ids() override;
    std::vector<aggregate::PointItem> permit_points(const std::set<std::int64_t>* only) override;
    std::vector<aggregate::PolygonItem> areas(std::int64_t area_set_id) override;
    std::vector<aggregate::PolygonItem> plans(const std::set<std::int64_t>* only) override;
    std::vector<aggregate::PointItem> points_near(const std::vector<aggregate::PolygonItem>& polygons) override;
    void replace_permit_areas(std::int64_t area_set_id, const std::vector<aggregate::PointItem>* permits,
                              const std::vector<aggregate::AreaRowOut>& rows) override;
    void clear_permit_plans_of_permits(const std::vector<aggregate::PointItem>* permits) override;
    void clear_permit_plans_of_plans(const std::set<std::int64_t>& plans) override;
    void add_permit_plans(const std::vector<std::pair<std::int64_t, std::int64_t>>& plan_permit) override;
    void replace_plan_shares(std::int64_t area_set_id, const std::vector<aggregate::PolygonItem>* plans,
                             const std::vector<aggregate::ShareRowOut>& rows) override;
    void clear_queue() override;

private:
    pg::Connection& m_c;
};

/// "{1,2,3}": a bigint[] parameter.
std::string int_array(const std::vector<std::int64_t>& ids);

/// Bytes from PostgreSQL's hex text ("\x0102…" or "0102…").
std::vector<std::uint8_t> from_hex(const std::string& text);

} // namespace bostad::pgstore
