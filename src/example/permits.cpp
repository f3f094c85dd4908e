#include "example/permits.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "geos/ops.hpp"

namespace bostad::example {
namespace {

/// Scattered new småhus per year, and infill apartment projects per year (outside the generated plans).
struct Rates {
    double smahus_per_year;
    double infill_projects_per_year;
};
const std::map<std::string, Rates> k_rates = {{"1290", {150.0, 4.0}}, {"1293", {100.0, 1.6}}};

std::string action_for(HouseType t, std::int64_t dwellings) {
    if (t == HouseType::flerbostadshus) return "Nybyggnad av flerbostadshus";
    if (t == HouseType::ovrigt) return "Ändrad användning till bostäder";
    return dwellings == 2 ? "Nybyggnad av tvåbostadshus" : "Nybyggnad av enbostadshus";
}

/// Draws the lifecycle after the application date.
void live(Random& rng, PermitHistory& p) {
    const bool big = p.house_type == HouseType::flerbostadshus;
    if (rng.chance(0.03)) {
        p.withdrawn = p.applied.plus_days(rng.integer(10, 90));
        return;
    }
    // Decision: usually within the 10 weeks, sometimes not.
    const auto decision = p.applied.plus_days(static_cast<int>(std::clamp(rng.lognormal(big ? 55 : 35, 0.45), 5.0, 260.0)));
    if (rng.chance(0.05)) {
        p.refused = decision;
        return;
    }
    p.granted = decision;
    if (rng.chance(0.06)) return; // never started: lapses two years after the decision
    p.started = decision.plus_days(static_cast<int>(std::clamp(rng.lognormal(big ? 130 : 60, 0.7), 14.0, 700.0)));
    if (rng.chance(0.015)) return; // stalled building site: becomes overdue
    p.completed = p.started->plus_days(static_cast<int>(std::clamp(rng.lognormal(big ? 560 : 290, 0.3), 120.0, 1400.0)));
}

Date random_day(Random& rng, Date from, Date to) {
    return from.plus_days(rng.integer(0, std::max(0, to.days() - from.days())));
}

/// A point near the town inside its district (or anywhere in the district as a last resort).
std::pair<double, double> near_town(Random& rng, const geos::Context& ctx, const MapArea& district) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const double x = std::round(rng.normal(district.town->x, district.town->spread) * 10) / 10;
        const double y = std::round(rng.normal(district.town->y, district.town->spread) * 10) / 10;
        if (geos::prepared_contains(ctx, district.prepared.get(), geos::make_point(ctx, x, y).get())) return {x, y};
    }
    const auto p = geos::point_on_surface(ctx, district.geom.get());
    return geos::point_xy(ctx, p.get());
}

std::pair<double, double> inside_plan(Random& rng, const geos::Context& ctx, const PlanHistory& plan) {
    const auto env = geos::point_on_surface(ctx, plan.geom.get());
    const auto [cx, cy] = geos::point_xy(ctx, env.get());
    for (int attempt = 0; attempt < 400; ++attempt) {
        const double x = std::round((cx + rng.uniform(-300, 300)) * 10) / 10;
        const double y = std::round((cy + rng.uniform(-300, 300)) * 10) / 10;
        if (geos::prepared_contains(ctx, plan.prepared.get(), geos::make_point(ctx, x, y).get())) return {x, y};
    }
    return {cx, cy};
}

PermitHistory new_permit(Random& rng, const std::string& municipality, HouseType type, std::int64_t dwellings, Date applied) {
    PermitHistory p;
    p.municipality = municipality;
    p.house_type = type;
    p.dwellings = dwellings;
    p.applied = applied;
    if (type == HouseType::flerbostadshus) p.tenure = rng.chance(0.55) ? Tenure::hyresratt : Tenure::bostadsratt;
    else if (type == HouseType::ovrigt) p.tenure = Tenure::hyresratt;
    else p.tenure = rng.chance(0.94) ? Tenure::aganderatt : Tenure::bostadsratt;
    if (type == HouseType::smahus && rng.chance(0.04)) p.dwellings_removed = 1;
    p.action = action_for(type, dwellings);
    live(rng, p);
    return p;
}

std::int64_t project_size(Random& rng) { return std::clamp<std::int64_t>(std::llround(rng.lognormal(28, 0.55)), 6, 140); }

} // namespace

std::optional<PermitHistory> as_known_at(const PermitHistory& p, Date day) {
    if (p.applied > day) return std::nullopt;
    PermitHistory k = p;
    for (auto* d : {&k.granted, &k.refused, &k.withdrawn, &k.started, &k.completed}) {
        if (*d && **d > day) d->reset();
    }
    return k;
}

