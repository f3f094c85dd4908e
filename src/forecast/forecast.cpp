#include "forecast/forecast.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "aggregate/status.hpp"
#include "config/config.hpp"
#include "core/digest64.hpp"
#include "forecast/model.hpp"
#include "forecast/plans.hpp"
#include "forecast/reader.hpp"
#include "forecast/trend.hpp"
#include "store/feature_source.hpp"
#include "store/status_source.hpp"

namespace bostad::forecast {
namespace {

/// The spans reported: the rest of the month's year (when any is left), then `years` calendar years.
std::vector<Span> spans_of(Month month, int years) {
    std::vector<Span> out;
    if (month.month() < 12) out.push_back({month.plus(1), Month(month.year(), 12)});
    for (int y = 1; y <= years; ++y) out.push_back({Month(month.year() + y, 1), Month(month.year() + y, 12)});
    return out;
}

/// The months to come cut at every month where a span or a target's range begins, so that any of them is a run
/// of whole segments. Returns each segment's first month.
std::vector<Month> segment_starts(Month month, Month end, const std::vector<Span>& spans, const std::vector<TargetOutlook>& targets) {
    std::set<int> starts{month.plus(1).index()};
    for (const Span& s : spans) {
        starts.insert(s.first.index());
        starts.insert(s.last.plus(1).index());
    }
    for (const TargetOutlook& t : targets) {
        starts.insert(std::max(t.from, month.plus(1)).index());
        starts.insert(t.to.plus(1).index());
    }
    std::vector<Month> out;
    for (const int i : starts) {
        if (i <= end.index()) out.push_back(month.plus(i - month.index()));
    }
    return out;
}

/// The segments [first, last] that make up the months `from` to `to`.
std::pair<std::size_t, std::size_t> segments_of(const std::vector<Month>& starts, Month from, Month to) {
    std::size_t first = 0, last = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        if (starts[i] <= from) first = i;
        if (starts[i] <= to) last = i;
    }
    return {first, last};
}

std::uint64_t seed_of(const ForecastRequest& r) {
    return Digest64().add_field(r.month.str()).add_field(r.area_set.value_or("")).add_field(r.municipality.value_or("")).value();
}

/// The expected figures of one unit in one span, by source, from the point forecast.
Band expected_band(const Expected& e, bool completed, std::size_t first, std::size_t last) {
    Band b;
    const auto& by = completed ? e.completed : e.started;
    const auto& unknown = completed ? e.completed_unknown : e.started_unknown;
    for (std::size_t s = 0; s < k_sources; ++s) {
        for (std::size_t t = first; t <= last && t < by[s].size(); ++t) {
            b.by_source[s] += by[s][t];
            b.unknown_permits += unknown[s][t];
        }
        b.expected += b.by_source[s];
    }
    return b;
}

/// Each unit's completions per calendar year before the forecast (UnitForecast::completed_by_year).
void add_history(Forecast& f, const History& h) {
    const int first = h.month.year() - k_history_years;
    std::map<std::string, UnitForecast*> areas, kommuner;
    for (auto& a : f.areas) areas[a.id] = &a;
    for (auto& m : f.municipalities) kommuner[m.id] = &m;
    for (UnitForecast* u : {&f.unassigned, &f.total}) {
        for (int y = first; y <= h.month.year(); ++y) u->completed_by_year[y] = 0;
    }
    for (auto* group : {&areas, &kommuner}) {
        for (auto& [id, u] : *group) {
            for (int y = first; y <= h.month.year(); ++y) u->completed_by_year[y] = 0;
        }
    }
    for (const ReadPermit& p : h.permits) {
        if (p.known.state != PipelineState::completed || !p.known.completed || !p.dwellings) continue;
        const int year = *p.known.completed / 12;
        if (year < first) continue;
        const auto d = static_cast<double>(*p.dwellings);
        if (p.area < 0) {
            f.unassigned.completed_by_year[year] += d;
        } else if (const auto area = areas.find(h.areas[static_cast<std::size_t>(p.area)]); area != areas.end()) {
            area->second->completed_by_year[year] += d;
        }
        const auto kommun = kommuner.find(h.groups.at(p.known.group).municipality);
        if (kommun != kommuner.end()) kommun->second->completed_by_year[year] += d;
        f.total.completed_by_year[year] += d;
    }
}

} // namespace

std::string Forecast::name_of(const std::string& code) const {
    for (const auto& m : municipalities) {
        if (m.id == code) return m.name;
    }
    return code;
}

