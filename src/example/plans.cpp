#include "example/plans.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>


namespace bostad::example {
namespace {

constexpr int k_plans_per_municipality[] = {28, 20}; // Kristianstad, Hässleholm

const char* const k_plan_kinds[] = {"bostäder", "bostäder och centrum", "bostäder och förskola", "verksamheter",
                                    "bostäder, del av"};

geos::Coords rotated_rectangle(double cx, double cy, double w, double h, double angle) {
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    geos::Coords ring;
    for (const auto& [dx, dy] : {std::pair{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}, {-w / 2, -h / 2}}) {
        ring.emplace_back(std::round(cx + dx * c - dy * s), std::round(cy + dx * s + dy * c));
    }
    return ring;
}

std::vector<double> district_weights(const ExampleMap& map, const std::string& municipality) {
    std::vector<double> w;
    for (const auto& d : map.districts) w.push_back(d.municipality == municipality ? d.town->weight : 0.0);
    return w;
}

} // namespace

std::optional<PlanStatus> PlanHistory::status_at(Date day) const {
    if (day < commissioned) return std::nullopt;
    if (day >= legal) return PlanStatus::laga_kraft;
    if (day >= adopted) return PlanStatus::antagen;
    if (day >= review) return PlanStatus::granskning;
    if (day >= consultation) return PlanStatus::samrad;
    return PlanStatus::paborjad;
}

std::vector<PlanHistory> generate_plans(Random& rng, const geos::Context& ctx, const ExampleMap& map, Month last) {
    std::vector<PlanHistory> plans;
    const Date end = last.last_day();
    int mi = 0;
    for (const auto& m : map.municipalities) {
        const auto weights = district_weights(map, m.municipality);
        const int count = k_plans_per_municipality[mi++];
        for (int k = 0; k < count; ++k) {
            const MapArea& district = map.districts[rng.weighted(weights)];
            geos::Geometry geom;
            geos::Coords ring;
            for (int attempt = 0; attempt < 300 && !geom; ++attempt) {
                const double spread = district.town->spread * 1.6;
                ring = rotated_rectangle(rng.normal(district.town->x, spread), rng.normal(district.town->y, spread),
                                         rng.uniform(140, 520), rng.uniform(110, 400), rng.uniform(0, std::numbers::pi));
                auto candidate = geos::make_polygon(ctx, ring);
                if (!geos::prepared_contains(ctx, district.prepared.get(), candidate.get())) continue;
                bool overlaps = false;
                for (const auto& p : plans) overlaps = overlaps || geos::intersects(ctx, p.geom.get(), candidate.get());
                if (!overlaps) geom = std::move(candidate);
            }
            if (!geom) continue;

            PlanHistory p;
            p.municipality = m.municipality;
            p.district = &district;
            // Laga kraft dates from 2012 to a year and a half after the last month: later ones are in process.
            const int span_days = end.plus_months(18).days() - Date::from_ymd(2012, 1, 1).days();
            p.legal = Date::from_ymd(2012, 1, 1).plus_days(static_cast<int>(std::pow(rng.uniform(), 0.8) * span_days));
            p.adopted = p.legal.plus_days(-rng.integer(22, 60));
            p.review = p.adopted.plus_days(-rng.integer(100, 240));
            p.consultation = p.review.plus_days(-rng.integer(120, 300));
            p.commissioned = p.consultation.plus_days(-rng.integer(150, 500));
            p.implementation_years = rng.integer(1, 3) * 5;
            const char* kind = k_plan_kinds[rng.weighted(std::vector<double>{5, 2, 1, 1.5, 1})];
            const bool housing = std::string_view(kind) != "verksamheter";
            const double capacity = housing ? std::round(rng.lognormal(60, 0.8)) : 0.0;
            if (!(housing && rng.chance(0.12))) p.planned_dwellings = static_cast<std::int64_t>(std::min(capacity, 400.0));
            p.name = fmt::format("Detaljplan för {} inom {} {}:{}", kind, district.town->tract, rng.integer(1, 90),
                                 rng.integer(1, 40));
            p.ring = std::move(ring);
            p.geom = std::move(geom);
            p.prepared = geos::prepare(ctx, p.geom.get());
            plans.push_back(std::move(p));
        }
    }
    // Plan ids in the order the plans were commissioned, per municipality.
    std::stable_sort(plans.begin(), plans.end(), [](const PlanHistory& a, const PlanHistory& b) {
        return a.municipality != b.municipality ? a.municipality < b.municipality : a.commissioned < b.commissioned;
    });
    int serial = 0;
    std::string current;
    for (auto& p : plans) {
        if (p.municipality != current) {
            current = p.municipality;
            serial = 0;
        }
        ++serial;
        p.plan_id = p.municipality == "1290" ? fmt::format("DP {}-{:02}", p.commissioned.year(), serial)
                                              : fmt::format("HLM-DP-{:02}-{:02}", p.commissioned.year() % 100, serial);
    }
    // One Hässleholm plan gains legal force in the last month, so the two snapshots differ in status.
    for (auto& p : plans) {
        if (p.municipality == "1293" && p.legal > end && p.planned_dwellings) {
            p.legal = last.first_day().plus_days(9);
            p.adopted = p.legal.plus_days(-25);
            p.review = p.adopted.plus_days(-150);
            p.consultation = p.review.plus_days(-200);
            p.commissioned = std::min(p.commissioned, p.consultation.plus_days(-200));
            break;
        }
    }
    return plans;
}

} // namespace bostad::example
