#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "forecast/expectation.hpp"
#include "forecast/plans.hpp"

namespace bostad::forecast {
namespace {

constexpr MonthIndex k_month = 2026 * 12 + 9; // 2026-10

/// A history at 2026-10 with one plan of `capacity` dwellings in 1290, laga kraft `legal`, half in area D1.
History with_plan(double capacity, MonthIndex legal) {
    History h;
    h.month = Month(2026, 10);
    h.areas = {"D1", "D2"};
    h.plans.push_back({"1290", "P1", legal, capacity, {{0, 0.5}}});
    return h;
}

/// A permit in plan 0 (or `plan`) applied for in month `at`.
void apply(History& h, MonthIndex at, std::optional<std::int64_t> dwellings, PipelineState state = PipelineState::applied,
           int plan = 0, std::string_view house_type = "flerbostadshus") {
    ReadPermit p;
    p.known.group = h.groups.of("1290", house_type);
    p.known.state = state;
    p.known.applied = at;
    p.dwellings = dwellings;
    p.plan = plan;
    h.permits.push_back(p);
}

TEST(Plans, UnusedCapacityIsWhatPermitsInsideHaveNotTaken) {
    History h = with_plan(100, k_month - 24);
    apply(h, k_month - 5, 10);
    apply(h, k_month - 4, 5, PipelineState::refused);
    apply(h, k_month - 3, std::nullopt);
    apply(h, k_month - 3, 7, PipelineState::applied, -1); // outside
    EXPECT_DOUBLE_EQ(unused_capacity(h).at(0), 90);
    apply(h, k_month - 2, 500);
    EXPECT_DOUBLE_EQ(unused_capacity(h).at(0), 0) << "never below zero";
}

TEST(Plans, AbsorptionIsApplicationsAgainstUnusedCapacityOverEndedPlanYears) {
    History h = with_plan(100, k_month - 36); // three plan-years ended before the month
    apply(h, k_month - 35, 20);
    apply(h, k_month - 20, 16);
    apply(h, k_month - 5, 16);
    apply(h, k_month, 50); // in the fourth plan-year, not ended: not counted
    const Absorption a = estimate_absorption(h);
    EXPECT_NEAR(a.whole, (20.0 + 16 + 16) / (100.0 + 80 + 64), 1e-12);
    EXPECT_NEAR(a.of("1290"), a.whole, 1e-12) << "one kommun: pooled towards itself";
    EXPECT_NEAR(a.of("1293"), a.whole, 1e-12) << "a kommun without plan-years takes the store's";
}

TEST(Plans, AKommunWithFewPlanYearsIsPulledTowardsTheStore) {
    History h = with_plan(1000, k_month - 23);
    h.plans.push_back({"1293", "P2", k_month - 11, 10, {}});
    apply(h, k_month - 23, 100);
    apply(h, k_month - 11, 100);
    ReadPermit p;
    p.known.group = h.groups.of("1293", "småhus");
    p.known.state = PipelineState::applied;
    p.known.applied = k_month - 6;
    p.dwellings = 10;
    p.plan = 1;
    h.permits.push_back(p);
    const Absorption a = estimate_absorption(h);
    const double whole = (100.0 + 100 + 10) / (1000.0 + 900 + 10);
    EXPECT_NEAR(a.whole, whole, 1e-12);
    EXPECT_NEAR(a.of("1293"), (10 + k_absorption_pooling * whole) / (10 + k_absorption_pooling), 1e-12);
    EXPECT_LT(a.of("1293"), 0.5) << "one small plan taken up whole says little";
}

TEST(Plans, APlanAppliesForItsRateOfWhatIsLeftEachYear) {
    History h = with_plan(100, k_month - 24);
    apply(h, k_month - 20, 20);
    Absorption a;
    a.per_year["1290"] = 0.5;
    const PlanApplications apps = plan_applications(h, a, {}, 24);
    ASSERT_EQ(apps.monthly.size(), 1u);
    const auto& m = apps.monthly[0];
    EXPECT_NEAR(std::accumulate(m.begin(), m.begin() + 12, 0.0), 80 * 0.5, 1e-9);
    EXPECT_NEAR(std::accumulate(m.begin(), m.end(), 0.0), 80 * 0.75, 1e-9);
    EXPECT_GT(m[0], m[23]) << "less is left each month";
    EXPECT_EQ(apps.group.at(0), h.groups.of("1290", "flerbostadshus"));
    EXPECT_TRUE(apps.notes.empty());
}

TEST(Plans, AProgrammeReplacesTheRateAndNeverTakesMoreThanIsLeft) {
    History h = with_plan(10, k_month - 24);
    Absorption a;
    a.per_year["1290"] = 0.5;
    const PlanApplications rate = plan_applications(h, a, {{"1290", "P1", 24.0, {}}}, 12);
    EXPECT_EQ(rate.monthly[0], (std::vector<double>{2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0}));
    ASSERT_EQ(rate.notes.size(), 1u);
    EXPECT_NE(rate.notes[0].find("asks for 24 dwellings"), std::string::npos) << rate.notes[0];

    History big = with_plan(1000, k_month - 24);
    const PlanApplications years = plan_applications(big, a, {{"1290", "P1", std::nullopt, {{2027, 12}, {2028, 24}}}}, 16);
    // 2026-11 and -12: nothing programmed; 2027: one a month; 2028: two.
    EXPECT_EQ(years.monthly[0][0], 0);
    EXPECT_EQ(years.monthly[0][1], 0);
    EXPECT_EQ(years.monthly[0][2], 1);
    EXPECT_EQ(years.monthly[0][13], 1);
    EXPECT_EQ(years.monthly[0][14], 2);
    EXPECT_TRUE(years.notes.empty());

    const PlanApplications none = plan_applications(big, a, {{"1290", "P9", 5.0, {}}}, 3);
    ASSERT_EQ(none.notes.size(), 1u);
    EXPECT_NE(none.notes[0].find("no such plan in force at 2026-10"), std::string::npos) << none.notes[0];
}

TEST(Plans, ThePlansApplicationsFlowOverItsAreasAndAddUp) {
    History h = with_plan(100, k_month - 24);
    apply(h, k_month - 20, 20, PipelineState::completed);
    // Every application granted and started in its second month, completed two months later.
    std::vector<Stay> stays{{0, Stage::applied, 0, 1, Exit::granted}, {0, Stage::granted, 1, 1, Exit::started},
                            {0, Stage::started, 1, 3, Exit::completed}};
    const Hazards hazards(stays, h.groups.size(), 100, 0);
    PlanApplications apps{{{8, 0, 0, 0, 0, 0}}, {0}, {}};
    PipelineExpectation e = expect_pipeline(h, hazards, 6);
    add_plans(e, h, hazards, apps);
    const auto s = static_cast<std::size_t>(Source::plans);
    EXPECT_DOUBLE_EQ(e.total.started[s][1], 8);
    EXPECT_DOUBLE_EQ(e.total.completed[s][3], 8);
    EXPECT_DOUBLE_EQ(e.areas[0].started[s][1], 4) << "half the plan lies in D1";
    EXPECT_DOUBLE_EQ(e.unassigned.started[s][1], 4) << "the rest in no area";
    EXPECT_DOUBLE_EQ(e.areas[1].started[s][1], 0);
    EXPECT_DOUBLE_EQ(e.municipalities.at("1290").completed[s][3], 8);
}

TEST(Plans, TheTrendLeavesThePlansApplicationsToThem) {
    History h = with_plan(100, k_month - 24);
    apply(h, k_month - 2, 6);                                            // in the plan
    apply(h, k_month - 2, std::nullopt);                                 // in the plan, no count: the trend's
    apply(h, k_month - 2, 3, PipelineState::applied, -1);                // outside
    const Trend t = estimate_trend(h);
    const auto& level = t.levels.at(0)[static_cast<std::size_t>(Stage::applied)];
    EXPECT_GT(level.dwellings, 0);
    EXPECT_NEAR(level.unknown / level.dwellings, 1.0 / 3, 1e-12) << "only the 3 outside count as dwellings";
}

} // namespace
} // namespace bostad::forecast
