#include <cmath>
#include <map>

#include <fmt/format.h>

#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "store/feature_source.hpp"
#include "aggregate/boundaries.hpp"
#include "config/config.hpp"

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
    for (const auto& d : figure_defs()) {
        if (d.group == FigureGroup::stage) v.emplace_back(f.unknown_dwellings[d.id]);
    }
    v.emplace_back(month.str());
}

} // namespace

forecast::Forecast area_outlook(store::FeatureSource& features, store::StatusSource& status, const ExportRequest& req) {
    forecast::ForecastRequest f;
    f.month = req.month;
    if (!req.area_set.empty()) f.area_set = req.area_set;
    f.stalled_months = req.stalled_months;
    f.config = req.config;
    f.draws = 0; // the expected values only: the layer has no room for intervals, and draws take time at scale
    f.spans = {{req.month.plus(1), req.month.plus(12)}, {req.month.plus(1), req.month.plus(36)}};
    f.targets = false;
    return forecast::make_forecast(features, status, f);
}

AreaOutlook::AreaOutlook(const forecast::Forecast& outlook) {
    for (const auto& a : outlook.areas) {
        m_expected.emplace(a.id, std::array<double, 2>{one_decimal(a.completed.at(0).expected), one_decimal(a.completed.at(1).expected)});
    }
}

std::array<double, 2> AreaOutlook::of(std::string_view area_id) const {
    const auto it = m_expected.find(area_id);
    return it == m_expected.end() ? std::array<double, 2>{0.0, 0.0} : it->second;
}

std::optional<Envelope> write_areas(store::FeatureSource& features, const ExportRequest& req, const aggregate::StatusResult& status,
                                    const AreaOutlook* outlook, gdal::LayerWriter& out) {
    std::map<std::string, const aggregate::AreaStatus*, std::less<>> by_id;
    for (const auto& a : status.areas) by_id.emplace(a.area_id, &a);
    std::optional<Envelope> extent;
    const aggregate::Figures none;
    for (const auto& a : features.areas(req.area_set)) {
        if (a.municipality && req.config && !req.config->covers(*a.municipality)) continue; // outside the project
        const auto it = by_id.find(a.area_id);
        std::vector<FieldValue> v{req.area_set, a.area_id, optional_text(a.name), optional_text(a.municipality.value_or(""))};
        add_status_values(v, it == by_id.end() ? none : it->second->figures, req.month);
        if (outlook) {
            for (const double expected : outlook->of(a.area_id)) v.emplace_back(expected);
        } else {
            v.insert(v.end(), 2, FieldValue{});
        }
        if (const auto env = wkb_envelope(a.wkb)) {
            if (extent) extent->expand(*env);
            else extent = env;
        }
        out.add(v, a.wkb);
    }
    return extent;
}

std::vector<std::string> write_municipalities(store::FeatureSource& features, const ExportRequest& req,
                                              const aggregate::StatusResult& status, gdal::LayerWriter& out,
                                              std::optional<Envelope>& extent) {
    std::vector<std::string> warnings;
    const aggregate::ProjectOutlines outlines = aggregate::project_outlines(features, req.boundary_set);
    for (const auto& m : status.municipalities) {
        std::vector<std::uint8_t> wkb;
        if (const sweden::Outline* o = outlines.outlines->find(m.code)) {
            wkb = o->wkb;
            if (extent) extent->expand(o->envelope);
            else extent = o->envelope;
        } else warnings.push_back(fmt::format("municipality {} has no outline (not a kommun code SCB knows): its feature "
                                            "in the municipalities layer has no geometry", m.code));
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
    return warnings;
}

} // namespace bostad::exports
