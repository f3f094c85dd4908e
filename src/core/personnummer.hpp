#pragma once
// Swedish personal identity numbers (personnummer, and samordningsnummer whose day is +60) in free text:
// YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN, YYYYMMDD-NNNN and YYYYMMDDNNNN, with a real month, a day of 1–31
// (61–91) and the Luhn check digit, standing as a token of its own: not part of a longer run of digits, a
// word, a hexadecimal id such as a UUID, or a decimal number. `bostad check` uses it to warn about personal
// data that reached a store.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bostad {

struct PersonnummerMatch {
    std::size_t pos = 0;  ///< where it starts in the text
    std::size_t size = 0; ///< how many characters it takes
    std::string masked;   ///< as written, with the last four digits as "****" ("850412-****")
};

/// The first personnummer-like number in `text`, or nullopt.
std::optional<PersonnummerMatch> find_personnummer(std::string_view text);

/// The Luhn check (mod 10) over the 10 digits YYMMDDNNNC.
bool luhn_valid(std::string_view ten_digits);

} // namespace bostad
