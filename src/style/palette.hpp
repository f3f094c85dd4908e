#pragma once
// The one palette of bostad's maps (gis/palette.json, compiled in): the colours of the QGIS styles of the
// export and of the report's maps.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bostad::style {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;

    /// "#rrggbb"
    static std::optional<Rgb> parse(std::string_view hex);
    std::string hex() const;
    /// QGIS's "r,g,b,a" form.
    std::string qgis(int alpha = 255) const;
    bool operator==(const Rgb&) const = default;
};

/// A class of a graduated style: values up to `upper` (included); none for the open last class.
struct RangeClass {
    std::optional<double> upper;
    Rgb color;
    std::string sv;
    std::string en;
};

struct Palette {
    std::map<std::string, Rgb, std::less<>> stage;       ///< by stage code
    std::map<std::string, Rgb, std::less<>> plan_status; ///< by plan status code
    std::map<std::string, Rgb, std::less<>> municipality; ///< by kommun code, "other" for the rest
    std::map<std::string, Rgb, std::less<>> rejected_kind; ///< permits, plans, areas
    std::vector<RangeClass> remaining_capacity;           ///< ascending

    Rgb municipality_color(std::string_view code) const;
};

/// Parses a palette document; throws InternalError naming the key that is wrong.
Palette parse_palette(std::string_view json_text);

/// The compiled-in palette.
const Palette& palette();

} // namespace bostad::style
