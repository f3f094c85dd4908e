#pragma once
// Calendar dates and months without time zones: a permit's dates are civil dates in Sweden.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bostad {

/// A proleptic Gregorian date, stored as days since 1970-01-01.
class Date {
public:
    Date() = default;
    static Date from_days(std::int32_t days) { return Date(days); }
    /// Throws std::invalid_argument when the day does not exist (2025-02-30).
    static Date from_ymd(int year, int month, int day);
    /// Parses exactly YYYY-MM-DD; nullopt when malformed or not a real day.
    static std::optional<Date> parse_iso(std::string_view text);

    std::int32_t days() const { return m_days; }
    int year() const;
    int month() const;
    int day() const;
    std::string iso() const;
    /// Writes the 10 characters of YYYY-MM-DD to `out` (no terminator).
    void write_iso(char* out) const;

    Date plus_days(std::int32_t n) const { return Date(m_days + n); }
    /// Adds calendar months, clamping the day to the end of the target month (2024-01-31 + 1 = 2024-02-29).
    Date plus_months(int n) const;

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    explicit Date(std::int32_t days) : m_days(days) {}
    std::int32_t m_days = 0;
};

bool is_leap_year(int year);

/// Today's date (UTC) from the system clock.
Date today();
int days_in_month(int year, int month);

/// A calendar month, e.g. 2026-10.
class Month {
public:
    Month() = default;
    Month(int year, int month);
    /// Parses exactly YYYY-MM; nullopt otherwise.
    static std::optional<Month> parse(std::string_view text);
    static Month of(Date d) { return Month(d.year(), d.month()); }

    int year() const { return m_year; }
    int month() const { return m_month; }
    Date first_day() const { return Date::from_ymd(m_year, m_month, 1); }
    Date last_day() const { return Date::from_ymd(m_year, m_month, days_in_month(m_year, m_month)); }
    Month plus(int months) const;
    /// Whole months from `other` to this (this - other).
    int minus(Month other) const { return index() - other.index(); }
    /// The month as one number: year × 12 + month − 1.
    int index() const { return m_year * 12 + (m_month - 1); }
    std::string str() const;

    friend auto operator<=>(const Month&, const Month&) = default;

private:
    int m_year = 1970;
    int m_month = 1;
};

} // namespace bostad
