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

/// The figures that count `p` at the end of `day`.
FigureMask figures_at(const StageDates<Date>& p, const char* day) {
    const auto c = cutoffs_for(d(day), 12);
    return figure_mask(p, c, state_at(p, c));
}

TEST(Pipeline, AYearAloneCountsAtTheEndOfItsYearAndInNoWindowSmallerThanTheYear) {
    // Completed "2025": stored as 2025-12-31 with its bit; started 2025-03-10 is a day.
    StageDates<Date> p{d("2024-05-02"), d("2024-09-01"), d("2025-03-10"), d("2025-12-31"), {}, {}};
    p.year_only = static_cast<std::uint8_t>(1u << static_cast<unsigned>(StageDate::completed));
    EXPECT_EQ(at(p, "2025-11-30"), PipelineState::started) << "not known to be completed before the year ends";
    EXPECT_EQ(at(p, "2025-12-31"), PipelineState::completed);
    EXPECT_FALSE(counts(figures_at(p, "2025-12-31"), Figure::completed_in_month)) << "it may belong to any month of 2025";
    EXPECT_TRUE(counts(figures_at(p, "2025-12-31"), Figure::completed_year_to_date)) << "the whole year is known";
    EXPECT_FALSE(counts(figures_at(p, "2025-11-30"), Figure::completed_year_to_date));
    EXPECT_FALSE(counts(figures_at(p, "2026-01-31"), Figure::completed_year_to_date));
    EXPECT_TRUE(counts(figures_at(p, "2025-03-31"), Figure::started_in_month)) << "a day still counts in its month";

    // The same dates as text, as the stores hand them to the rules.
    StageDates<std::string_view> t{"2024-05-02", "2024-09-01", "2025-03-10", "2025-12-31", std::nullopt, std::nullopt};
    t.year_only = p.year_only;
    const MonthDays dec = month_days(Month(2025, 12), 12);
    const auto c = dec.cutoffs();
    const FigureMask text_mask = figure_mask(t, c, state_at(t, c));
    EXPECT_EQ(text_mask, figures_at(p, "2025-12-31"));

    // Without its bit the same day counts in December: the bit is what keeps it out.
    p.year_only = 0;
    EXPECT_TRUE(counts(figures_at(p, "2025-12-31"), Figure::completed_in_month));
}

TEST(Pipeline, YearOnlyFieldNamesBecomeStageDateBits) {
    EXPECT_EQ(year_only_bits(std::nullopt), 0);
    EXPECT_EQ(year_only_bits("granted_date,completed_date"),
              (1u << static_cast<unsigned>(StageDate::granted)) | (1u << static_cast<unsigned>(StageDate::completed)));
    EXPECT_EQ(year_only_bits("legal_date"), 0) << "a plan's date is no stage date";
    for (const StageDate s : k_stage_dates) EXPECT_EQ(year_only_bits(stage_date_field(s)), 1u << static_cast<unsigned>(s));
}

} // namespace
} // namespace bostad