std::vector<PermitHistory> generate_permits(Random& rng, const geos::Context& ctx, const ExampleMap& map,
                                            const std::vector<PlanHistory>& plans, Date first, Month last) {
    const Date end = last.last_day();
    const double years = (end.days() - first.days()) / 365.25;
    std::vector<PermitHistory> out;

    for (const auto& m : map.municipalities) {
        const Rates rates = k_rates.at(m.municipality);
        std::vector<const MapArea*> districts;
        std::vector<double> weights;
        for (const auto& d : map.districts) {
            if (d.municipality != m.municipality) continue;
            districts.push_back(&d);
            weights.push_back(d.town->weight);
        }
        // Scattered småhus (and a few conversions) on existing land.
        const int scattered = static_cast<int>(std::round(rates.smahus_per_year * years));
        for (int i = 0; i < scattered; ++i) {
            const MapArea& d = *districts[rng.weighted(weights)];
            const bool conversion = rng.chance(0.02);
            const HouseType type = conversion ? HouseType::ovrigt : HouseType::smahus;
            const std::int64_t dwellings = conversion ? rng.integer(1, 4) : (rng.chance(0.08) ? 2 : 1);
            PermitHistory p = new_permit(rng, m.municipality, type, dwellings, random_day(rng, first, end));
            std::tie(p.x, p.y) = near_town(rng, ctx, d);
            p.property = fmt::format("{} {}:{}", d.town->tract, rng.integer(1, 160), rng.integer(1, 80));
            out.push_back(std::move(p));
        }
        // Infill apartment projects in the larger towns.
        const int infill = static_cast<int>(std::round(rates.infill_projects_per_year * years));
        for (int i = 0; i < infill; ++i) {
            const MapArea& d = *districts[rng.weighted(weights)];
            PermitHistory p = new_permit(rng, m.municipality, HouseType::flerbostadshus, project_size(rng),
                                         random_day(rng, first, end));
            std::tie(p.x, p.y) = near_town(rng, ctx, d);
            p.property = fmt::format("{} {}:{}", d.town->tract, rng.integer(1, 160), rng.integer(1, 80));
            out.push_back(std::move(p));
        }
        // Build-out of the plans with legal force: the older the plan, the more of it is built.
        for (const auto& plan : plans) {
            if (plan.municipality != m.municipality || plan.legal > end || !plan.planned_dwellings.value_or(1)) continue;
            const std::int64_t capacity = plan.planned_dwellings.value_or(40);
            const Date open = std::max(first, plan.legal.plus_months(3));
            if (open >= end) continue;
            const double age = (end.days() - plan.legal.days()) / 365.25;
            std::int64_t left = std::llround(static_cast<double>(capacity) * std::min(1.0, age / 7.0) * rng.uniform(0.45, 0.95));
            const int block = rng.integer(1, 200);
            int unit = 0;
            while (left > 0) {
                const bool apartments = capacity >= 40 && left >= 10 && rng.chance(0.6);
                const std::int64_t n = apartments ? std::min(left, project_size(rng)) : 1;
                PermitHistory p = new_permit(rng, m.municipality, apartments ? HouseType::flerbostadshus : HouseType::smahus,
                                             n, random_day(rng, open, end));
                std::tie(p.x, p.y) = inside_plan(rng, ctx, plan);
                p.property = fmt::format("{} {}:{}", plan.district->town->tract, block, ++unit);
                out.push_back(std::move(p));
                left -= n;
            }
        }
    }

    // Case ids in application order, numbered per municipality and year as the case systems do.
    std::stable_sort(out.begin(), out.end(), [](const PermitHistory& a, const PermitHistory& b) {
        return a.municipality != b.municipality ? a.municipality < b.municipality : a.applied < b.applied;
    });
    std::map<std::pair<std::string, int>, int> serial;
    for (auto& p : out) {
        int& s = serial[{p.municipality, p.applied.year()}];
        if (s == 0) s = p.municipality == "1290" ? rng.integer(20, 60) : rng.integer(1000, 1040);
        s += rng.integer(1, 9); // other kinds of cases are numbered in between
        p.case_id = p.municipality == "1290" ? fmt::format("BN {}-{:06}", p.applied.year(), s)
                                             : fmt::format("BN {}/{}", p.applied.year(), s);
    }
    return out;
}

} // namespace bostad::example
