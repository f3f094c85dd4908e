#pragma once
// SCB's tätorter (2020) as named points, compiled in from gis/sweden/tatorter.csv: for naming places on maps.

#include <cstdint>
#include <span>
#include <string>

namespace bostad::sweden {

struct Tatort {
    std::string code;   ///< SCB's tätort code, "1290TC112"
    std::string name;
    std::string kommun; ///< kommun code
    std::int64_t population = 0;
    double x = 0, y = 0; ///< EPSG:3006
};

/// Every tätort, ordered by code.
std::span<const Tatort> tatorter();

} // namespace bostad::sweden
