#include "store/postgis/assignment_store.hpp"

#include "store/postgis/codec.hpp"

#include <fmt/format.h>

#include <map>

#include "core/error.hpp"
#include "pg/connection.hpp"

namespace bostad::store::postgis {
namespace {

std::vector<PointItem> points_of(const pg::Result& r) {
    std::vector<PointItem> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.int64(i, 0), r.real(i, 1), r.real(i, 2)});
    return out;
}

std::vector<PolygonItem> polygons_of(const pg::Result& r) {
    std::vector<PolygonItem> out;
    for (int i = 0; i < r.rows(); ++i) {
        if (r.is_null(i, 2)) continue;
        out.push_back({r.int64(i, 0), r.text(i, 1), from_hex(r.text(i, 2))});
    }
    return out;
}

template <typename Items>
std::vector<std::int64_t> ids_of(const Items& items) {
    std::vector<std::int64_t> out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

pg::Param optional_id(const std::optional<std::int64_t>& v) {
    if (!v) return std::nullopt;
    return std::to_string(*v);
}

} // namespace

AssignmentQueue PgAssignmentStore::read_queue() {
    AssignmentQueue q;
    pg::Result r = m_c.exec("SELECT kind, fid FROM assignment_queue");
    for (int i = 0; i < r.rows(); ++i) {
        const std::string kind = r.text(i, 0);
        const std::int64_t fid = r.int64(i, 1);
        if (kind == "all_permits") q.all_permits = true;
        else if (kind == "permit") q.permits.insert(fid);
        else if (kind == "plan") q.plans.insert(fid);
        else if (kind == "area_set") q.area_sets.insert(fid);
    }
    return q;
}

bool PgAssignmentStore::pending() { return m_c.query_int("SELECT 1 FROM assignment_queue LIMIT 1").has_value(); }

std::vector<std::int64_t> PgAssignmentStore::area_set_ids() {
    pg::Result r = m_c.exec("SELECT id FROM area_sets ORDER BY id");
    std::vector<std::int64_t> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.int64(i, 0));
    return out;
}

std::vector<PointItem> PgAssignmentStore::permit_points(const std::set<std::int64_t>* only) {
    if (!only) return points_of(m_c.exec("SELECT fid, ST_X(geom), ST_Y(geom) FROM permits WHERE geom IS NOT NULL ORDER BY fid"));
    return points_of(m_c.exec("SELECT fid, ST_X(geom), ST_Y(geom) FROM permits WHERE fid = ANY($1::bigint[]) "
                              "AND geom IS NOT NULL ORDER BY fid",
                              {int_array({only->begin(), only->end()})}));
}

std::vector<PolygonItem> PgAssignmentStore::areas(std::int64_t area_set_id) {
    return polygons_of(m_c.exec("SELECT fid, area_id, encode(ST_AsBinary(geom, 'NDR'), 'hex') FROM areas "
                                "WHERE area_set_id = $1 ORDER BY fid",
                                {std::to_string(area_set_id)}));
}

std::vector<PolygonItem> PgAssignmentStore::plans(const std::set<std::int64_t>* only) {
    if (!only) {
        return polygons_of(m_c.exec("SELECT fid, plan_id, encode(ST_AsBinary(geom, 'NDR'), 'hex') FROM plans ORDER BY fid"));
    }
    return polygons_of(m_c.exec("SELECT fid, plan_id, encode(ST_AsBinary(geom, 'NDR'), 'hex') FROM plans "
                                "WHERE fid = ANY($1::bigint[]) ORDER BY fid",
                                {int_array({only->begin(), only->end()})}));
}

std::vector<PointItem> PgAssignmentStore::points_near(const std::vector<PolygonItem>& polygons) {
    if (polygons.empty()) return {};
    return points_of(m_c.exec("SELECT DISTINCT p.fid, ST_X(p.geom), ST_Y(p.geom) FROM permits p JOIN plans pl "
                              "ON p.geom && pl.geom WHERE pl.fid = ANY($1::bigint[]) ORDER BY p.fid",
                              {int_array(ids_of(polygons))}));
}

void PgAssignmentStore::replace_permit_areas(std::int64_t set, const std::vector<PointItem>* permits,
                                             const std::vector<AreaRowOut>& rows) {
    if (!permits) m_c.exec("DELETE FROM permit_areas WHERE area_set_id = $1", {std::to_string(set)});
    else {
        m_c.exec("DELETE FROM permit_areas WHERE area_set_id = $1 AND permit_fid = ANY($2::bigint[])",
                 {std::to_string(set), int_array(ids_of(*permits))});
    }
    m_c.begin_copy("permit_areas", {"area_set_id", "permit_fid", "area_fid"});
    for (const auto& [permit, area] : rows) m_c.put_row({std::to_string(set), std::to_string(permit), optional_id(area)});
    m_c.end_copy();
}

void PgAssignmentStore::clear_permit_plans_of_permits(const std::vector<PointItem>* permits) {
    if (!permits) m_c.exec("DELETE FROM permit_plans");
    else m_c.exec("DELETE FROM permit_plans WHERE permit_fid = ANY($1::bigint[])", {int_array(ids_of(*permits))});
}

void PgAssignmentStore::clear_permit_plans_of_plans(const std::set<std::int64_t>& plans) {
    m_c.exec("DELETE FROM permit_plans WHERE plan_fid = ANY($1::bigint[])", {int_array({plans.begin(), plans.end()})});
}

void PgAssignmentStore::add_permit_plans(const std::vector<std::pair<std::int64_t, std::int64_t>>& plan_permit) {
    m_c.begin_copy("permit_plans", {"plan_fid", "permit_fid"});
    for (const auto& [plan, permit] : plan_permit) m_c.put_row({std::to_string(plan), std::to_string(permit)});
    m_c.end_copy();
}

void PgAssignmentStore::replace_plan_shares(std::int64_t set, const std::vector<PolygonItem>* plans,
                                            const std::vector<ShareRowOut>& rows) {
    if (!plans) m_c.exec("DELETE FROM plan_area_shares WHERE area_set_id = $1", {std::to_string(set)});
    else {
        m_c.exec("DELETE FROM plan_area_shares WHERE area_set_id = $1 AND plan_fid = ANY($2::bigint[])",
                 {std::to_string(set), int_array(ids_of(*plans))});
    }
    m_c.begin_copy("plan_area_shares", {"area_set_id", "plan_fid", "area_fid", "share"});
    for (const auto& [plan, area, share] : rows) {
        m_c.put_row({std::to_string(set), std::to_string(plan), optional_id(area), fmt::format("{}", share)});
    }
    m_c.end_copy();
}

void PgAssignmentStore::clear_queue() { m_c.exec("DELETE FROM assignment_queue"); }

} // namespace bostad::store::postgis
