#include <gtest/gtest.h>

#include <cmath>

#include "forecast/draws.hpp"
#include "forecast/expectation.hpp"

namespace bostad::forecast {
namespace {

constexpr MonthIndex k_month = 2026 * 12 + 9; // 2026-10

/// Hazards where every application is granted in its second month with probability `p` each month, starts at
/// once, and completes two months after its start.
Hazards hazards_of(std::size_t groups, int granted_share_of_ten) {
    std::vector<Stay> stays;
    for (std::size_t g = 0; g < groups; ++g) {
        for (int i = 0; i < 10; ++i) {
            if (i < granted_share_of_ten) stays.push_back({g, Stage::applied, 0, 1, Exit::granted});
            else stays.push_back({g, Stage::applied, 0, std::nullopt, Exit::granted});
        }
        stays.push_back({g, Stage::granted, 1, 1, Exit::started});
        stays.push_back({g, Stage::started, 1, 3, Exit::completed});
    }
    return Hazards(stays, groups, 100, 0);
}

History pipeline(int permits = 40) {
    History h;
    h.month = Month(2026, 10);
    h.areas = {"D1", "D2"};
    for (int i = 0; i < permits; ++i) {
        ReadPermit p;
        p.known.group = h.groups.of(i % 2 ? "1290" : "1293", "småhus");
        p.known.state = PipelineState::applied;
        p.known.applied = k_month;
        p.dwellings = 1 + i % 3;
        p.area = i % 3 - 1;
        h.permits.push_back(p);
    }
    return h;
}

Units units_of(const History& h) { return Units{h.areas.size(), {"1290", "1293"}}; }

DrawRequest request(int months, std::uint64_t seed) {
    DrawRequest r;
    r.draws = 400;
    r.seed = seed;
    for (int t = 0; t < months; ++t) r.span_of_month.push_back(t / 12);
    r.spans = static_cast<std::size_t>((months + 11) / 12);
    return r;
}

TEST(Draws, TheSameSeedGivesTheSameDrawsAndAnotherOtherDraws) {
    const History h = pipeline();
    const Hazards hz = hazards_of(h.groups.size(), 5);
    const Trend t = estimate_trend(h);
    const PlanApplications none;
    const DrawnSums a = draw(h, hz, t, none, units_of(h), request(24, 7));
    const DrawnSums b = draw(h, hz, t, none, units_of(h), request(24, 7));
    const DrawnSums c = draw(h, hz, t, none, units_of(h), request(24, 8));
    EXPECT_EQ(a.completed, b.completed);
    EXPECT_EQ(a.started, b.started);
    EXPECT_NE(a.completed, c.completed);
}

TEST(Draws, EachDrawIsTheSameHoweverManyAreMadeAndOnHoweverManyThreads) {
    // 6,000 permits × 400 draws is shared out over the cores; 100 draws of them are made on one thread.
    const History h = pipeline(6000);
    const Hazards hz = hazards_of(h.groups.size(), 5);
    const Trend t = estimate_trend(h);
    const Units u = units_of(h);
    DrawRequest few = request(24, 11);
    few.draws = 100;
    const DrawnSums many = draw(h, hz, t, {}, u, request(24, 11));
    const DrawnSums some = draw(h, hz, t, {}, u, few);
    ASSERT_EQ(many.draws, 400U);
    ASSERT_EQ(some.draws, 100U);
    std::size_t differing = 0;
    for (std::size_t s = 0; s < some.draws; ++s) {
        for (std::size_t unit = 0; unit < u.size(); ++unit) {
            for (std::size_t span = 0; span < some.spans; ++span) {
                differing += many.completed[many.index(unit, span, s)] != some.completed[some.index(unit, span, s)];
                differing += many.started[many.index(unit, span, s)] != some.started[some.index(unit, span, s)];
            }
        }
    }
    EXPECT_EQ(differing, 0U);
    // And the draws are not all alike.
    EXPECT_NE(many.completed[many.index(u.total(), 0, 0)], many.completed[many.index(u.total(), 0, 1)]);
}

TEST(Draws, ACertainPathHasNoSpreadAndEveryDrawAddsUp) {
    const History h = pipeline();
    const Hazards certain = hazards_of(h.groups.size(), 10);
    const Units u = units_of(h);
    const DrawnSums d = draw(h, certain, {}, {}, u, request(12, 1));
    double dwellings = 0;
    for (const auto& p : h.permits) dwellings += static_cast<double>(*p.dwellings);
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, u.total(), 0, 0.1), dwellings);
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, u.total(), 0, 0.9), dwellings);
    DrawnSums sums = d;
    for (std::size_t s = 0; s < sums.draws; ++s) {
        float areas = sums.at(sums.completed, u.unassigned(), 0, s), kommuner = 0;
        for (std::size_t a = 0; a < u.areas; ++a) areas += sums.at(sums.completed, a, 0, s);
        for (std::size_t k = 0; k < u.municipalities.size(); ++k) kommuner += sums.at(sums.completed, u.municipality(k), 0, s);
        EXPECT_FLOAT_EQ(areas, sums.at(sums.completed, u.total(), 0, s));
        EXPECT_FLOAT_EQ(kommuner, sums.at(sums.completed, u.total(), 0, s));
    }
}

