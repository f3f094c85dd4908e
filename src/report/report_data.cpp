#include "report/report_data.hpp"

#include <algorithm>
#include <functional>
#include <future>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/domain.hpp"
#include "core/gpkg_blob.hpp"
#include "core/pipeline.hpp"
#include "store/beside.hpp"
#include "store/store.hpp"
#include "aggregate/boundaries.hpp"
#include "sweden/placement.hpp"
#include "sweden/tatorter.hpp"

namespace bostad::report {
namespace {

using Text = std::string_view;

aggregate::StatusRequest status_request(const ReportRequest& r, Month month, std::optional<std::string> area_set) {
    aggregate::StatusRequest s;
    s.month = month;
    s.area_set = std::move(area_set);
    s.stalled_months = r.stalled_months;
    s.config = r.config;
    return s;
}

/// The monthly flows of the last k_series_months months, from the status's one pass (each month as its own
/// status would count it).
void add_series(ReportData& d) {
    const Month first = d.request.month.plus(1 - k_series_months);
    for (int i = 0; i < k_series_months; ++i) {
        const auto at = static_cast<std::size_t>(i);
        for (auto& h : d.headlines) {
            MonthFlow flow{first.plus(i), 0, 0};
            for (const auto& m : d.status.municipalities) {
                if ((!h.code.empty() && m.code != h.code) || at >= m.series.size()) continue;
                flow.started += m.series[at][Figure::started_in_month];
                flow.completed += m.series[at][Figure::completed_in_month];
            }
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


bool covered(const ReportRequest& r, std::string_view code) { return !r.config || r.config->covers(code); }

/// A granted permit whose two years to start run out within 6 months of the month's end goes to the lapsing list.
void add_if_lapsing(ReportData& d, const store::PermitFeature& p, PipelineState state, const Date& horizon) {
    if (state != PipelineState::granted) return;
    const auto granted = Date::parse_iso(*p.dates.granted);
    if (!granted) return;
    const Date deadline = granted->plus_months(12 * k_lapse_years);
    if (deadline > horizon) return;
    const auto s = [](const std::optional<Text>& t) { return t ? std::string(*t) : std::string(); };
    aggregate::ListedPermit listed{std::string(p.municipality), std::string(p.case_id), s(p.property), s(p.house_type),
                                   s(p.tenure), p.dwellings, s(p.area_id), s(p.dates.applied), s(p.dates.granted),
                                   s(p.dates.started), s(p.dates.completed)};
    d.lapsing.push_back({std::move(listed), deadline.iso()});
}

void add_quality(ReportData& d, store::FeatureSource& features) {
    d.runs = features.latest_runs();
    std::vector<std::int64_t> ids;
    for (const auto& r : d.runs) ids.push_back(r.run_id);
    d.rejects_by_reason = features.rejects_by_reason(ids);
}

void add_official(ReportData& d, store::FeatureSource& features) {
    if (!d.request.config) return;
    const std::string month_end = d.request.month.last_day().iso();
    for (const auto& m : d.request.config->municipalities) {
        if (m.official_completions.empty()) continue;
        const auto known = d.first_dates.find(m.code);
        UncoveredYears uncovered{m.code, m.name, {}, known == d.first_dates.end() ? std::nullopt : std::optional(known->second)};
        for (const auto& [year, official] : m.official_completions) {
            const std::string first = fmt::format("{:04}-01-01", year);
            const std::string last = fmt::format("{:04}-12-31", year);
            const std::string known_from = fmt::format("{:04}-01-01", year - k_coverage_years);
            if (!uncovered.first_date || *uncovered.first_date > known_from || last > month_end) {
                uncovered.years.push_back(year);
                continue;
            }
            d.official.push_back({m.code, m.name, year, official, features.completed_dwellings(m.code, first, last)});
        }
        if (!uncovered.years.empty()) d.official_not_covered.push_back(std::move(uncovered));
    }
}


/// The report's kommuner outlined, their neighbours (any kommun whose outline reaches into the frame) and the
/// tätorter in the frame.
std::shared_ptr<const sweden::Outlines> add_outlines(ReportData& d, store::FeatureSource& features) {
    const aggregate::ProjectOutlines project = aggregate::project_outlines(features, d.request.boundary_set);
    d.outlines_source = project.source;
    d.outlines_source_sv = project.source_sv;
    std::optional<Envelope> frame;
    std::vector<std::string> codes;
    for (const auto& m : d.status.municipalities) codes.push_back(m.code);
    for (const auto& code : codes) {
        const sweden::Outline* o = project.outlines->find(code);
        if (!o) continue;
        d.outlines.push_back({code, o->wkb, o->envelope, false});
        if (frame) frame->expand(o->envelope);
        else frame = o->envelope;
    }
    if (!frame) return project.outlines;
    const auto overlaps = [](const Envelope& a, const Envelope& b) {
        return a.min_x <= b.max_x && b.min_x <= a.max_x && a.min_y <= b.max_y && b.min_y <= a.max_y;
    };
    // Maps keep their aspect: reach a fifth of the frame out on every side.
    const double margin = std::max(frame->max_x - frame->min_x, frame->max_y - frame->min_y) / 5;
    const Envelope around{frame->min_x - margin, frame->max_x + margin, frame->min_y - margin, frame->max_y + margin};
    for (const auto& o : project.outlines->all()) {
        if (std::find(codes.begin(), codes.end(), o.code) != codes.end() || !overlaps(o.envelope, around)) continue;
        d.outlines.push_back({o.code, o.wkb, o.envelope, true});
    }
    for (const auto& t : sweden::tatorter()) {
        if (around.contains(t.x, t.y)) d.places.push_back({t.name, t.x, t.y, t.population});
    }
    std::stable_sort(d.places.begin(), d.places.end(), [](const MapPlace& a, const MapPlace& b) { return a.population > b.population; });
    return project.outlines;
}

void add_map_areas(ReportData& d, store::FeatureSource& features) {
    std::map<std::string, double, std::less<>> remaining;
    for (const auto& a : d.status.areas) remaining[a.area_id] = a.figures.remaining_capacity;
    for (auto& a : features.areas(d.request.area_set)) {
        if (a.wkb.empty() || (a.municipality && !covered(d.request, *a.municipality))) continue;
        const double unused = remaining[a.area_id];
        d.areas.push_back({std::move(a.area_id), std::move(a.name), a.municipality.value_or(""), unused, std::move(a.wkb)});
    }
}

/// The map's permit in the pipeline or completed in the last 12 months, with a check of its place.
void add_if_mapped(ReportData& d, const store::PermitFeature& p, PipelineState state, sweden::Locator& locator, double tolerance,
                   const std::string& year_ago) {
    const bool live = state == PipelineState::applied || state == PipelineState::granted || state == PipelineState::started;
    const bool recent = state == PipelineState::completed && *p.dates.completed >= Text(year_ago);
    if (!live && !recent) return;
    const auto env = wkb_envelope(p.wkb);
    if (!env) return;
    const char* stage = state == PipelineState::applied   ? "applied"
                        : state == PipelineState::granted ? "granted"
                        : state == PipelineState::started ? "started"
                                                          : "completed";
    d.permits.push_back({env->min_x, env->min_y, std::string(p.municipality), stage});
    const std::string code(p.municipality);
    const sweden::Placement at = sweden::place(locator, code, env->min_x, env->min_y, tolerance);
    if (at.verdict != sweden::Placement::Verdict::inside) d.near_border.push_back({code, std::string(p.case_id), at.message});
}

/// One pass over the permits with their points: the map's permits and the lapsing list.
void add_permit_features(ReportData& d, store::FeatureSource& features) {
    add_map_areas(d, features);
    sweden::Locator locator(add_outlines(d, features));
    const double tolerance = d.request.config ? d.request.config->boundaries.tolerance_m : sweden::k_default_tolerance_m;
    const auto days = month_days(d.request.month, d.request.stalled_months);
    const Cutoffs<Text> cut = days.cutoffs();
    const std::string year_ago = d.request.month.plus(-11).first_day().iso();
    const Date horizon = d.request.month.last_day().plus_months(6);
    features.permits({d.request.area_set, true}, [&](const store::PermitFeature& p) {
        if (!covered(d.request, p.municipality)) return;
        const PipelineState state = state_at(p.dates, cut);
        add_if_lapsing(d, p, state, horizon);
        add_if_mapped(d, p, state, locator, tolerance, year_ago);
    });
    // Soonest first.
    std::stable_sort(d.lapsing.begin(), d.lapsing.end(),
                     [](const LapsingPermit& a, const LapsingPermit& b) { return a.permit.granted < b.permit.granted; });
}

/// The report's forecast: the years ahead with their intervals.
forecast::Forecast report_forecast(const ReportRequest& r, store::StatusSource& status, store::FeatureSource& features) {
    forecast::ForecastRequest f;
    f.month = r.month;
    f.years = k_forecast_years;
    if (!r.area_set.empty()) f.area_set = r.area_set;
    f.stalled_months = r.stalled_months;
    f.config = r.config;
    f.draws = k_forecast_draws;
    return forecast::make_forecast(features, status, f);
}

void add_lists(ReportData& d, store::StatusSource& status) {
    const auto req = status_request(d.request, d.request.month, d.request.area_set);
    auto lists = aggregate::list_permits(status, req, {aggregate::ListKind::new_permits, aggregate::ListKind::completed,
                                                       aggregate::ListKind::stalled});
    d.new_permits = std::move(lists[0]);
    d.completed = std::move(lists[1]);
    d.stalled = std::move(lists[2]);
    const std::string end = d.request.month.last_day().iso();
    const std::string horizon = d.request.month.last_day().plus_months(12).iso();
    for (auto& p : aggregate::list_plans(status, req)) {
        if (!p.implementation_end.empty() && p.implementation_end > end && p.implementation_end <= horizon && p.remaining > 0) {
            d.plans_ending.push_back(std::move(p));
        }
    }
}

} // namespace

ReportData gather(store::Store& store, const ReportRequest& request, const std::function<void(const ReportData&)>& meanwhile) {
    ReportData d;
    d.request = request;
    // Readers of one snapshot, each filling fields of its own: the lists; the forecast; the map (once the
    // status has named the municipalities and the areas' capacity); and the status, a year back, coverage and
    // quality here.
    std::future<void> lists = store::beside(store, [&d](store::StatusSource& s, store::FeatureSource&) { add_lists(d, s); });
    // The forecast goes into d only at the end: `meanwhile` reads d while it is being made.
    std::optional<forecast::Forecast> made;
    std::future<void> outlook =
        store::beside(store, [&request, &made](store::StatusSource& s, store::FeatureSource& f) { made = report_forecast(request, s, f); });
    store::StatusSource& status = store.status();
    store::FeatureSource& features = store.features();
    aggregate::StatusRequest with_series = status_request(request, request.month, request.area_set);
    with_series.series_months = k_series_months;
    with_series.earlier = request.month.plus(-12);
    d.status = aggregate::compute_status(status, with_series);
    std::future<void> map = store::beside(store, [&d](store::StatusSource&, store::FeatureSource& f) { add_permit_features(d, f); });
    d.headlines.push_back({"", "", {}, 0, 0, 0, 0, d.status.total, {}, {}});
    for (const auto& m : d.status.municipalities) d.headlines.push_back({m.code, m.name, {}, 0, 0, 0, 0, m.figures, m.targets, {}});
    add_series(d);
    const std::map<std::string, std::string> first_dates = features.first_dates();
    for (const auto& m : d.status.municipalities) {
        const auto first = first_dates.find(m.code);
        if (first == first_dates.end()) continue;
        d.first_dates.emplace(m.code, first->second);
        if (!d.first_date || first->second < *d.first_date) d.first_date = first->second;
    }
    add_quality(d, features);
    add_official(d, features);
    lists.get();
    map.get();
    if (meanwhile) {
        try {
            meanwhile(d);
        } catch (...) {
            outlook.wait(); // the forecast writes `made`: it ends before `made` and d are gone
            throw;
        }
    }
    outlook.get();
    d.forecast = std::move(made);
    return d;
}

} // namespace bostad::report
