#include "core/personnummer.hpp"

namespace bostad {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int two(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

/// How many digits there are from `at` on.
std::size_t digit_run(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && is_digit(text[end])) ++end;
    return end - at;
}

/// YYMMDD of a candidate: a real month and a day of 1–31, or 61–91 for a samordningsnummer.
bool plausible_date(std::string_view yymmdd) {
    const int month = two(yymmdd, 2);
    const int day = two(yymmdd, 4);
    return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

bool is_word(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

/// Whether the number at [at, end) stands as a token of its own: not part of a word, a hexadecimal id
/// (a UUID's "ae420526-7976-…"), a decimal ("-122.189708148912") or a longer hyphenated code.
bool whole_token(std::string_view text, std::size_t at, std::size_t end) {
    if (at > 0) {
        const char before = text[at - 1];
        if (is_word(before) || before == '.' || before == ',') return false;
        if (before == '-' && at > 1 && is_word(text[at - 2])) return false;
    }
    if (end < text.size()) {
        const char after = text[end];
        if (is_word(after)) return false;
        if ((after == '.' || after == ',' || after == '-') && end + 1 < text.size() && is_word(text[end + 1])) return false;
    }
    return true;
}

/// The match at `at` (a digit not preceded by one), when there is one.
std::optional<PersonnummerMatch> match_at(std::string_view text, std::size_t at) {
    const std::size_t run = digit_run(text, at);
    std::string digits;   // the ten digits YYMMDDNNNC
    std::size_t date_end; // where the date part ends (the separator, if any, follows)
    if (run == 6 || run == 8) {
        // date, separator, four digits
        const std::size_t sep = at + run;
        if (sep >= text.size() || !(text[sep] == '-' || (run == 6 && text[sep] == '+'))) return std::nullopt;
        if (digit_run(text, sep + 1) != 4) return std::nullopt;
        digits = std::string(text.substr(at + run - 6, 6)) + std::string(text.substr(sep + 1, 4));
        date_end = sep;
    } else if (run == 10 || run == 12) {
        digits = std::string(text.substr(at + run - 10, 10));
        date_end = at + run - 4;
    } else {
        return std::nullopt;
    }
    if (run == 8 || run == 12) {
        const int century = two(text, at);
        if (century < 18 || century > 20) return std::nullopt;
    }
    if (!plausible_date(std::string_view(digits).substr(0, 6)) || !luhn_valid(digits)) return std::nullopt;
    const std::size_t end = date_end + (text[date_end] == '-' || text[date_end] == '+' ? 5 : 4);
    if (!whole_token(text, at, end)) return std::nullopt;
    std::string masked(text.substr(at, end - at - 4));
    masked += "****";
    return PersonnummerMatch{at, end - at, masked};
}

} // namespace

bool luhn_valid(std::string_view d) {
    if (d.size() != 10) return false;
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        if (!is_digit(d[i])) return false;
        int v = d[i] - '0';
        if (i % 2 == 0) v *= 2;
        sum += v > 9 ? v - 9 : v;
    }
    return sum % 10 == 0;
}

std::optional<PersonnummerMatch> find_personnummer(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        if (auto m = match_at(text, i)) return m;
        i += digit_run(text, i) - 1; // the rest of this run cannot start a match
    }
    return std::nullopt;
}

} // namespace bostad
