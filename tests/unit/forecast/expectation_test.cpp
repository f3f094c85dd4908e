#include <gtest/gtest.h>

#include "forecast/expectation.hpp"

namespace bostad::forecast {
namespace {

constexpr MonthIndex k_month = 2026 * 12 + 9; // 2026-10

/// Every application granted in its second month and started in the same month; completed two months later.
Hazards clockwork(std::size_t groups) {
    std::vector<Stay> stays;
    for (std::size_t g = 0; g < groups; ++g) {
        stays.push_back({g, Stage::applied, 0, 1, Exit::granted});
        stays.push_back({g, Stage::granted, 1, 1, Exit::started});
        stays.push_back({g, Stage::started, 1, 3, Exit::completed});
    }
    return Hazards(stays, groups, 100, 0);
}

ReadPermit in_pipeline(History& h, std::string_view kommun, PipelineState state, MonthIndex entered, std::optional<std::int64_t> dwellings,
                       int area) {
    ReadPermit p;
    p.known.group = h.groups.of(kommun, "småhus");
    p.known.state = state;
    (state == PipelineState::applied ? p.known.applied : state == PipelineState::granted ? p.known.granted : p.known.started) = entered;
    p.dwellings = dwellings;
    p.area = area;
    return p;
}

History history() {
    History h;
    h.month = Month(2026, 10);
    h.areas = {"D1", "D2"};
    h.permits.push_back(in_pipeline(h, "1290", PipelineState::granted, k_month, 5, 0));      // granted in October: starts in November
    h.permits.push_back(in_pipeline(h, "1290", PipelineState::applied, k_month, 2, 1));      // applied in October: granted and started in November
    h.permits.push_back(in_pipeline(h, "1293", PipelineState::started, k_month - 1, 3, -1)); // completes in a month
    h.permits.push_back(in_pipeline(h, "1293", PipelineState::granted, k_month, std::nullopt, 0));
    h.permits.push_back(in_pipeline(h, "1293", PipelineState::completed, k_month, 9, 0)); // out of the pipeline
    return h;
}

TEST(Expectation, EachPermitFlowsThroughItsAreaKommunAndTheTotal) {
    const History h = history();
    const PipelineExpectation e = expect_pipeline(h, clockwork(h.groups.size()), 6);
    const auto granted = static_cast<std::size_t>(Source::granted);
    const auto applied = static_cast<std::size_t>(Source::applied);
    const auto started = static_cast<std::size_t>(Source::started);
    EXPECT_DOUBLE_EQ(e.areas[0].started[granted][0], 5) << "granted at the month: its first month in the stage came already";
    EXPECT_DOUBLE_EQ(e.areas[0].started_unknown[granted][0], 1) << "a permit without dwellings is expected as a permit";
    EXPECT_DOUBLE_EQ(e.areas[1].started[applied][0], 2) << "applied at the month: granted and started next month";
    EXPECT_DOUBLE_EQ(e.areas[1].completed[applied][2], 2);
    EXPECT_DOUBLE_EQ(e.unassigned.completed[started][0], 3) << "two months into its start: completes next month";
    EXPECT_DOUBLE_EQ(e.municipalities.at("1290").total_started(0), 7);
    EXPECT_DOUBLE_EQ(e.municipalities.at("1293").total_completed(0), 3);
    EXPECT_DOUBLE_EQ(e.total.total_completed(2), 5 + 2);
}

TEST(Expectation, AreasAndUnassignedAddUpToTheKommunerAndTheTotal) {
    const History h = history();
    const PipelineExpectation e = expect_pipeline(h, clockwork(h.groups.size()), 12);
    for (std::size_t s = 0; s < k_sources; ++s) {
        for (std::size_t t = 0; t < 12; ++t) {
            for (auto member : {&Expected::started, &Expected::completed, &Expected::started_unknown, &Expected::completed_unknown}) {
                double areas = (e.unassigned.*member)[s][t], kommuner = 0;
                for (const Expected& a : e.areas) areas += (a.*member)[s][t];
                for (const auto& [code, m] : e.municipalities) kommuner += (m.*member)[s][t];
                EXPECT_DOUBLE_EQ(areas, (e.total.*member)[s][t]);
                EXPECT_DOUBLE_EQ(kommuner, (e.total.*member)[s][t]);
            }
        }
    }
    double all = 0;
    for (std::size_t t = 0; t < 12; ++t) all += e.total.total_completed(t);
    EXPECT_DOUBLE_EQ(all, 5 + 2 + 3) << "every dwelling in the pipeline completes within the year; the completed one is not counted again";
}

/// The history's pipeline over six months, and a trend of one group entering by `stage`.
PipelineExpectation with_trend(const History& h, std::string_view kommun, Stage stage, Entries level, std::map<int, double> shares) {
    Trend trend;
    trend.levels.resize(h.groups.size());
    trend.area_shares.resize(h.groups.size());
    History groups = h; // Groups::of adds; the group is the history's already
    const std::size_t g = groups.groups.of(kommun, "småhus");
    trend.levels.at(g)[static_cast<std::size_t>(stage)] = level;
    trend.area_shares.at(g) = std::move(shares);
    PipelineExpectation e = expect_pipeline(h, clockwork(h.groups.size()), 6);
    add_trend(e, h, clockwork(h.groups.size()), trend);
    return e;
}

TEST(Expectation, TheTrendsPermitsEnterEveryMonthAndFlowLikeNewApplications) {
    const History h = history();
    const PipelineExpectation e = with_trend(h, "1290", Stage::applied, {6, 1}, {{0, 0.5}, {-1, 0.5}});
    const auto t = static_cast<std::size_t>(Source::trend);
    // Applied in month m: granted and started in m + 1, completed in m + 3.
    EXPECT_DOUBLE_EQ(e.total.started[t][0], 0);
    for (std::size_t m = 1; m < 6; ++m) EXPECT_DOUBLE_EQ(e.total.started[t][m], 6) << m;
    EXPECT_DOUBLE_EQ(e.total.completed[t][2], 0);
    EXPECT_DOUBLE_EQ(e.total.completed[t][3], 6);
    EXPECT_DOUBLE_EQ(e.total.started_unknown[t][5], 1) << "permits without a count stay permits";
    EXPECT_DOUBLE_EQ(e.areas[0].started[t][4], 3);
    EXPECT_DOUBLE_EQ(e.unassigned.started[t][4], 3);
    EXPECT_DOUBLE_EQ(e.municipalities.at("1290").started[t][4], 6);
    EXPECT_DOUBLE_EQ(e.municipalities.at("1293").started[t][4], 0);
    EXPECT_DOUBLE_EQ(e.areas[1].started[t][4], 0);
    for (std::size_t m = 0; m < 6; ++m) {
        double areas = e.unassigned.total_started(m);
        for (const Expected& a : e.areas) areas += a.total_started(m);
        EXPECT_DOUBLE_EQ(areas, e.total.total_started(m)) << m;
    }
}

TEST(Expectation, TheTrendsPermitsFirstKnownByTheirStartStartInTheMonthTheyEnter) {
    const History h = history();
    const PipelineExpectation e = with_trend(h, "1293", Stage::started, {2, 0}, {{-1, 1.0}});
    const auto t = static_cast<std::size_t>(Source::trend);
    for (std::size_t m = 0; m < 6; ++m) EXPECT_DOUBLE_EQ(e.unassigned.started[t][m], 2) << m;
    EXPECT_DOUBLE_EQ(e.unassigned.completed[t][1], 0);
    EXPECT_DOUBLE_EQ(e.unassigned.completed[t][2], 2) << "completed two months after the start";
}

} // namespace
} // namespace bostad::forecast
