#include <fmt/format.h>

#include "core/domain.hpp"
#include "core/figures.hpp"
#include "config/config.hpp"
#include "export/layer_rows.hpp"
#include "export/layer_schema.hpp"
#include "export/row_sink.hpp"
#include "gdal/vector_writer.hpp"
#include "store/feature_source.hpp"

namespace bostad::exports {
namespace {

using Text = std::string_view;
using gdal::FieldValue;

std::string_view stage_of(PipelineState s) {
    switch (s) {
    case PipelineState::applied: return code(Stage::applied);
    case PipelineState::granted: return code(Stage::granted);
    case PipelineState::started: return code(Stage::started);
    case PipelineState::completed: return code(Stage::completed);
    case PipelineState::refused: return code(Stage::refused);
    case PipelineState::withdrawn: return code(Stage::withdrawn);
    case PipelineState::lapsed: return code(Stage::lapsed);
    case PipelineState::none: break;
    }
    return {};
}

/// A date as known at the end of the month: none when it comes later.
FieldValue known_by(const std::optional<Text>& date, const std::string& month_end) {
    if (!date || *date > month_end) return {};
    return std::string(*date);
}

FieldValue text_or_null(const std::optional<Text>& t) { return t ? FieldValue{std::string(*t)} : FieldValue{}; }

} // namespace

void write_permits(store::FeatureSource& features, const ExportRequest& req, RowSink& out) {
    const MonthDays days = month_days(req.month, req.stalled_months);
    const Cutoffs<Text> cut = days.cutoffs();
    const std::string month = req.month.str();
    std::vector<FieldValue> v;
    features.permits({req.area_set, true}, [&](const store::PermitFeature& p) {
        if (req.config && !req.config->covers(p.municipality)) return; // a kommun outside the project
        const PipelineState state = state_at(p.dates, cut);
        if (state == PipelineState::none) return; // not applied for yet at the end of the month
        const std::string_view stage = stage_of(state);
        v.clear();
        v.emplace_back(std::string(p.municipality));
        v.emplace_back(std::string(p.case_id));
        v.push_back(text_or_null(p.property));
        v.push_back(text_or_null(p.house_type));
        v.push_back(text_or_null(p.tenure));
        v.push_back(p.dwellings ? FieldValue{*p.dwellings} : FieldValue{});
        v.emplace_back(p.dwellings_removed);
        v.emplace_back(std::string(stage));
        v.emplace_back(std::int64_t{stage_order(stage)});
        v.emplace_back(std::int64_t{is_overdue(p.dates, cut, state) ? 1 : 0});
        v.emplace_back(std::int64_t{is_stalled(p.dates, cut, state) ? 1 : 0});
        for (const StageDate d : k_stage_dates) v.push_back(known_by(p.dates.at(d), days.d));
        v.push_back(text_or_null(p.area_id));
        v.push_back(text_or_null(p.assumed));
        v.push_back(p.dates.year_only ? FieldValue{year_only_fields(p.dates.year_only)} : FieldValue{});
        v.emplace_back(month);
        out.add(v, p.wkb);
    });
}

} // namespace bostad::exports
