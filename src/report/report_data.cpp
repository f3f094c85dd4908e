#include "report/report_data.hpp"

#include <fmt/format.h>

#include "aggregate/month_rules.hpp"
#include "config/config.hpp"
#include "core/domain.hpp"
#include "core/gpkg_blob.hpp"
#include "core/pipeline.hpp"
#include "sqlite/database.hpp"

namespace bostad::report {
namespace {

aggregate::StatusRequest status_request(const ReportRequest& r, Month month, std::optional<std::string> area_set) {
    aggregate::StatusRequest s;
    s.month = month;
    s.area_set = std::move(area_set);
    s.stalled_months = r.stalled_months;
    s.config = r.config;
    return s;
}

const aggregate::Figures* figures_of(const aggregate::StatusResult& s, const std::string& code) {
    if (code.empty()) return &s.total;
    for (const auto& m : s.municipalities) {
        if (m.code == code) return &m.figures;
    }
    return nullptr;
}

void add_series(ReportData& d, sqlite::Database& db) {
    const Month first = d.request.month.plus(1 - k_series_months);
    for (int i = 0; i < k_series_months; ++i) {
        const Month m = first.plus(i);
        const auto s = aggregate::compute_status(db, status_request(d.request, m, std::nullopt));
        for (auto& h : d.headlines) {
            const aggregate::Figures* f = figures_of(s, h.code);
            MonthFlow flow{m, 0, 0};
            if (f) flow = {m, f->dwellings[Figure::started_in_month], f->dwellings[Figure::completed_in_month]};
            h.series.push_back(flow);
        }
    }
    for (auto& h : d.headlines) {
        h.this_month = h.series.back();
        for (std::size_t i = 0; i < h.series.size(); ++i) {
            const MonthFlow& f = h.series[i];
            if (i + 12 >= h.series.size()) {
                h.started_12m += f.started;
                h.completed_12m += f.completed;
            }
            if (f.month.year() == d.request.month.year()) {
                h.started_ytd += f.started;
                h.completed_ytd += f.completed;
            }
        }
    }
}

void add_lapsing(ReportData& d, sqlite::Database& db) {
    const auto days = month_days(d.request.month, d.request.stalled_months);
    const Cutoffs<aggregate::Text> cut = days.cutoffs();
    const Date end = d.request.month.last_day();
    const Date horizon = end.plus_months(6);
    const std::int64_t set_id =
        db.query_int("SELECT id FROM area_sets WHERE name = ?1", d.request.area_set).value_or(-1);
    auto st = db.prepare(fmt::format("SELECT {}, a.area_id, p.case_id, coalesce(p.property, '') FROM permits p "
                                     "LEFT JOIN permit_areas pa ON pa.area_set_id = ?1 AND pa.permit_fid = p.fid "
                                     "LEFT JOIN areas a ON a.fid = pa.area_fid "
                                     "WHERE p.missing_since_run IS NULL AND p.granted_date IS NOT NULL "
                                     "ORDER BY p.granted_date, p.municipality, p.case_id",
                                     aggregate::k_permit_columns));
    st.bind(1, set_id);
    while (st.step()) {
        const StageDates<aggregate::Text> dates = aggregate::dates_at(st, aggregate::k_first_date);
        if (state_at(dates, cut) != PipelineState::granted) continue;
        const auto granted = Date::parse_iso(*dates.granted);
        if (!granted) continue;
        const Date deadline = granted->plus_months(12 * k_lapse_years);
        if (deadline > horizon) continue;
        const auto s = [](const std::optional<aggregate::Text>& t) { return t ? std::string(*t) : std::string(); };
        aggregate::ListedPermit p{std::string(st.column_view(1)), st.column_text(13), st.column_text(14), st.column_text(2),
                                  st.column_text(3), st.column_int64(4), st.is_null(12) ? std::string() : st.column_text(12),
                                  s(dates.applied), s(dates.granted), s(dates.started), s(dates.completed)};
        d.lapsing.push_back({std::move(p), deadline.iso()});
    }
}

void add_quality(ReportData& d, sqlite::Database& db) {
    auto st = db.prepare("SELECT r.id, r.source_path, r.kind, coalesce(r.finished_at, ''), r.rows_read, r.rows_inserted, "
                         "r.rows_updated, r.rows_unchanged, r.rows_rejected FROM ingest_runs r "
                         "WHERE r.id = (SELECT max(id) FROM ingest_runs x WHERE x.source_path = r.source_path "
                         "AND x.kind = r.kind) ORDER BY r.kind, r.source_path");
    while (st.step()) {
        d.runs.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3), st.column_int64(4),
                          st.column_int64(5), st.column_int64(6), st.column_int64(7), st.column_int64(8)});
    }
    auto rejects = db.prepare("SELECT reason_code, count(*) FROM rejected_rows WHERE run_id = ?1 GROUP BY reason_code");
    for (const auto& r : d.runs) {
        rejects.reset();
        rejects.bind(1, r.run_id);
        while (rejects.step()) d.rejects_by_reason[rejects.column_text(0)] += rejects.column_int64(1);
    }
}

