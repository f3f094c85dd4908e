#include <gtest/gtest.h>

#include "forecast/hazards.hpp"

namespace bostad::forecast {
namespace {

constexpr std::size_t k_granted = static_cast<std::size_t>(Exit::granted);
constexpr std::size_t k_refused = static_cast<std::size_t>(Exit::refused);

Stay applied(std::size_t group, MonthIndex entered, std::optional<MonthIndex> left, Exit exit = Exit::granted) {
    return {group, Stage::applied, entered, left, exit};
}

TEST(Hazards, ALifeTableCountsTheMonthsEachStayWasSeen) {
    // Granted in its third month; refused in its first; still waiting after three months (censored).
    const std::vector<Stay> stays{applied(0, 0, 2), applied(0, 0, 0, Exit::refused), applied(0, 1, std::nullopt)};
    const Hazards h(stays, 1, 3, 0);
    const StageHazards& a = h.of(0, Stage::applied);
    EXPECT_DOUBLE_EQ(a.at_risk[0], 3);
    EXPECT_DOUBLE_EQ(a.at[0][k_refused], 1.0 / 3);
    EXPECT_DOUBLE_EQ(a.at[0][k_granted], 0);
    EXPECT_DOUBLE_EQ(a.at_risk[1], 2);
    EXPECT_DOUBLE_EQ(a.leave(1), 0);
    EXPECT_DOUBLE_EQ(a.at_risk[2], 2) << "the censored stay was seen in its months 0, 1 and 2 (months 1-3)";
    EXPECT_DOUBLE_EQ(a.at[2][k_granted], 0.5);
    EXPECT_DOUBLE_EQ(a.at_risk[3], 0);
    EXPECT_DOUBLE_EQ(a.at[3][k_granted], 0.5) << "a month nobody was seen in takes the month before";
    EXPECT_DOUBLE_EQ(h.of(0, Stage::granted).leave(0), 0) << "a stage without stays: no chance of leaving";
}

TEST(Hazards, AStayLeavingAfterObservationEndsIsStillGoing) {
    const Hazards h({applied(0, 0, 5)}, 1, 3, 0);
    EXPECT_DOUBLE_EQ(h.of(0, Stage::applied).at_risk[3], 1);
    EXPECT_DOUBLE_EQ(h.of(0, Stage::applied).leave(3), 0);
    EXPECT_DOUBLE_EQ(h.of(0, Stage::applied).at_risk[4], 0);
}

TEST(Hazards, TheLastBinHoldsEveryLaterMonth) {
    const Hazards h({applied(0, 0, 100)}, 1, 200, 0);
    const StageHazards& a = h.of(0, Stage::applied);
    EXPECT_DOUBLE_EQ(a.at_risk[k_months - 1], 100 - (k_months - 1) + 1);
    EXPECT_DOUBLE_EQ(a.at[k_months - 1][k_granted], 1.0 / (100 - (k_months - 1) + 1));
    EXPECT_DOUBLE_EQ(a.leave(k_months + 30), a.leave(k_months - 1)) << "later months read the last bin";
}

TEST(Hazards, AGroupWithFewCasesIsPooledTowardsTheWholeStore) {
    std::vector<Stay> stays;
    for (int i = 0; i < 100; ++i) stays.push_back(applied(0, 0, i % 2 == 0 ? std::optional<MonthIndex>(0) : std::optional<MonthIndex>(1)));
    stays.push_back(applied(1, 0, 0)); // the small group: its one case granted at once
    const double weight = 24;
    const Hazards h(stays, 2, 10, weight);
    const double whole = 51.0 / 101; // 50 + 1 granted in month 0 of 101 at risk
    EXPECT_DOUBLE_EQ(h.whole(Stage::applied).at[0][k_granted], whole);
    EXPECT_DOUBLE_EQ(h.of(1, Stage::applied).at[0][k_granted], (1 + weight * whole) / (1 + weight))
        << "one case moves the small group only a little away from the store";
    EXPECT_NEAR(h.of(0, Stage::applied).at[0][k_granted], 0.5, 0.01) << "a hundred cases speak for themselves";
    const Hazards unpooled(stays, 2, 10, 0);
    EXPECT_DOUBLE_EQ(unpooled.of(1, Stage::applied).at[0][k_granted], 1);
}

} // namespace
} // namespace bostad::forecast
