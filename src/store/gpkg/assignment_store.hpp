#pragma once
// The GeoPackage store's side of the area assignment (store/assignment_store.hpp): block INSERTs, and the
// permits' R-tree for the permits near a plan.

#include <optional>

#include "store/assignment_store.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

class GpkgAssignmentStore final : public AssignmentStore {
public:
    explicit GpkgAssignmentStore(sqlite::Database& db) : m_db(db) {}
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
    std::vector<PolygonItem> polygons(const char* sql, std::optional<std::int64_t> param);
    sqlite::Database& m_db;
};

} // namespace bostad::store::gpkg
