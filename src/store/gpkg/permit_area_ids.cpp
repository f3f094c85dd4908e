#include "store/gpkg/permit_area_ids.hpp"

#include <unordered_map>

#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

PermitAreaIds::PermitAreaIds(sqlite::Database& db, std::int64_t area_set_id) {
    if (area_set_id < 0) return;
    auto areas = db.prepare("SELECT fid, area_id FROM areas WHERE area_set_id = ?1");
    areas.bind(1, area_set_id);
    std::unordered_map<std::int64_t, std::int32_t> index_of_area;
    while (areas.step()) {
        index_of_area.emplace(areas.column_int64(0), static_cast<std::int32_t>(m_ids.size()));
        m_ids.push_back(areas.column_text(1));
    }
    if (m_ids.empty()) return;
    const auto end = db.query_int("SELECT coalesce(max(fid), 0) + 1 FROM permits").value_or(1);
    m_of_fid.assign(static_cast<std::size_t>(end), -1);
    auto st = db.prepare("SELECT permit_fid, area_fid FROM permit_areas WHERE area_set_id = ?1 AND area_fid IS NOT NULL");
    st.bind(1, area_set_id);
    while (st.step()) {
        const std::int64_t fid = st.column_int64(0);
        const auto area = index_of_area.find(st.column_int64(1));
        if (fid < 0 || fid >= end || area == index_of_area.end()) continue; // no such permit: nothing reads it
        m_of_fid[static_cast<std::size_t>(fid)] = area->second;
    }
}

PermitAreaIds PermitAreaIds::named(sqlite::Database& db, const std::optional<std::string>& area_set) {
    const std::optional<std::int64_t> id =
        area_set ? db.query_int("SELECT id FROM area_sets WHERE name = ?1", *area_set) : std::nullopt;
    return PermitAreaIds(db, id.value_or(-1));
}

} // namespace bostad::store::gpkg
