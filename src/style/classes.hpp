#pragma once
// The classes of a thematic style, as both the QML and the SLD writers take them.

#include <string>
#include <vector>

#include "style/palette.hpp"

namespace bostad::style {

/// How a feature is drawn: a point marker, a line, a filled polygon, or a polygon outline only.
enum class SymbolKind { marker, line, fill, outline };

/// A class of a categorized style: features whose field equals `value`.
struct Category {
    std::string value;
    std::string label;
    Rgb color;
};

/// A class of a graduated style: lower ≤ value ≤ upper (the first matching class wins).
struct Range {
    double lower = 0;
    double upper = 0;
    std::string label;
    Rgb color;
};

} // namespace bostad::style
