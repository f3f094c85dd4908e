#include <fmt/format.h>

#include "aggregate/month_rules.hpp"
#include "core/domain.hpp"
#include "export/layer_rows.hpp"
#include "export/layer_schema.hpp"
#include "gdal/vector_writer.hpp"
#include "sqlite/database.hpp"

namespace bostad::exports {
namespace {

using aggregate::Text;
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

void write_permits(sqlite::Database& db, const ExportRequest& req, gdal::LayerWriter& out) {
    const MonthDays days = month_days(req.month, req.stalled_months);
    const Cutoffs<Text> cut = days.cutoffs();
    // Columns after k_permit_columns: 12 case_id, 13 property, 14 area_id, 15 geom.
    auto st = db.prepare(fmt::format("SELECT {}, p.case_id, p.property, a.area_id, p.geom FROM permits p "
                                     "LEFT JOIN area_sets s ON s.name = ?1 "
                                     "LEFT JOIN permit_areas pa ON pa.area_set_id = s.id AND pa.permit_fid = p.fid "
                                     "LEFT JOIN areas a ON a.fid = pa.area_fid "
                                     "WHERE p.missing_since_run IS NULL ORDER BY p.municipality, p.case_id",
                                     aggregate::k_permit_columns));
    st.bind(1, req.area_set);
    const std::string month = req.month.str();
    std::vector<FieldValue> v;
    while (st.step()) {
        const StageDates<Text> dates = aggregate::dates_at(st, aggregate::k_first_date);
        const PipelineState state = state_at(dates, cut);
        if (state == PipelineState::none) continue; // not applied for yet at the end of the month
        const std::string_view stage = stage_of(state);
        v.clear();
        v.emplace_back(std::string(st.column_view(1)));
        v.emplace_back(st.column_text(12));
        v.push_back(text_or_null(aggregate::text_at(st, 13)));
        v.push_back(text_or_null(aggregate::text_at(st, 2)));
        v.push_back(text_or_null(aggregate::text_at(st, 3)));
        v.emplace_back(st.column_int64(4));
        v.emplace_back(st.column_int64(5));
        v.emplace_back(std::string(stage));
        v.emplace_back(std::int64_t{stage_order(stage)});
        v.emplace_back(std::int64_t{is_overdue(dates, cut, state) ? 1 : 0});
        v.emplace_back(std::int64_t{is_stalled(dates, cut, state) ? 1 : 0});
        for (const auto* d : {&dates.applied, &dates.granted, &dates.started, &dates.completed, &dates.refused, &dates.withdrawn}) {
            v.push_back(known_by(*d, days.d));
        }
        v.push_back(text_or_null(aggregate::text_at(st, 14)));
        v.emplace_back(month);
        out.add(v, gpkg_blob_wkb(st.column_blob(15)));
    }
}

} // namespace bostad::exports
