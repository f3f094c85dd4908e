#include <gtest/gtest.h>

#include <array>
#include <span>
#include <string>
#include <vector>

#include "ingest/map/values.hpp"

namespace bostad::ingest {
namespace {

/// The date read in the first of `formats` that reads it, as ISO text ("2016 (year)" for a year alone);
/// "none" when none does.
std::string read_in(std::string_view text, std::span<const DateFormat> formats) {
    const auto d = parse_date(text, formats);
    if (!d) return "none";
    return d->year_only ? std::to_string(d->day.year()) + " (year)" : d->day.iso();
}

std::string read_as(std::string_view text, DateFormat f) {
    const std::array formats{f};
    return read_in(text, formats);
}

TEST(Values, ReadsAYearAloneOnlyWhereTheFormatsAllowIt) {
    EXPECT_EQ(read_as("2016", DateFormat::year), "2016 (year)");
    EXPECT_EQ(read_as(" 2016 ", DateFormat::year), "2016 (year)");
    const auto d = parse_date("2016", std::array{DateFormat::year});
    ASSERT_TRUE(d);
    EXPECT_EQ(d->day.iso(), "2016-12-31") << "a year alone is stored as the day by which it is known to have happened";
    for (const char* bad : {"16", "20160", "2016-01", "0000", "2016.0", "år 2016", "2016 10:00"}) {
        EXPECT_EQ(read_as(bad, DateFormat::year), "none") << bad;
    }
    EXPECT_EQ(read_as("2016", DateFormat::iso), "none") << "a year alone is refused unless the mapping allows YYYY";
    EXPECT_EQ(read_as("2016-05-01", DateFormat::year), "none");
    EXPECT_EQ(read_in("20160501", std::array{DateFormat::year, DateFormat::compact}), "2016-05-01");
    EXPECT_EQ(parse_date_format("YYYY"), DateFormat::year);
    EXPECT_EQ(date_format_name(DateFormat::year), "YYYY");
}

TEST(Values, ParsesIsoDatesWithOrWithoutATime) {
    EXPECT_EQ(read_as("2024-05-01", DateFormat::iso), "2024-05-01");
    EXPECT_EQ(read_as("2024-05-01T10:00:00", DateFormat::iso), "2024-05-01");
    EXPECT_EQ(read_as("2024-05-01 10:00", DateFormat::iso), "2024-05-01");
    EXPECT_EQ(read_as("2024-02-29", DateFormat::iso), "2024-02-29");
    EXPECT_EQ(read_as("2024-02-30", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2023-02-29", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2024-13-01", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2024-00-10", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2024-5-1", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2024-05-01X", DateFormat::iso), "none");
    EXPECT_EQ(read_as("20240501", DateFormat::iso), "none");
}

TEST(Values, TakesTheDateOfADateTimeAsWrittenInEveryFormat) {
    // Case systems' exports: a time with seconds and a fraction, with "/" between the date's parts.
    EXPECT_EQ(read_as("2021/02/05 16:00:00.000", DateFormat::ymd_slash), "2021-02-05");
    EXPECT_EQ(read_as("05.02.2021 16:00", DateFormat::dmy_dot), "2021-02-05");
    EXPECT_EQ(read_as("05/02/2021T16:00:00", DateFormat::dmy_slash), "2021-02-05");
    EXPECT_EQ(read_as("20210205 16:00:00,5", DateFormat::compact), "2021-02-05");
    // ISO 8601 with an offset: the date as written (23:30 UTC−5 is the next day in Sweden, but not in the file).
    EXPECT_EQ(read_as("2021-02-05T23:30:00-05:00", DateFormat::iso), "2021-02-05");
    EXPECT_EQ(read_as("2021-02-05T10:00:00Z", DateFormat::iso), "2021-02-05");
    EXPECT_EQ(read_as("2021-02-05T10:00:00.123+0100", DateFormat::iso), "2021-02-05");
    EXPECT_EQ(read_as("2021-02-05T10:00+01", DateFormat::iso), "2021-02-05");
    // What follows the date must be a time.
    EXPECT_EQ(read_as("2021-02-05 kl 16", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021-02-05T25:00", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021-02-05T10:61", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021-02-05T10:00:00.", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021-02-05T10:00+1", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021-02-05T", DateFormat::iso), "none");
    EXPECT_EQ(read_as("2021/02/30 16:00:00.000", DateFormat::ymd_slash), "none");
}

TEST(Values, ParsesCompactAndDayMonthYearDates) {
    EXPECT_EQ(read_as("20240501", DateFormat::compact), "2024-05-01");
    EXPECT_EQ(read_as("20230931", DateFormat::compact), "none"); // September has 30 days
    EXPECT_EQ(read_as("2024051", DateFormat::compact), "none");
    EXPECT_EQ(read_as("2024O501", DateFormat::compact), "none");

    EXPECT_EQ(read_as("01/05/2024", DateFormat::dmy_slash), "2024-05-01");
    EXPECT_EQ(read_as("31/12/2023", DateFormat::dmy_slash), "2023-12-31");
    EXPECT_EQ(read_as("31.12.2023", DateFormat::dmy_slash), "none");
    EXPECT_EQ(read_as("31/04/2023", DateFormat::dmy_slash), "none");

    EXPECT_EQ(read_as("01.05.2024", DateFormat::dmy_dot), "2024-05-01");
    EXPECT_EQ(read_as("29.02.2024", DateFormat::dmy_dot), "2024-02-29");
    EXPECT_EQ(read_as("01/05/2024", DateFormat::dmy_dot), "none");
    EXPECT_EQ(read_as("1.5.2024", DateFormat::dmy_dot), "none");

    EXPECT_EQ(read_as("2024/05/01", DateFormat::ymd_slash), "2024-05-01");
    EXPECT_EQ(read_as("2024/02/30", DateFormat::ymd_slash), "none");
    EXPECT_EQ(read_as("01/05/2024", DateFormat::ymd_slash), "none");
}

TEST(Values, ParsesExcelSerialDays) {
    EXPECT_EQ(read_as("45231", DateFormat::excel), "2023-11-01");
    EXPECT_EQ(read_as("61", DateFormat::excel), "1900-03-01");
    EXPECT_EQ(read_as("45231.75", DateFormat::excel), "2023-11-01"); // the fraction is the time of day
    EXPECT_EQ(read_as("45231,75", DateFormat::excel), "2023-11-01");
    EXPECT_EQ(read_as("45232", DateFormat::excel), "2023-11-02");
    EXPECT_EQ(read_as("2958465", DateFormat::excel), "9999-12-31");
    EXPECT_EQ(read_as("60", DateFormat::excel), "none"); // Excel's phantom 1900-02-29 and before
    EXPECT_EQ(read_as("2958466", DateFormat::excel), "none");
    EXPECT_EQ(read_as("-45231", DateFormat::excel), "none");
    EXPECT_EQ(read_as("2023-11-01", DateFormat::excel), "none");
}

TEST(Values, TriesFormatsInOrderAndTrimsSpace) {
    const std::vector<DateFormat> formats{DateFormat::iso, DateFormat::dmy_dot, DateFormat::compact, DateFormat::excel};
    EXPECT_EQ(read_in("2024-05-01", formats), "2024-05-01");
    EXPECT_EQ(read_in("01.05.2024", formats), "2024-05-01");
    EXPECT_EQ(read_in("20240501", formats), "2024-05-01");
    EXPECT_EQ(read_in("45231", formats), "2023-11-01");
    EXPECT_EQ(read_in("  2024-05-01\t", formats), "2024-05-01");
    EXPECT_EQ(read_in(" 01.05.2024\r\n", formats), "2024-05-01");
    EXPECT_EQ(read_in("01/05/2024", formats), "none");
    EXPECT_EQ(read_in("", formats), "none");
    EXPECT_EQ(read_in("   ", formats), "none");
    EXPECT_EQ(read_in("2024-05-01", {}), "none");

    // Each format is tried in turn: a number too large to be an Excel serial falls through to the compact
    // format, and text of the wrong length for a compact date falls through to the Excel serial.
    const std::vector<DateFormat> excel_first{DateFormat::excel, DateFormat::compact};
    EXPECT_EQ(read_in("20240501", excel_first), "2024-05-01");
    const std::vector<DateFormat> compact_first{DateFormat::compact, DateFormat::excel};
    EXPECT_EQ(read_in("45231", compact_first), "2023-11-01");
}

TEST(Values, ParsesDecimalsWithPointOrComma) {
    EXPECT_EQ(parse_decimal("186985.05", '.'), 186985.05);
    EXPECT_EQ(parse_decimal("186985,05", ','), 186985.05);
    EXPECT_EQ(parse_decimal("6 210 133,63", ','), 6210133.63);
    EXPECT_EQ(parse_decimal("6\xC2\xA0" "210\xC2\xA0" "133,63", ','), 6210133.63);
    EXPECT_EQ(parse_decimal("-12.5", '.'), -12.5);
    EXPECT_EQ(parse_decimal("+3", '.'), 3.0);
    EXPECT_EQ(parse_decimal("  42 ", '.'), 42.0);
    EXPECT_EQ(parse_decimal("0", ','), 0.0);
    // With ',' as the decimal separator a point is not accepted, and the other way round.
    EXPECT_FALSE(parse_decimal("186985.05", ','));
    EXPECT_FALSE(parse_decimal("186985,05", '.'));
}

TEST(Values, RefusesWhatIsNotADecimalNumber) {
    for (const char* text : {"6F", "nan", "NaN", "inf", "-inf", "1e5", "", "   ", ",5", "5,", "1,2,3", "-", "+", "--5",
                             "5-", "0x10", "1,5 0", "12 345\xC2"}) {
        EXPECT_FALSE(parse_decimal(text, ',')) << "'" << text << "'";
    }
    EXPECT_FALSE(parse_decimal("1.2.3", '.'));
    EXPECT_FALSE(parse_decimal("1 ,5", ',')) << "a digit group separator stands between digits";
    EXPECT_FALSE(parse_decimal(".5", '.'));
    EXPECT_FALSE(parse_decimal("5.", '.'));
}

TEST(Values, ParsesCounts) {
    EXPECT_EQ(parse_count("12", '.').value, 12);
    EXPECT_FALSE(parse_count("12", '.').error);
    EXPECT_EQ(parse_count("12.0", '.').value, 12);
    EXPECT_EQ(parse_count("12,0", ',').value, 12);
    EXPECT_EQ(parse_count("0", ',').value, 0);
    EXPECT_EQ(parse_count("1 200", ',').value, 1200);
    EXPECT_EQ(parse_count("1000000000", '.').value, 1000000000);

    const auto expect_error = [](std::string_view text, char decimal, CountError e) {
        const CountResult r = parse_count(text, decimal);
        EXPECT_FALSE(r.value) << text;
        EXPECT_EQ(r.error, e) << text;
    };
    expect_error("-4", '.', CountError::negative);
    expect_error("2.5", '.', CountError::not_whole);
    expect_error("2,5", ',', CountError::not_whole);
    expect_error("6F", '.', CountError::not_a_number);
    expect_error("", '.', CountError::not_a_number);
    expect_error("12,0", '.', CountError::not_a_number);
    expect_error("1000000001", '.', CountError::too_large);
    expect_error("99999999999999999999", '.', CountError::too_large);

    EXPECT_EQ(describe(CountError::negative), "is negative");
    EXPECT_EQ(describe(CountError::not_whole), "is not a whole number");
}

TEST(Values, DateFormatNamesRoundTrip) {
    for (DateFormat f : {DateFormat::iso, DateFormat::compact, DateFormat::dmy_slash, DateFormat::dmy_dot,
                         DateFormat::ymd_slash, DateFormat::excel}) {
        const std::string_view name = date_format_name(f);
        EXPECT_FALSE(name.empty());
        EXPECT_EQ(parse_date_format(name), f) << name;
    }
    EXPECT_EQ(parse_date_format("YYYY-MM-DD"), DateFormat::iso);
    EXPECT_EQ(parse_date_format("DD.MM.YYYY"), DateFormat::dmy_dot);
    EXPECT_EQ(parse_date_format("excel"), DateFormat::excel);
    EXPECT_FALSE(parse_date_format("yyyy-mm-dd"));
    EXPECT_FALSE(parse_date_format("MM/DD/YYYY"));
    EXPECT_FALSE(parse_date_format(""));
}

} // namespace
} // namespace bostad::ingest
