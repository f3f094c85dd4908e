// The table of figures: one row per figure with a key and labels for every output, and the rules of the
// figures on permits month by month.
#include <gtest/gtest.h>

#include <set>

#include "core/figures.hpp"

namespace bostad {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

FigureMask mask_at(const StageDates<Date>& p, const char* month_end) {
    const auto c = cutoffs_for(d(month_end), 12);
    return figure_mask(p, c, state_at(p, c));
}

TEST(Figures, EveryFigureHasAUniqueKeyAndEveryLabel) {
    std::set<std::string_view> keys, headings;
    for (const auto& f : figure_defs()) {
        EXPECT_TRUE(keys.insert(f.key).second) << f.key;
        EXPECT_TRUE(headings.insert(f.heading).second) << f.heading;
        EXPECT_FALSE(f.sv.empty() || f.en.empty() || f.alias.empty()) << f.key;
        EXPECT_EQ(&figure_def(f.id), &f);
    }
    EXPECT_EQ(keys.size(), k_figure_count);
}

TEST(Figures, AppliedAndGrantedInTheMonthWhateverCameLater) {
    // Applied in March, granted in April, started and completed in May.
    const StageDates<Date> p{d("2025-03-10"), d("2025-04-02"), d("2025-05-05"), d("2025-05-30"), {}, {}};
    EXPECT_TRUE(counts(mask_at(p, "2025-03-31"), Figure::applied_in_month));
    EXPECT_TRUE(counts(mask_at(p, "2025-03-31"), Figure::applied));
    EXPECT_FALSE(counts(mask_at(p, "2025-03-31"), Figure::granted_in_month));
    EXPECT_TRUE(counts(mask_at(p, "2025-04-30"), Figure::granted_in_month));
    EXPECT_FALSE(counts(mask_at(p, "2025-04-30"), Figure::applied_in_month));
    const FigureMask may = mask_at(p, "2025-05-31");
    EXPECT_TRUE(counts(may, Figure::completed) && counts(may, Figure::started_in_month) &&
                counts(may, Figure::completed_in_month) && counts(may, Figure::completed_year_to_date));
    EXPECT_FALSE(counts(may, Figure::applied_in_month) || counts(may, Figure::granted_in_month));

    // Applied and granted in the same month, then refused: both flows still count in that month.
    const StageDates<Date> refused{d("2025-06-02"), d("2025-06-20"), {}, {}, d("2025-06-25"), {}};
    const FigureMask june = mask_at(refused, "2025-06-30");
    EXPECT_TRUE(counts(june, Figure::applied_in_month) && counts(june, Figure::granted_in_month));
    EXPECT_FALSE(counts(june, Figure::applied) || counts(june, Figure::granted));
}

TEST(Figures, TheStagesAreExclusiveAndTheFlagsFollowTheirRules) {
    const StageDates<Date> p{d("2018-01-10"), d("2018-02-01"), d("2018-05-01"), {}, {}, {}};
    const FigureMask m = mask_at(p, "2023-03-31");
    EXPECT_TRUE(counts(m, Figure::started));
    EXPECT_TRUE(counts(m, Figure::overdue)) << "5 years from the grant ran out in February 2023";
    EXPECT_TRUE(counts(m, Figure::stalled)) << "no stage date since 2018";
    int stages = 0;
    for (const auto f : {Figure::applied, Figure::granted, Figure::started, Figure::completed, Figure::lapsed}) {
        stages += counts(m, f);
    }
    EXPECT_EQ(stages, 1);
}

TEST(Figures, CountsAddByMask) {
    Counts c;
    c.add((FigureMask{1} << static_cast<unsigned>(Figure::granted)) | (FigureMask{1} << static_cast<unsigned>(Figure::granted_in_month)), 3);
    c.add(FigureMask{1} << static_cast<unsigned>(Figure::granted), 2);
    EXPECT_EQ(c[Figure::granted], 5);
    EXPECT_EQ(c[Figure::granted_in_month], 3);
    EXPECT_EQ(c[Figure::applied], 0);
    Counts twice = c;
    twice += c;
    EXPECT_EQ(twice[Figure::granted], 10);
}

} // namespace
} // namespace bostad