void add_official(ReportData& d, sqlite::Database& db) {
    if (!d.request.config) return;
    auto st = db.prepare("SELECT coalesce(sum(dwellings), 0) FROM permits WHERE municipality = ?1 AND missing_since_run IS NULL "
                         "AND completed_date >= ?2 AND completed_date <= ?3 AND refused_date IS NULL AND withdrawn_date IS NULL");
    for (const auto& m : d.request.config->municipalities) {
        for (const auto& [year, official] : m.official_completions) {
            st.reset();
            st.bind_all(m.code, fmt::format("{}-01-01", year), fmt::format("{}-12-31", year));
            st.step();
            d.official.push_back({m.code, m.name, year, official, st.column_int64(0)});
        }
    }
}

void add_map(ReportData& d, sqlite::Database& db) {
    std::map<std::string, double, std::less<>> remaining;
    for (const auto& a : d.status.areas) remaining[a.area_id] = a.figures.remaining_capacity;
    auto areas = db.prepare("SELECT a.area_id, coalesce(a.name, ''), coalesce(a.municipality, ''), a.geom FROM areas a "
                            "JOIN area_sets s ON s.id = a.area_set_id WHERE s.name = ?1 AND a.geom IS NOT NULL ORDER BY a.area_id");
    areas.bind(1, d.request.area_set);
    while (areas.step()) {
        const auto wkb = gpkg_blob_wkb(areas.column_blob(3));
        const std::string id = areas.column_text(0);
        d.areas.push_back({id, areas.column_text(1), areas.column_text(2), remaining[id], {wkb.begin(), wkb.end()}});
    }
    auto outlines = db.prepare("SELECT coalesce(a.municipality, a.area_id), a.geom FROM areas a JOIN area_sets s "
                               "ON s.id = a.area_set_id WHERE s.name = ?1 AND a.geom IS NOT NULL ORDER BY a.area_id");
    outlines.bind(1, d.request.boundary_set);
    while (outlines.step()) {
        const auto wkb = gpkg_blob_wkb(outlines.column_blob(1));
        d.outlines.push_back({outlines.column_text(0), {wkb.begin(), wkb.end()}});
    }
    const auto days = month_days(d.request.month, d.request.stalled_months);
    const Cutoffs<aggregate::Text> cut = days.cutoffs();
    const std::string year_ago = d.request.month.plus(-11).first_day().iso();
    auto permits = db.prepare(fmt::format("SELECT {}, p.geom FROM permits p WHERE p.missing_since_run IS NULL ORDER BY p.fid",
                                          aggregate::k_permit_columns));
    while (permits.step()) {
        const StageDates<aggregate::Text> dates = aggregate::dates_at(permits, aggregate::k_first_date);
        const PipelineState state = state_at(dates, cut);
        const bool live = state == PipelineState::applied || state == PipelineState::granted || state == PipelineState::started;
        const bool recent = state == PipelineState::completed && aggregate::between(dates.completed, year_ago, days.d);
        if (!live && !recent) continue;
        const auto wkb = gpkg_blob_wkb(permits.column_blob(12));
        const auto env = wkb_envelope(wkb);
        if (!env) continue;
        const char* stage = state == PipelineState::applied   ? "applied"
                            : state == PipelineState::granted ? "granted"
                            : state == PipelineState::started ? "started"
                                                              : "completed";
        d.permits.push_back({env->min_x, env->min_y, std::string(permits.column_view(1)), stage});
    }
}

} // namespace

ReportData gather(sqlite::Database& db, const ReportRequest& request) {
    ReportData d;
    d.request = request;
    d.status = aggregate::compute_status(db, status_request(request, request.month, request.area_set));
    d.headlines.push_back({"", "", {}, 0, 0, 0, 0, d.status.total, {}, {}});
    for (const auto& m : d.status.municipalities) d.headlines.push_back({m.code, m.name, {}, 0, 0, 0, 0, m.figures, m.targets, {}});
    add_series(d, db);

    const auto req = status_request(request, request.month, request.area_set);
    d.new_permits = aggregate::list_permits(db, req, aggregate::ListKind::new_permits);
    d.completed = aggregate::list_permits(db, req, aggregate::ListKind::completed);
    d.stalled = aggregate::list_permits(db, req, aggregate::ListKind::stalled);
    add_lapsing(d, db);
    const std::string end = request.month.last_day().iso();
    const std::string horizon = request.month.last_day().plus_months(12).iso();
    for (auto& p : aggregate::list_plans(db, req)) {
        if (!p.implementation_end.empty() && p.implementation_end > end && p.implementation_end <= horizon && p.remaining > 0) {
            d.plans_ending.push_back(std::move(p));
        }
    }
    add_quality(d, db);
    add_official(d, db);
    add_map(d, db);
    return d;
}

} // namespace bostad::report
