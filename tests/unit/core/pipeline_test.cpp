// The pipeline rules of product.md on one permit, day by day.
#include <gtest/gtest.h>

#include "core/figures.hpp"
#include "core/pipeline.hpp"

namespace bostad {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

PipelineState at(const StageDates<Date>& p, const char* day, int stalled_months = 12) {
    return state_at(p, cutoffs_for(d(day), stalled_months));
}

TEST(Pipeline, APermitThroughEveryStage) {
    const StageDates<Date> p{d("2024-01-10"), d("2024-02-20"), d("2024-04-01"), d("2025-03-31"), {}, {}};
    EXPECT_EQ(at(p, "2024-01-09"), PipelineState::none);
    EXPECT_EQ(at(p, "2024-01-10"), PipelineState::applied) << "a stage counts from its own day";
    EXPECT_EQ(at(p, "2024-02-19"), PipelineState::applied);
    EXPECT_EQ(at(p, "2024-02-20"), PipelineState::granted);
    EXPECT_EQ(at(p, "2024-04-01"), PipelineState::started);
    EXPECT_EQ(at(p, "2025-03-30"), PipelineState::started);
    EXPECT_EQ(at(p, "2025-03-31"), PipelineState::completed);
    EXPECT_EQ(at(p, "2040-01-01"), PipelineState::completed);
}

TEST(Pipeline, ExitsTakeAPermitOut) {
    const StageDates<Date> refused{d("2024-01-10"), {}, {}, {}, d("2024-03-01"), {}};
    EXPECT_EQ(at(refused, "2024-02-29"), PipelineState::applied);
    EXPECT_EQ(at(refused, "2024-03-01"), PipelineState::refused);
    const StageDates<Date> withdrawn{d("2024-01-10"), d("2024-02-01"), {}, {}, {}, d("2024-05-01")};
    EXPECT_EQ(at(withdrawn, "2024-04-30"), PipelineState::granted);
    EXPECT_EQ(at(withdrawn, "2024-05-01"), PipelineState::withdrawn);
}

TEST(Pipeline, LapsesTwoYearsAfterTheGrantUnlessStarted) {
    const StageDates<Date> p{d("2022-01-10"), d("2022-03-15"), {}, {}, {}, {}};
    EXPECT_EQ(at(p, "2024-03-15"), PipelineState::granted) << "the deadline day is still in time";
    EXPECT_EQ(at(p, "2024-03-16"), PipelineState::lapsed);
    StageDates<Date> started = p;
    started.started = d("2024-03-15");
    EXPECT_EQ(at(started, "2024-03-16"), PipelineState::started);
    // A leap-day grant's deadline is 28 February two years on (lag 1930:173).
    const StageDates<Date> leap{{}, d("2024-02-29"), {}, {}, {}, {}};
    EXPECT_EQ(at(leap, "2026-02-28"), PipelineState::granted);
    EXPECT_EQ(at(leap, "2026-03-01"), PipelineState::lapsed);
    const StageDates<Date> day_before{{}, d("2024-02-28"), {}, {}, {}, {}};
    EXPECT_EQ(at(day_before, "2026-02-28"), PipelineState::granted);
    EXPECT_EQ(at(day_before, "2026-03-01"), PipelineState::lapsed);
}

TEST(Pipeline, OverdueFiveYearsAfterTheGrantWhileUnderConstruction) {
    const StageDates<Date> p{d("2019-01-10"), d("2019-06-01"), d("2019-09-01"), {}, {}, {}};
    const auto flag = [&](const char* day) {
        const auto c = cutoffs_for(d(day), 12);
        return is_overdue(p, c, state_at(p, c));
    };
    EXPECT_FALSE(flag("2024-06-01"));
    EXPECT_TRUE(flag("2024-06-02"));
    StageDates<Date> done = p;
    done.completed = d("2024-07-01");
    const auto c = cutoffs_for(d("2024-08-01"), 12);
    EXPECT_FALSE(is_overdue(done, c, state_at(done, c))) << "completed is no longer overdue";
}

TEST(Pipeline, StalledWithoutANewStageDateForTheConfiguredTime) {
    const StageDates<Date> p{d("2024-01-10"), d("2024-02-20"), {}, {}, {}, {}};
    const auto flag = [&](const char* day, int months) {
        const auto c = cutoffs_for(d(day), months);
        return is_stalled(p, c, state_at(p, c));
    };
    EXPECT_FALSE(flag("2025-02-19", 12));
    EXPECT_TRUE(flag("2025-02-20", 12));
    EXPECT_FALSE(flag("2024-08-19", 6));
    EXPECT_TRUE(flag("2024-08-20", 6));
    // A stage dated after D does not count: at D the permit is granted, its last stage a year old.
    const StageDates<Date> later{d("2023-01-01"), d("2023-02-01"), d("2024-06-01"), {}, {}, {}};
    const auto c_later = cutoffs_for(d("2024-03-01"), 12);
    EXPECT_TRUE(is_stalled(later, c_later, state_at(later, c_later)));
    const StageDates<Date> refused{d("2020-01-10"), {}, {}, {}, d("2020-02-01"), {}};
    const auto c = cutoffs_for(d("2024-01-01"), 12);
    EXPECT_FALSE(is_stalled(refused, c, state_at(refused, c))) << "out of the pipeline: not stalled";
}

TEST(Pipeline, CutoffsAreTheLastExpiredGrantDays) {
    const auto c = cutoffs_for(d("2024-03-16"), 12);
    EXPECT_EQ(c.lapse, d("2022-03-15"));
    EXPECT_EQ(c.overdue, d("2019-03-15"));
    EXPECT_EQ(c.stalled, d("2023-03-16"));
    EXPECT_EQ(c.month_start, d("2024-03-01"));
    EXPECT_EQ(c.year_start, d("2024-01-01"));
    EXPECT_EQ(cutoffs_for(d("2026-03-01"), 12).lapse, d("2024-02-29"));
    EXPECT_EQ(cutoffs_for(d("2026-02-28"), 12).lapse, d("2024-02-27"));
}

TEST(Pipeline, TextDatesFollowTheSameRules) {
    const StageDates<std::string_view> p{"2022-01-10", "2022-03-15", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    const Cutoffs<std::string_view> before{"2024-03-15", "2022-03-14", "2019-03-14", "2023-03-15", "2024-03-01", "2024-01-01"};
    const Cutoffs<std::string_view> after{"2024-03-16", "2022-03-15", "2019-03-15", "2023-03-16", "2024-03-01", "2024-01-01"};
    EXPECT_EQ(state_at(p, before), PipelineState::granted);
    EXPECT_EQ(state_at(p, after), PipelineState::lapsed);
}

} // namespace
} // namespace bostad
