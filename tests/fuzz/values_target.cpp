#include <cmath>

#include "core/date.hpp"
#include "ingest/map/code_lists.hpp"
#include "ingest/map/convert.hpp"
#include "ingest/map/values.hpp"
#include "fuzz/targets.hpp"

namespace bostad::fuzz {
namespace {

using ingest::DateFormat;

constexpr DateFormat k_formats[] = {DateFormat::iso,       DateFormat::compact,   DateFormat::dmy_slash, DateFormat::dmy_dot,
                                    DateFormat::ymd_slash, DateFormat::excel,     DateFormat::year};

bool dates(std::string_view text) {
    for (const DateFormat f : k_formats) {
        const auto read = ingest::parse_date(text, std::span(&f, 1));
        if (!read) continue;
        require(read->year_only == (f == DateFormat::year), "only YYYY gives a year alone");
        const Date* d = &read->day;
        if (read->year_only) require(d->month() == 12 && d->day() == 31, "a year alone is not its last day: " + d->iso());
        // A date read in any format is a real day whose ISO text reads back as the same day.
        const auto again = Date::parse_iso(d->iso());
        require(again && *again == *d, "a parsed date does not survive YYYY-MM-DD: " + d->iso());
        require(d->day() <= days_in_month(d->year(), d->month()), "a parsed date is not a real day: " + d->iso());
    }
    require(ingest::parse_date(text, k_formats).has_value() ==
                [&] {
                    for (const DateFormat f : k_formats) {
                        if (ingest::parse_date(text, std::span(&f, 1))) return true;
                    }
                    return false;
                }(),
            "parse_date over all formats disagrees with trying them one by one");
    if (const auto d = Date::parse_iso(text)) require(d->iso() == text, "parse_iso is not exact: " + d->iso());
    if (const auto m = Month::parse(text)) require(m->str() == text, "Month::parse is not exact: " + m->str());
    if (const auto f = ingest::parse_date_format(text)) {
        require(ingest::date_format_name(*f) == text, "a date format name does not read back");
    }
    return ingest::parse_date(text, k_formats).has_value();
}

bool numbers(std::string_view text) {
    bool read = false;
    for (const char decimal : {'.', ','}) {
        if (const auto v = ingest::parse_decimal(text, decimal)) require(std::isfinite(*v), "parse_decimal gave a non-finite number");
        const auto c = ingest::parse_count(text, decimal);
        require(c.value.has_value() != c.error.has_value(), "parse_count gave both or neither a value and an error");
        if (c.value) require(*c.value >= 0, "parse_count gave a negative count");
        if (c.error) require(!ingest::describe(*c.error).empty(), "a count error without a description");
        read = read || c.value.has_value();
    }
    return read;
}

bool codes(std::string_view text) {
    bool read = ingest::read_house_type(text, nullptr).has_value();
    read = ingest::read_tenure(text, nullptr).has_value() || read;
    read = ingest::read_plan_status(text, nullptr).has_value() || read;
    read = ingest::read_decision(text, nullptr).has_value() || read;
    if (const auto code = ingest::municipality_code(text, nullptr, nullptr).code) {
        require(code->size() == 4, "a municipality code that is not four characters: " + *code);
        read = true;
    }
    return read;
}

} // namespace

bool values(Input data) {
    const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    const bool date = dates(text);
    const bool number = numbers(text);
    const bool code = codes(text);
    return date || number || code;
}

} // namespace bostad::fuzz
