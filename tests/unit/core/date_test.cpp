#include <gtest/gtest.h>

#include "core/date.hpp"

namespace bostad {
namespace {

TEST(Date, ParsesIsoAndRoundTrips) {
    const auto d = Date::parse_iso("2024-02-29");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year(), 2024);
    EXPECT_EQ(d->month(), 2);
    EXPECT_EQ(d->day(), 29);
    EXPECT_EQ(d->iso(), "2024-02-29");
    EXPECT_EQ(Date::from_ymd(1970, 1, 1).days(), 0);
    EXPECT_EQ(Date::from_ymd(2000, 3, 1).days(), 11017);
}

TEST(Date, RejectsImpossibleDays) {
    EXPECT_FALSE(Date::parse_iso("2025-02-29"));
    EXPECT_FALSE(Date::parse_iso("2025-13-01"));
    EXPECT_FALSE(Date::parse_iso("2025-04-31"));
    EXPECT_FALSE(Date::parse_iso("2025-4-1"));
    EXPECT_FALSE(Date::parse_iso("2025-04-01T00"));
    EXPECT_FALSE(Date::parse_iso("abcd-ef-gh"));
    EXPECT_FALSE(Date::parse_iso(""));
    EXPECT_THROW(Date::from_ymd(2025, 2, 30), std::invalid_argument);
}

TEST(Date, AddsMonthsClampingTheDay) {
    EXPECT_EQ(Date::from_ymd(2024, 1, 31).plus_months(1).iso(), "2024-02-29");
    EXPECT_EQ(Date::from_ymd(2023, 1, 31).plus_months(1).iso(), "2023-02-28");
    EXPECT_EQ(Date::from_ymd(2024, 11, 15).plus_months(2).iso(), "2025-01-15");
    EXPECT_EQ(Date::from_ymd(2024, 3, 15).plus_months(-3).iso(), "2023-12-15");
    EXPECT_EQ(Date::from_ymd(2024, 2, 29).plus_months(24).iso(), "2026-02-28");
}

TEST(Month, ParsesAndComputes) {
    const auto m = Month::parse("2026-10");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->str(), "2026-10");
    EXPECT_EQ(m->first_day().iso(), "2026-10-01");
    EXPECT_EQ(m->last_day().iso(), "2026-10-31");
    EXPECT_EQ(Month(2024, 2).last_day().iso(), "2024-02-29");
    EXPECT_EQ(m->plus(3).str(), "2027-01");
    EXPECT_EQ(m->plus(-10).str(), "2025-12");
    EXPECT_EQ(Month(2030, 12).minus(Month(2020, 1)), 131);
    EXPECT_FALSE(Month::parse("2026-13"));
    EXPECT_FALSE(Month::parse("2026-1"));
    EXPECT_FALSE(Month::parse("26-10"));
    EXPECT_LT(Month(2025, 12), Month(2026, 1));
}

} // namespace
} // namespace bostad
