#include <gtest/gtest.h>

#include <numeric>

#include "forecast/chain.hpp"

namespace bostad::forecast {
namespace {

/// Ten permits of one group: each applied and granted a month later, started in the month of the grant,
/// completed two months after the start.
Hazards clockwork() {
    std::vector<Stay> stays;
    for (int i = 0; i < 10; ++i) {
        stays.push_back({0, Stage::applied, 0, 1, Exit::granted});
        stays.push_back({0, Stage::granted, 1, 1, Exit::started});
        stays.push_back({0, Stage::started, 1, 3, Exit::completed});
    }
    return Hazards(stays, 1, 100, 0);
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(Chain, ANewApplicationFollowsTheStagesAtTheirPace) {
    const Flow f = flow_of(clockwork(), 0, Stage::applied, 0, 6);
    ASSERT_EQ(f.started.size(), 6u);
    EXPECT_DOUBLE_EQ(f.started[1], 1) << "granted in its second month and started in the same month";
    EXPECT_DOUBLE_EQ(f.completed[3], 1) << "completed two months after its start";
    EXPECT_DOUBLE_EQ(sum(f.started), 1);
    EXPECT_DOUBLE_EQ(sum(f.completed), 1);
}

TEST(Chain, APermitStartedAlreadyOnlyCompletes) {
    const Flow f = flow_of(clockwork(), 0, Stage::started, 1, 4);
    EXPECT_DOUBLE_EQ(sum(f.started), 0);
    EXPECT_DOUBLE_EQ(f.completed[1], 1) << "one month into the stage, its third month comes next-but-one";
}

TEST(Chain, WhatLeavesTheStagesAnyOtherWayIsGone) {
    // Half the applications are refused in their first month; every grant starts within the month; every start
    // completes in three to five months (evenly).
    std::vector<Stay> stays;
    for (int i = 0; i < 30; ++i) {
        stays.push_back({0, Stage::applied, 0, i % 2 ? 0 : 2, i % 2 ? Exit::refused : Exit::granted});
        stays.push_back({0, Stage::granted, 0, 0, Exit::started});
        stays.push_back({0, Stage::started, 0, 3 + i % 3, Exit::completed});
    }
    const Hazards h(stays, 1, 100, 0);
    const Flow f = flow_of(h, 0, Stage::applied, 0, 24);
    EXPECT_NEAR(sum(f.started), 0.5, 1e-12);
    EXPECT_NEAR(sum(f.completed), 0.5, 1e-12) << "every start completes within the horizon";
    EXPECT_NEAR(f.completed[2 + 3] + f.completed[2 + 4] + f.completed[2 + 5], 0.5, 1e-12);
    EXPECT_NEAR(f.completed[2 + 3], 0.5 / 3, 1e-12);
}

TEST(Chain, NoMonthsNoFlow) {
    const Flow f = flow_of(clockwork(), 0, Stage::granted, 0, 0);
    EXPECT_TRUE(f.started.empty());
    EXPECT_TRUE(f.completed.empty());
}

} // namespace
} // namespace bostad::forecast
