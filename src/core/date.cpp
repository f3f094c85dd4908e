#include "core/date.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

namespace bostad {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain descriptions).
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}

struct Civil {
    int year;
    int month;
    int day;
};

Civil civil_from_days(std::int32_t z) {
    z += 719468;
    const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

} // namespace

Date today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::hours>(now.time_since_epoch()).count() / 24;
    return Date::from_days(static_cast<std::int32_t>(days));
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) throw std::invalid_argument(fmt::format("month {} out of range", month));
    return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

Date Date::from_ymd(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        throw std::invalid_argument(fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day));
    }
    return Date(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = parse_digits(text.substr(0, 4));
    auto m = parse_digits(text.substr(5, 2));
    auto d = parse_digits(text.substr(8, 2));
    if (!y || !m || !d || *y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
    return from_ymd(*y, *m, *d);
}

int Date::year() const { return civil_from_days(m_days).year; }
int Date::month() const { return civil_from_days(m_days).month; }
int Date::day() const { return civil_from_days(m_days).day; }

std::string Date::iso() const {
    char buf[10];
    write_iso(buf);
    return std::string(buf, 10);
}

void Date::write_iso(char* out) const {
    const Civil c = civil_from_days(m_days);
    const auto digits = [](char* at, int value, int n) {
        for (int i = n - 1; i >= 0; --i) {
            at[i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
    };
    digits(out, c.year, 4);
    out[4] = '-';
    digits(out + 5, c.month, 2);
    out[7] = '-';
    digits(out + 8, c.day, 2);
}

Date Date::plus_months(int n) const {
    const Civil c = civil_from_days(m_days);
    const Month m = Month(c.year, c.month).plus(n);
    const int day = std::min(c.day, days_in_month(m.year(), m.month()));
    return from_ymd(m.year(), m.month(), day);
}

Month::Month(int year, int month) : m_year(year), m_month(month) {
    if (year < 1 || year > 9999 || month < 1 || month > 12) {
        throw std::invalid_argument(fmt::format("{:04}-{:02} is not a month", year, month));
    }
}

std::optional<Month> Month::parse(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    auto y = parse_digits(text.substr(0, 4));
    auto m = parse_digits(text.substr(5, 2));
    if (!y || !m || *y < 1 || *m < 1 || *m > 12) return std::nullopt;
    return Month(*y, *m);
}

Month Month::plus(int months) const {
    const int i = index() + months;
    return Month(i / 12, i % 12 + 1);
}

std::string Month::str() const { return fmt::format("{:04}-{:02}", m_year, m_month); }

} // namespace bostad