TEST(Draws, TheirMeanIsThePointForecastAndTheIntervalHoldsIt) {
    History h = pipeline();
    // And a steady trend of new permits of both kommuner, some first known by their grant.
    for (MonthIndex m = k_month - 35; m < k_month; ++m) {
        for (int i = 0; i < 3; ++i) {
            ReadPermit p;
            p.known.group = h.groups.of(i ? "1290" : "1293", "småhus");
            p.known.state = PipelineState::completed;
            (i == 2 ? p.known.granted : p.known.applied) = m;
            p.dwellings = 1 + i;
            p.area = i - 1;
            h.permits.push_back(p);
        }
    }
    const Hazards hz = hazards_of(h.groups.size(), 5);
    const Trend t = estimate_trend(h);
    const Units u = units_of(h);
    DrawRequest r = request(24, 3);
    r.draws = 2000;
    const DrawnSums d = draw(h, hz, t, {}, u, r);
    PipelineExpectation e = expect_pipeline(h, hz, 24);
    add_trend(e, h, hz, t);
    for (std::size_t span = 0; span < 2; ++span) {
        double expected_started = 0, expected_completed = 0;
        for (std::size_t m = span * 12; m < span * 12 + 12; ++m) {
            expected_started += e.total.total_started(m);
            expected_completed += e.total.total_completed(m);
        }
        double mean = 0, square = 0;
        for (const double x : d.over(d.completed, u.total(), span, span)) {
            mean += x;
            square += x * x;
        }
        mean /= static_cast<double>(d.draws);
        const double sd = std::sqrt(square / static_cast<double>(d.draws) - mean * mean);
        EXPECT_NEAR(mean, expected_completed, 4 * sd / std::sqrt(static_cast<double>(d.draws)) + 1e-9) << span;
        EXPECT_GT(sd, 0) << "new permits and chance give a spread";
        EXPECT_LT(d.quantile(d.completed, u.total(), span, 0.1), expected_completed) << span;
        EXPECT_GT(d.quantile(d.completed, u.total(), span, 0.9), expected_completed) << span;
        EXPECT_GT(d.quantile(d.started, u.total(), span, 0.9), expected_started * 0.5) << span;
    }
}

TEST(Draws, QuantilesInterpolateBetweenDraws) {
    DrawnSums d;
    d.draws = 5;
    d.spans = 1;
    d.units = 1;
    d.completed = {4, 0, 3, 1, 2};
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, 0, 0, 0.0), 0);
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, 0, 0, 0.5), 2);
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, 0, 0, 0.1), 0.4);
    EXPECT_DOUBLE_EQ(d.quantile(d.completed, 0, 0, 1.0), 4);
}

} // namespace
} // namespace bostad::forecast
