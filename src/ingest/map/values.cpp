#include "ingest/map/values.hpp"

#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace bostad::ingest {
namespace {

struct FormatName {
    DateFormat format;
    std::string_view name;
};
constexpr FormatName k_formats[] = {{DateFormat::iso, "YYYY-MM-DD"},       {DateFormat::compact, "YYYYMMDD"},
                                    {DateFormat::dmy_slash, "DD/MM/YYYY"}, {DateFormat::dmy_dot, "DD.MM.YYYY"},
                                    {DateFormat::ymd_slash, "YYYY/MM/DD"}, {DateFormat::excel, "excel"},
                                    {DateFormat::year, "YYYY"}};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

std::optional<ReadDate> make_date(std::string_view y, std::string_view m, std::string_view d) {
    if (y.size() != 4 || m.size() != 2 || d.size() != 2 || !all_digits(y) || !all_digits(m) || !all_digits(d)) {
        return std::nullopt;
    }
    const int yy = to_int(y);
    const int mm = to_int(m);
    const int dd = to_int(d);
    if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(yy, mm)) return std::nullopt;
    return ReadDate{Date::from_ymd(yy, mm, dd)};
}

bool two_digits_at_most(std::string_view s, int max) { return s.size() == 2 && all_digits(s) && to_int(s) <= max; }

/// A time of day after a date: "T" or " ", then HH:MM, optionally :SS and a fraction (".000" or ",5"), then
/// optionally "Z" or an offset (+01:00, +0100, -05). The date is taken as written: the offset is not applied.
bool is_time_suffix(std::string_view t) {
    if (t.empty() || (t[0] != 'T' && t[0] != ' ')) return false;
    t.remove_prefix(1);
    if (t.size() < 5 || !two_digits_at_most(t.substr(0, 2), 24) || t[2] != ':' || !two_digits_at_most(t.substr(3, 2), 59)) {
        return false;
    }
    t.remove_prefix(5);
    if (t.size() >= 3 && t[0] == ':') {
        if (!two_digits_at_most(t.substr(1, 2), 60)) return false;
        t.remove_prefix(3);
        if (!t.empty() && (t[0] == '.' || t[0] == ',')) {
            std::size_t n = 1;
            while (n < t.size() && t[n] >= '0' && t[n] <= '9') ++n;
            if (n == 1) return false;
            t.remove_prefix(n);
        }
    }
    if (t.empty() || t == "Z") return true;
    if (t[0] != '+' && t[0] != '-') return false;
    t.remove_prefix(1);
    if (!two_digits_at_most(t.substr(0, 2), 14)) return false;
    t.remove_prefix(2);
    if (t.empty()) return true;
    if (t[0] == ':') t.remove_prefix(1);
    return two_digits_at_most(t, 59);
}

/// The date part of a date-time: the first `length` characters when a valid time follows them.
std::string_view without_time(std::string_view t, std::size_t length) {
    return t.size() > length && is_time_suffix(t.substr(length)) ? t.substr(0, length) : t;
}

std::optional<ReadDate> parse_one(std::string_view t, DateFormat f) {
    if (f == DateFormat::year) {
        if (t.size() != 4 || !all_digits(t) || to_int(t) < 1) return std::nullopt;
        return ReadDate{Date::from_ymd(to_int(t), 12, 31), true};
    }
    if (f != DateFormat::excel) t = without_time(t, f == DateFormat::compact ? 8 : 10);
    switch (f) {
    case DateFormat::iso: {
        // Date, optionally followed by a time ("2024-05-01T00:00:00+01:00", "2024-05-01 00:00").
        if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
        return make_date(t.substr(0, 4), t.substr(5, 2), t.substr(8, 2));
    }
    case DateFormat::compact:
        if (t.size() != 8) return std::nullopt;
        return make_date(t.substr(0, 4), t.substr(4, 2), t.substr(6, 2));
    case DateFormat::dmy_slash:
    case DateFormat::dmy_dot: {
        const char sep = f == DateFormat::dmy_slash ? '/' : '.';
        if (t.size() != 10 || t[2] != sep || t[5] != sep) return std::nullopt;
        return make_date(t.substr(6, 4), t.substr(3, 2), t.substr(0, 2));
    }
    case DateFormat::ymd_slash:
        if (t.size() != 10 || t[4] != '/' || t[7] != '/') return std::nullopt;
        return make_date(t.substr(0, 4), t.substr(5, 2), t.substr(8, 2));
    case DateFormat::excel: {
        // Whole days since 1899-12-30 (which absorbs Excel's phantom 1900-02-29 for days after it);
        // a fraction is the time of day.
        const auto v = parse_decimal(t, t.find(',') != std::string_view::npos ? ',' : '.');
        if (!v || *v < 61 || *v > 2958465) return std::nullopt; // 1900-03-01 .. 9999-12-31
        return ReadDate{Date::from_ymd(1899, 12, 30).plus_days(static_cast<std::int32_t>(std::floor(*v)))};
    }
    case DateFormat::year: break; // read above: it takes no time of day
    }
    return std::nullopt;
}

} // namespace

std::optional<DateFormat> parse_date_format(std::string_view name) {
    for (const auto& f : k_formats) {
        if (f.name == name) return f.format;
    }
    return std::nullopt;
}

std::string_view date_format_name(DateFormat f) {
    for (const auto& entry : k_formats) {
        if (entry.format == f) return entry.name;
    }
    return "";
}

std::optional<ReadDate> parse_date(std::string_view text, std::span<const DateFormat> formats) {
    const std::string_view t = trim(text);
    for (DateFormat f : formats) {
        if (auto d = parse_one(t, f)) return d;
    }
    return std::nullopt;
}

std::optional<double> parse_decimal(std::string_view text, char decimal) {
    const std::string_view t = trim(text);
    std::string digits;
    digits.reserve(t.size());
    bool seen_digit = false;
    bool seen_decimal = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (c >= '0' && c <= '9') {
            digits += c;
            seen_digit = true;
        } else if ((c == '-' || c == '+') && i == 0) {
            digits += c;
        } else if (c == decimal && !seen_decimal && seen_digit) {
            digits += '.';
            seen_decimal = true;
        } else if (c == ' ' && seen_digit && !seen_decimal && i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9') {
            continue; // digit group separator: "6 210 133,63"
        } else if (c == '\xC2' && i + 2 < t.size() && t[i + 1] == '\xA0' && t[i + 2] >= '0' && t[i + 2] <= '9' &&
                   seen_digit && !seen_decimal) {
            ++i; // no-break space as digit group separator
        } else {
            return std::nullopt;
        }
    }
    if (!seen_digit || digits.back() == '.') return std::nullopt;
    const char* begin = digits.data() + (digits.front() == '+' ? 1 : 0);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(begin, digits.data() + digits.size(), v); // locale-independent
    if (ec != std::errc{} || ptr != digits.data() + digits.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

CountResult parse_count(std::string_view text, char decimal) {
    const auto v = parse_decimal(text, decimal);
    if (!v) return {std::nullopt, CountError::not_a_number};
    if (*v < 0) return {std::nullopt, CountError::negative};
    if (*v != std::floor(*v)) return {std::nullopt, CountError::not_whole};
    if (*v > 1e9) return {std::nullopt, CountError::too_large};
    return {static_cast<std::int64_t>(*v), std::nullopt};
}

std::string_view describe(CountError e) {
    switch (e) {
    case CountError::not_a_number: return "is not a number";
    case CountError::not_whole: return "is not a whole number";
    case CountError::negative: return "is negative";
    case CountError::too_large: return "is implausibly large";
    }
    return "";
}

} // namespace bostad::ingest