bool covers(const ForecastRequest& request, std::string_view code) {
    return (!request.config || request.config->covers(code)) && (!request.municipality || code == *request.municipality);
}

std::string Span::label() const {
    if (first.month() == 1 && last.month() == 12 && first.year() == last.year()) return std::to_string(first.year());
    return first.str() + ".." + last.str();
}

namespace {

/// The kommuner forecast: the project's (or the one asked for), and any other with permits or plans.
Units units_of(const ForecastRequest& request, const History& h) {
    std::set<std::string> codes;
    if (request.config) {
        for (const auto& m : request.config->municipalities) {
            if (covers(request, m.code)) codes.insert(m.code);
        }
    }
    if (request.municipality) codes.insert(*request.municipality);
    for (std::size_t g = 0; g < h.groups.size(); ++g) codes.insert(h.groups.at(g).municipality);
    for (const ReadPlan& p : h.plans) codes.insert(p.municipality);
    return Units{h.areas.size(), {codes.begin(), codes.end()}};
}

/// The targets of the forecast's kommuner still running after the month, with what was completed towards them
/// so far; returns the last month the draws must reach (the spans' and the targets').
Month add_running_targets(Forecast& f, store::FeatureSource& features, const ForecastRequest& request, const Units& units) {
    Month end = request.month;
    for (const Span& s : f.spans) end = std::max(end, s.last);
    if (!request.config || !request.targets || f.draws <= 0) return end;
    for (const auto& m : request.config->municipalities) {
        if (std::find(units.municipalities.begin(), units.municipalities.end(), m.code) == units.municipalities.end()) continue;
        for (const auto& t : m.targets) {
            if (t.to <= request.month) continue;
            TargetOutlook o{m.code, t.description, t.from, t.to, t.dwellings, 0, 0, 0, 0};
            if (t.from <= request.month) {
                o.completed_so_far = features.completed_dwellings(m.code, t.from.first_day().iso(), request.month.last_day().iso());
            }
            f.targets.push_back(std::move(o));
            end = std::max(end, t.to);
        }
    }
    return end;
}

/// A unit's bands in each of the forecast's spans: the point forecast by source, and the interval from the
/// draws (when any).
class Bands {
public:
    Bands(const Forecast& f, const DrawnSums& draws, const std::vector<Month>& starts) : m_f(f), m_draws(draws), m_starts(starts) {}

