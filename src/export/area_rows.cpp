#include <cmath>
#include <map>

#include <fmt/format.h>

#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "geos/context.hpp"
#include "geos/ops.hpp"
#include "store/feature_source.hpp"

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

std::optional<Envelope> write_areas(store::FeatureSource& features, const ExportRequest& req,
                                    const aggregate::StatusResult& status, gdal::LayerWriter& out) {
    std::map<std::string, const aggregate::AreaStatus*, std::less<>> by_id;
    for (const auto& a : status.areas) by_id.emplace(a.area_id, &a);
    std::optional<Envelope> extent;
    const aggregate::Figures none;
    for (const auto& a : features.areas(req.area_set)) {
        const auto it = by_id.find(a.area_id);
        std::vector<FieldValue> v{req.area_set, a.area_id, optional_text(a.name), optional_text(a.municipality.value_or(""))};
        add_status_values(v, it == by_id.end() ? none : it->second->figures, req.month);
        if (const auto env = wkb_envelope(a.wkb)) {
            if (extent) extent->expand(*env);
            else extent = env;
        }
        out.add(v, a.wkb);
    }
    return extent;
}

void write_municipalities(store::FeatureSource& features, const ExportRequest& req, const aggregate::StatusResult& status,
                          gdal::LayerWriter& out) {
    const geos::Context ctx;
    const auto boundaries = features.areas(req.boundary_set);
    for (const auto& m : status.municipalities) {
        // The municipality's outline: its areas in the boundary set (those of its code, or, without a code, the
        // area whose id is its code) dissolved, all parts at once.
        std::vector<geos::Geometry> parts;
        for (const auto& a : boundaries) {
            const bool its = a.municipality ? *a.municipality == m.code : a.area_id == m.code;
            if (its && !a.wkb.empty()) parts.push_back(ctx.from_wkb(a.wkb));
        }
        std::vector<std::uint8_t> wkb;
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
