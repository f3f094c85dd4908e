#pragma once
// Parsers for the values found in municipal exports: dates in several formats, numbers with a decimal
// comma, counts of dwellings. Pure functions (no libraries), fuzzed by tests/fuzz.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace bostad::ingest {

/// Every format but excel may be followed by a time of day ("T10:00:00", " 16:00:00.000", "T10:00+01:00"):
/// the date is taken as written, the time and its offset are not used.
enum class DateFormat {
    iso,       ///< YYYY-MM-DD
    compact,   ///< YYYYMMDD
    dmy_slash, ///< DD/MM/YYYY
    dmy_dot,   ///< DD.MM.YYYY
    ymd_slash, ///< YYYY/MM/DD
    excel,     ///< Excel serial day number (1900 date system), e.g. 45231 = 2023-11-01
    year,      ///< YYYY alone: the day is not known (ReadDate::year_only)
};

/// "YYYY-MM-DD", "YYYYMMDD", "DD/MM/YYYY", "DD.MM.YYYY", "YYYY/MM/DD", "excel", "YYYY".
std::optional<DateFormat> parse_date_format(std::string_view name);
std::string_view date_format_name(DateFormat f);

/// A date as delivered: a day, or a year alone — then `day` is the year's last day, the first day by which
/// the event is known to have happened (core/pipeline.hpp counts it in no window smaller than its year).
struct ReadDate {
    Date day;
    bool year_only = false;
};

/// The date in `text` in the first format that reads it; nullopt when none does or the day does not exist.
std::optional<ReadDate> parse_date(std::string_view text, std::span<const DateFormat> formats);

/// A decimal number: optional sign, digits, one decimal separator (`decimal`), spaces (also no-break
/// spaces) between digit groups. Refuses "6F", "nan", "inf", "1e5", empty text.
std::optional<double> parse_decimal(std::string_view text, char decimal);

enum class CountError { not_a_number, not_whole, negative, too_large };

/// A count of dwellings: a non-negative whole number; "12", "12.0" and "12,0" are 12.
struct CountResult {
    std::optional<std::int64_t> value;
    std::optional<CountError> error;
};
CountResult parse_count(std::string_view text, char decimal);

/// Text for messages: what a count error means.
std::string_view describe(CountError e);

} // namespace bostad::ingest