    UnitForecast of(const Expected& expected, std::size_t unit) const {
        UnitForecast u;
        for (const Span& span : m_f.spans) {
            const auto first = static_cast<std::size_t>(span.first.index() - m_f.month.index() - 1);
            const auto last = static_cast<std::size_t>(span.last.index() - m_f.month.index() - 1);
            const auto [sf, sl] = segments_of(m_starts, span.first, span.last);
            for (const bool completed : {false, true}) {
                Band b = expected_band(expected, completed, first, last);
                if (m_f.draws > 0) {
                    const std::vector<double> sums = m_draws.over(completed ? m_draws.completed : m_draws.started, unit, sf, sl);
                    b.low = quantile(sums, 0.1);
                    b.high = quantile(sums, 0.9);
                }
                (completed ? u.completed : u.started).push_back(b);
            }
        }
        return u;
    }

private:
    const Forecast& m_f;
    const DrawnSums& m_draws;
    const std::vector<Month>& m_starts;
};

/// Every unit's forecast: the areas of the set (in the forecast's kommuner), what lies in no area, each kommun
/// and the total.
void add_units(Forecast& f, store::StatusSource& status, const ForecastRequest& request, const History& h, const Units& units,
               const PipelineExpectation& e, const Bands& bands) {
    std::map<std::string, std::pair<std::string, std::string>> area_rows; // area_id → (name, kommun)
    if (request.area_set) {
        if (const auto set = status.find_area_set(*request.area_set)) {
            for (const store::AreaRow& a : status.areas(*set)) area_rows[a.area_id] = {a.name, a.municipality};
        }
    }
    for (std::size_t i = 0; i < h.areas.size(); ++i) {
        const auto row = area_rows.find(h.areas[i]);
        const std::string kommun = row == area_rows.end() ? "" : row->second.second;
        if (!kommun.empty() && !covers(request, kommun)) continue;
        UnitForecast u = bands.of(e.areas.at(i), i);
        u.id = h.areas[i];
        u.name = row == area_rows.end() ? h.areas[i] : row->second.first;
        u.municipality = kommun;
        f.areas.push_back(std::move(u));
    }
    f.unassigned = bands.of(e.unassigned, units.unassigned());
    const Expected none(e.months);
    for (std::size_t k = 0; k < units.municipalities.size(); ++k) {
        const std::string& code = units.municipalities[k];
        const auto it = e.municipalities.find(code);
        UnitForecast u = bands.of(it == e.municipalities.end() ? none : it->second, units.municipality(k));
        u.id = code;
        u.municipality = code;
        const auto* m = request.config ? request.config->find_municipality(code) : nullptr;
        u.name = m ? m->name : code;
        f.municipalities.push_back(std::move(u));
    }
    f.total = bands.of(e.total, units.total());
}

/// Each running target's expected completions by its end, the share of draws that reach it and the expected
/// shortfall.
void add_target_chances(Forecast& f, const Units& units, const PipelineExpectation& e, const DrawnSums& draws,
                        const std::vector<Month>& starts) {
    for (TargetOutlook& t : f.targets) {
        const std::size_t k = static_cast<std::size_t>(std::find(units.municipalities.begin(), units.municipalities.end(), t.municipality) -
                                                       units.municipalities.begin());
        const Month from = std::max(t.from, f.month.plus(1));
        const auto [sf, sl] = segments_of(starts, from, t.to);
        const std::vector<double> sums = draws.over(draws.completed, units.municipality(k), sf, sl);
        const auto it = e.municipalities.find(t.municipality);
        t.expected_by_end = static_cast<double>(t.completed_so_far);
        if (it != e.municipalities.end()) {
            for (int m = from.index(); m <= t.to.index(); ++m) {
                t.expected_by_end += it->second.total_completed(static_cast<std::size_t>(m - f.month.index() - 1));
            }
        }
        double reached = 0, shortfall = 0;
        for (const double s : sums) {
            const double by_end = static_cast<double>(t.completed_so_far) + s;
            if (by_end >= static_cast<double>(t.dwellings)) reached += 1;
            shortfall += std::max(0.0, static_cast<double>(t.dwellings) - by_end);
        }
        t.probability = sums.empty() ? 0 : reached / static_cast<double>(sums.size());
        t.expected_shortfall = sums.empty() ? 0 : shortfall / static_cast<double>(sums.size());
    }
}

} // namespace

Forecast make_forecast(store::FeatureSource& features, store::StatusSource& status, const ForecastRequest& request) {
    Forecast f;
    f.month = request.month;
    f.area_set = request.area_set;
    f.draws = std::max(request.draws, 0);
    f.seed = seed_of(request);
    f.spans = request.spans.empty() ? spans_of(request.month, request.years) : request.spans;
    aggregate::check_month(request.month);
    if (request.area_set) {
        aggregate::StatusRequest asked;
        asked.area_set = request.area_set;
        aggregate::resolve_area_set(status, asked);
    }
    const auto covered = [&](std::string_view code) { return covers(request, code); };
    const History h = read_history(features, &status, request.month, request.stalled_months, request.area_set, covered);
    const Units units = units_of(request, h);
    const Month end = add_running_targets(f, features, request, units);
    const int months = end.index() - request.month.index();
    const std::vector<Month> starts = segment_starts(request.month, end, f.spans, f.targets);

    // The point forecast (docs/forecast.md §3-6), then the draws around it (§7).
    const Hazards hazards = fit(h);
    const Trend trend = estimate_trend(h);
    const PlanApplications plans = plan_applications(h, estimate_absorption(h),
                                                     request.config ? request.config->plan_programmes : std::vector<config::PlanProgramme>{}, months);
    f.notes = plans.notes;
    PipelineExpectation e = expect_pipeline(h, hazards, months);
    add_plans(e, h, hazards, plans);
    add_trend(e, h, hazards, trend);
    DrawRequest dr;
    dr.draws = f.draws;
    dr.seed = f.seed;
    dr.spans = starts.size();
    for (int t = 0; t < months; ++t) {
        const Month at = request.month.plus(t + 1);
        dr.span_of_month.push_back(static_cast<int>(segments_of(starts, at, at).first));
    }
    const DrawnSums draws = f.draws > 0 ? draw(h, hazards, trend, plans, units, dr) : DrawnSums{};

    add_units(f, status, request, h, units, e, Bands(f, draws, starts));
    add_history(f, h);
    add_target_chances(f, units, e, draws, starts);
    return f;
}

} // namespace bostad::forecast
