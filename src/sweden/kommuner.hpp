#pragma once
// Sweden's 290 kommuner as bostad knows them without any file of the project's (gis/sweden/, derived from
// SCB's CC0 files and compiled in): code, name, län and generalised outline; a kommun found by its code
// (also a former code that SCB has since changed) or by its name as people write it.

#include <span>
#include <string>
#include <string_view>

namespace bostad::sweden {

struct Kommun {
    std::string code;     ///< four digits, "1290"
    std::string name;     ///< "Kristianstad"
    std::string lan_code; ///< "12"
    std::string lan_name; ///< as SCB writes it: "Skåne", "Stockholms"
    std::string wkt;      ///< generalised outline, MultiPolygon in EPSG:3006
};

/// Every kommun, ordered by code.
std::span<const Kommun> kommuner();

/// The kommun with this current code, or nullptr.
const Kommun* find_kommun(std::string_view code);

/// What a delivered code or name names.
struct Found {
    const Kommun* kommun = nullptr;
    std::string problem; ///< why not, when kommun is nullptr: a sentence for a message
};

/// A code (four digits; a former code SCB has changed gives today's kommun; a code read as a number that lost
/// its leading zero is taken with it) or a name: exactly, then case-insensitively, then without accents where
/// only one kommun matches ("Håbo" and "Habo" are two kommuner). "Kristianstads kommun", "Region Gotland" and
/// "Stockholms stad" are names too.
Found find_kommun_by_text(std::string_view text);

/// find_kommun_by_text()'s code, or a UsageError "WHAT: why" (for options and config values).
std::string kommun_code(std::string_view text, std::string_view what);

/// "Kristianstad (1290)", for messages.
std::string label(const Kommun& k);
/// label() of the kommun with this code, or the code alone.
std::string label(std::string_view code);

/// The former codes bostad maps to today's, as (former, current): SCB's changes since 1997.
std::span<const std::pair<std::string_view, std::string_view>> former_codes();

} // namespace bostad::sweden
