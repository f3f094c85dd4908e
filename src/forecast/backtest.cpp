#include "forecast/backtest.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "forecast/reader.hpp"

namespace bostad::forecast {
namespace {

/// Completed dwellings per month of one unit, and the month it first had a permit or a plan in force.
struct Record {
    std::map<MonthIndex, double> completed;
    std::optional<MonthIndex> active_from;
    double between(MonthIndex first, MonthIndex last) const {
        double sum = 0;
        for (auto it = completed.lower_bound(first); it != completed.end() && it->first <= last; ++it) sum += it->second;
        return sum;
    }
    void activate(MonthIndex m) { active_from = std::min(active_from.value_or(m), m); }
};

/// What the store records now, per area id ("" for no area) and per kommun.
struct Records {
    std::map<std::string, Record> areas, municipalities;
};

Records records_of(const History& h) {
    Records r;
    for (const ReadPermit& p : h.permits) {
        const std::string area = p.area >= 0 ? h.areas[static_cast<std::size_t>(p.area)] : "";
        const std::string& kommun = h.groups.at(p.known.group).municipality;
        if (const auto entry = entry_of(p.known)) {
            r.areas[area].activate(entry->second);
            r.municipalities[kommun].activate(entry->second);
        }
        if (!p.known.completed || !p.dwellings || p.known.state != PipelineState::completed) continue;
        const auto d = static_cast<double>(*p.dwellings);
        r.areas[area].completed[*p.known.completed] += d;
        r.municipalities[kommun].completed[*p.known.completed] += d;
    }
    for (const ReadPlan& plan : h.plans) {
        for (const auto& [area, share] : plan.shares()) {
            if (share > 0) r.areas[area >= 0 ? h.areas[static_cast<std::size_t>(area)] : ""].activate(plan.legal);
        }
    }
    return r;
}

Outcome outcome_of(Month origin, int horizon, const Band& band, const Record* record) {
    Outcome o;
    o.origin = origin;
    o.expected = band.expected;
    o.low = band.low;
    o.high = band.high;
    if (!record) return o;
    const MonthIndex at = origin.index();
    o.actual = record->between(at + 1, at + horizon);
    o.last_12_months = record->between(at - 11, at) * horizon / 12.0;
    o.mean_36_months = record->between(at - 35, at) / 36.0 * horizon;
    o.active = record->active_from && *record->active_from <= at;
    return o;
}

/// The unit of `id` in `units`, added when new.
UnitBacktest& unit(std::vector<UnitBacktest>& units, const UnitForecast& u) {
    for (UnitBacktest& b : units) {
        if (b.id == u.id) return b;
    }
    units.push_back({u.id, u.name, u.municipality, {}});
    return units.back();
}

const Record* find(const std::map<std::string, Record>& records, const std::string& id) {
    const auto it = records.find(id);
    return it == records.end() ? nullptr : &it->second;
}

} // namespace

Errors UnitBacktest::mae() const {
    Errors e;
    if (outcomes.empty()) return e;
    for (const Outcome& o : outcomes) {
        e.forecast += std::abs(o.expected - o.actual);
        e.last_12_months += std::abs(o.last_12_months - o.actual);
        e.mean_36_months += std::abs(o.mean_36_months - o.actual);
    }
    const auto n = static_cast<double>(outcomes.size());
    return {e.forecast / n, e.last_12_months / n, e.mean_36_months / n};
}

std::optional<double> UnitBacktest::coverage() const {
    int active = 0, inside = 0;
    for (const Outcome& o : outcomes) {
        if (!o.active) continue;
        ++active;
        if (o.inside()) ++inside;
    }
    if (active == 0) return std::nullopt;
    return static_cast<double>(inside) / active;
}

Backtest run_backtest(store::FeatureSource& features, store::StatusSource& status, const BacktestRequest& request) {
    if (request.to < request.from) {
        throw UsageError(fmt::format("--backtest: {}..{} is empty: give FROM..TO with FROM on or before TO", request.from.str(),
                                     request.to.str()));
    }
    if (request.horizon < 1) throw UsageError("--horizon: give at least 1 month");
    const Month last = request.to.plus(request.horizon);
    if (last > Month::of(today())) {
        throw UsageError(fmt::format("--backtest: the outcome of the origin {} runs to {}, which has not come yet: end the range "
                                     "by {}",
                                     request.to.str(), last.str(), Month::of(today()).plus(-request.horizon).str()));
    }
    const ForecastRequest& scope = request.scope;
    const auto covered = [&](std::string_view code) { return covers(scope, code); };
    const Records now = records_of(read_history(features, &status, last, scope.stalled_months, scope.area_set, covered));

    Backtest b;
    b.from = request.from;
    b.to = request.to;
    b.horizon = request.horizon;
    for (Month origin = request.from; origin <= request.to; origin = origin.plus(1)) {
        ForecastRequest fr = scope;
        fr.month = origin;
        fr.spans = {{origin.plus(1), origin.plus(request.horizon)}};
        fr.targets = false;
        const Forecast f = make_forecast(features, status, fr);
        ++b.origins;
        for (const UnitForecast& m : f.municipalities) {
            unit(b.municipalities, m).outcomes.push_back(outcome_of(origin, request.horizon, m.completed.at(0), find(now.municipalities, m.id)));
        }
        for (const UnitForecast& a : f.areas) {
            unit(b.areas, a).outcomes.push_back(outcome_of(origin, request.horizon, a.completed.at(0), find(now.areas, a.id)));
        }
        unit(b.areas, f.unassigned).outcomes.push_back(outcome_of(origin, request.horizon, f.unassigned.completed.at(0), find(now.areas, "")));
    }
    double pairs = 0;
    for (const UnitBacktest& m : b.municipalities) {
        const Errors e = m.mae();
        const auto n = static_cast<double>(m.outcomes.size());
        b.mae.forecast += e.forecast * n;
        b.mae.last_12_months += e.last_12_months * n;
        b.mae.mean_36_months += e.mean_36_months * n;
        pairs += n;
    }
    if (pairs > 0) b.mae = {b.mae.forecast / pairs, b.mae.last_12_months / pairs, b.mae.mean_36_months / pairs};
    int inside = 0;
    for (const UnitBacktest& a : b.areas) {
        for (const Outcome& o : a.outcomes) {
            if (!o.active) continue;
            ++b.coverage_pairs;
            if (o.inside()) ++inside;
        }
    }
    if (b.coverage_pairs > 0) b.coverage_80 = static_cast<double>(inside) / b.coverage_pairs;
    return b;
}

} // namespace bostad::forecast
