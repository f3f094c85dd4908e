#include <gtest/gtest.h>

#include "forecast/history.hpp"

namespace bostad::forecast {
namespace {

using When = std::optional<MonthIndex>;

/// A permit of group 2 with its state and stage months (none: not known).
KnownPermit permit(PipelineState state, When applied, When granted = {}, When started = {}, When completed = {}) {
    KnownPermit p;
    p.group = 2;
    p.state = state;
    p.applied = applied;
    p.granted = granted;
    p.started = started;
    p.completed = completed;
    return p;
}

void expect_stay(const Stay& s, Stage stage, MonthIndex entered, std::optional<MonthIndex> left, Exit exit = Exit::granted) {
    EXPECT_EQ(s.group, 2u);
    EXPECT_EQ(s.stage, stage);
    EXPECT_EQ(s.entered, entered);
    EXPECT_EQ(s.left, left);
    if (left) {
        EXPECT_EQ(s.exit, exit);
    }
}

TEST(History, ACompletedPermitMadeAStayInEachStage) {
    const KnownPermit p = permit(PipelineState::completed, 10, 12, 13, 20);
    const auto stays = stays_of(p, 30);
    ASSERT_EQ(stays.size(), 3u);
    expect_stay(stays[0], Stage::applied, 10, 12, Exit::granted);
    expect_stay(stays[1], Stage::granted, 12, 13, Exit::started);
    expect_stay(stays[2], Stage::started, 13, 20, Exit::completed);
    EXPECT_FALSE(position_of(p, 30)) << "out of the pipeline";
}

TEST(History, APermitInThePipelineHasAStayStillGoing) {
    const KnownPermit p = permit(PipelineState::granted, 10, 12);
    const auto stays = stays_of(p, 15);
    ASSERT_EQ(stays.size(), 2u);
    expect_stay(stays[0], Stage::applied, 10, 12, Exit::granted);
    expect_stay(stays[1], Stage::granted, 12, std::nullopt);
    const auto at = position_of(p, 15);
    ASSERT_TRUE(at);
    EXPECT_EQ(at->stage, Stage::granted);
    EXPECT_EQ(at->months_in, 4) << "months 12, 13, 14 and 15 in the stage before month 16";
}

TEST(History, ALapsedGrantLeftWhenItsTwoYearsRanOut) {
    const KnownPermit p = permit(PipelineState::lapsed, {}, 100);
    const auto stays = stays_of(p, 140);
    ASSERT_EQ(stays.size(), 1u) << "a decision list: no application date, no stay as applied";
    expect_stay(stays[0], Stage::granted, 100, 124, Exit::lapsed);
    EXPECT_FALSE(position_of(p, 140));
}

TEST(History, ARefusalAndAWithdrawalAfterTheGrantEndTheirStays) {
    KnownPermit refused = permit(PipelineState::refused, 5);
    refused.refused = 7;
    const auto r = stays_of(refused, 9);
    ASSERT_EQ(r.size(), 1u);
    expect_stay(r[0], Stage::applied, 5, 7, Exit::refused);
    KnownPermit withdrawn = permit(PipelineState::withdrawn, 5, 6);
    withdrawn.withdrawn = 8;
    const auto w = stays_of(withdrawn, 9);
    ASSERT_EQ(w.size(), 2u);
    expect_stay(w[0], Stage::applied, 5, 6, Exit::granted); // granted first
    expect_stay(w[1], Stage::granted, 6, 8, Exit::lapsed); // left without a start
}

TEST(History, AStageEnteredAtAnUnknownMonthHasNoPosition) {
    const KnownPermit p = permit(PipelineState::started, {}, 3); // a start whose month is not known (a year alone)
    EXPECT_FALSE(position_of(p, 10));
    const auto stays = stays_of(p, 10);
    ASSERT_EQ(stays.size(), 1u);
    expect_stay(stays[0], Stage::granted, 3, std::nullopt);
}

} // namespace
} // namespace bostad::forecast
