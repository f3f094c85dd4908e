#include <gtest/gtest.h>

#include <cmath>

#include "forecast/trend.hpp"

namespace bostad::forecast {
namespace {

constexpr MonthIndex k_month = 2026 * 12 + 9; // 2026-10

History empty_history() {
    History h;
    h.month = Month(2026, 10);
    h.areas = {"D1", "D2"};
    return h;
}

/// A permit of `kommun`'s småhus first known in `stage` in month `at`.
void enter(History& h, std::string_view kommun, Stage stage, MonthIndex at, std::optional<std::int64_t> dwellings, int area = 0) {
    ReadPermit p;
    p.known.group = h.groups.of(kommun, "småhus");
    p.known.state = PipelineState::completed;
    if (stage == Stage::applied) p.known.applied = at;
    if (stage == Stage::applied) p.known.granted = at + 1;
    if (stage == Stage::granted) p.known.granted = at;
    p.known.started = at + 2;
    p.known.completed = at + 5;
    p.dwellings = dwellings;
    p.area = area;
    h.permits.push_back(p);
}

const Entries& level(const Trend& t, const History& h, std::string_view kommun, Stage stage) {
    for (std::size_t g = 0; g < h.groups.size(); ++g) {
        if (h.groups.at(g).municipality == kommun) return t.levels.at(g)[static_cast<std::size_t>(stage)];
    }
    throw std::logic_error("no such group");
}

TEST(Trend, ASteadyFlowIsItsOwnLevelInDwellingsAndInPermitsWithoutACount) {
    History h = empty_history();
    for (MonthIndex m = k_month - 47; m <= k_month; ++m) {
        enter(h, "1290", Stage::applied, m, 3);
        enter(h, "1290", Stage::applied, m, 4);
        enter(h, "1290", Stage::applied, m, std::nullopt);
    }
    const Trend t = estimate_trend(h);
    EXPECT_NEAR(level(t, h, "1290", Stage::applied).dwellings, 7, 1e-9);
    EXPECT_NEAR(level(t, h, "1290", Stage::applied).unknown, 1, 1e-9);
    EXPECT_EQ(level(t, h, "1290", Stage::granted).dwellings, 0) << "they entered by their applications";
}

TEST(Trend, AMonthWeighsHalfAsMuchAsTheOneSixMonthsAfterIt) {
    History recent = empty_history(), older = empty_history();
    enter(recent, "1290", Stage::applied, k_month - 47, 1); // the store's first entry: the window is observed whole
    enter(older, "1290", Stage::applied, k_month - 47, 1);
    enter(recent, "1290", Stage::applied, k_month, 10);
    enter(older, "1290", Stage::applied, k_month - 12, 10);
    const double r = level(estimate_trend(recent), recent, "1290", Stage::applied).dwellings;
    const double o = level(estimate_trend(older), older, "1290", Stage::applied).dwellings;
    EXPECT_NEAR(r / o, 4, 1e-9) << "twelve months back: two half-lives";
}

TEST(Trend, MonthsBeforeTheStoresFirstEntryAreNotCountedAsEmpty) {
    History h = empty_history();
    for (MonthIndex m = k_month - 9; m <= k_month; ++m) enter(h, "1290", Stage::applied, m, 2);
    EXPECT_NEAR(level(estimate_trend(h), h, "1290", Stage::applied).dwellings, 2, 1e-9);
}

TEST(Trend, EntriesOlderThanTheWindowDoNotCount) {
    History h = empty_history();
    for (MonthIndex m = k_month - 60; m < k_month - 35; ++m) enter(h, "1290", Stage::applied, m, 5);
    enter(h, "1290", Stage::applied, k_month, 1);
    double weights = 0;
    for (int j = 0; j < k_trend_months; ++j) weights += std::exp2(-j / k_trend_half_life);
    EXPECT_NEAR(level(estimate_trend(h), h, "1290", Stage::applied).dwellings, 1 / weights, 1e-12);
}

TEST(Trend, ADecisionListEntersByItsGrantsAndKommunerApart) {
    History h = empty_history();
    for (MonthIndex m = k_month - 35; m <= k_month; ++m) {
        enter(h, "1293", Stage::granted, m, 2);
        enter(h, "1290", Stage::applied, m, 1);
    }
    const Trend t = estimate_trend(h);
    EXPECT_NEAR(level(t, h, "1293", Stage::granted).dwellings, 2, 1e-9);
    EXPECT_EQ(level(t, h, "1293", Stage::applied).dwellings, 0);
    EXPECT_NEAR(level(t, h, "1290", Stage::applied).dwellings, 1, 1e-9);
}

TEST(Trend, AreaSharesFollowTheEntriesAndAddUpToOne) {
    History h = empty_history();
    for (MonthIndex m = k_month - 35; m <= k_month; ++m) {
        enter(h, "1290", Stage::applied, m, 1, 0);
        enter(h, "1290", Stage::applied, m, 1, 0);
        enter(h, "1290", Stage::applied, m, 1, 1);
        enter(h, "1290", Stage::applied, m, 1, -1);
    }
    const Trend t = estimate_trend(h);
    ASSERT_EQ(t.area_shares.size(), 1U);
    EXPECT_DOUBLE_EQ(t.area_shares[0].at(0), 0.5);
    EXPECT_DOUBLE_EQ(t.area_shares[0].at(1), 0.25);
    EXPECT_DOUBLE_EQ(t.area_shares[0].at(-1), 0.25);
}

TEST(Trend, NoEntriesNoTrend) {
    History h = empty_history();
    const Trend none = estimate_trend(h);
    EXPECT_TRUE(none.levels.empty());
    ReadPermit p; // known in no stage
    p.known.group = h.groups.of("1290", "småhus");
    h.permits.push_back(p);
    const Trend t = estimate_trend(h);
    ASSERT_EQ(t.levels.size(), 1U);
    EXPECT_EQ(t.levels[0][0].dwellings, 0);
    EXPECT_TRUE(t.area_shares[0].empty());
}

} // namespace
} // namespace bostad::forecast
