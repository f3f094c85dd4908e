#include <cmath>
#include <map>

#include <fmt/format.h>

#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "geos/context.hpp"
#include "geos/ops.hpp"
#include "sqlite/database.hpp"

namespace bostad::exports {
namespace {

using gdal::FieldValue;

FieldValue optional_text(const std::string& s) { return s.empty() ? FieldValue{} : FieldValue{s}; }

double one_decimal(double v) { return std::round(v * 10) / 10; }

/// The status columns shared by municipalities and areas (layer_schema.cpp's status_fields() order).
void add_status_values(std::vector<FieldValue>& v, const aggregate::Figures& f, Month month) {
    v.emplace_back(one_decimal(f.planned));
    v.emplace_back(one_decimal(f.remaining_capacity));
    if (f.planned > 0) v.emplace_back(one_decimal((f.planned - f.remaining_capacity) / f.planned * 100));
    else v.emplace_back();
    for (const auto& d : figure_defs()) {
        v.emplace_back(f.dwellings[d.id]);
        if (d.export_net) v.emplace_back(f.net[d.id]);
    }
    v.emplace_back(month.str());
}

} // namespace

std::optional<Envelope> write_areas(sqlite::Database& db, const ExportRequest& req, const aggregate::StatusResult& status,
                                    gdal::LayerWriter& out) {
    std::map<std::string, const aggregate::AreaStatus*, std::less<>> by_id;
    for (const auto& a : status.areas) by_id.emplace(a.area_id, &a);
    auto st = db.prepare("SELECT a.area_id, a.name, a.municipality, a.geom FROM areas a JOIN area_sets s ON s.id = a.area_set_id "
                         "WHERE s.name = ?1 ORDER BY a.area_id");
    st.bind(1, req.area_set);
    std::optional<Envelope> extent;
    const aggregate::Figures none;
    while (st.step()) {
        const std::string id = st.column_text(0);
        const auto it = by_id.find(id);
        std::vector<FieldValue> v{req.area_set, id, optional_text(st.column_text(1)), optional_text(st.column_text(2))};
        add_status_values(v, it == by_id.end() ? none : it->second->figures, req.month);
        const auto blob = st.column_blob(3);
        if (const auto env = gpkg_blob_envelope(blob)) {
            if (extent) extent->expand(*env);
            else extent = env;
        }
        out.add(v, gpkg_blob_wkb(blob));
    }
    return extent;
}

void write_municipalities(sqlite::Database& db, const ExportRequest& req, const aggregate::StatusResult& status,
                          gdal::LayerWriter& out) {
    const geos::Context ctx;
    auto st = db.prepare("SELECT a.geom FROM areas a JOIN area_sets s ON s.id = a.area_set_id "
                         "WHERE s.name = ?1 AND a.geom IS NOT NULL "
                         "AND (a.municipality = ?2 OR (a.municipality IS NULL AND a.area_id = ?2)) ORDER BY a.area_id");
    for (const auto& m : status.municipalities) {
        // The municipality's outline: its areas dissolved (a union of all parts at once).
        std::vector<std::uint8_t> wkb;
        st.reset();
        st.bind(1, req.boundary_set).bind(2, m.code);
        std::vector<geos::Geometry> parts;
        while (st.step()) {
            const auto part = gpkg_blob_wkb(st.column_blob(0));
            if (!part.empty()) parts.push_back(ctx.from_wkb(part));
        }
        if (!parts.empty()) wkb = ctx.to_wkb(geos::union_all(ctx, std::move(parts)).get());

        std::vector<FieldValue> v{m.code, m.name};
        add_status_values(v, m.figures, req.month);
        if (m.targets.empty()) {
            v.insert(v.end(), 4, FieldValue{});
        } else {
            const auto& t = m.targets.front();
            v.emplace_back(t.dwellings);
            v.emplace_back(fmt::format("{}–{}", t.from.str(), t.to.str()));
            v.emplace_back(one_decimal(t.expected_by_now));
            v.emplace_back(t.completed_since_from);
        }
        out.add(v, wkb);
    }
}

} // namespace bostad::exports
