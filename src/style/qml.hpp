#pragma once
// Pieces of QGIS style files (QML, QGIS 3.22) written from the palette: the symbols and classes of
// categorized and graduated renderers, and field aliases. The rest of each style is a template in gis/qml/.

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "style/classes.hpp"

namespace bostad::style {

/// A <symbol> element named `name`.
std::string symbol_xml(SymbolKind kind, std::string_view name, Rgb color);

/// <categories>…</categories><symbols>…</symbols> for a categorizedSymbol renderer.
std::string categories_xml(const std::vector<Category>& classes, SymbolKind kind);

/// <ranges>…</ranges><symbols>…</symbols> for a graduatedSymbol renderer.
std::string ranges_xml(const std::vector<Range>& classes, SymbolKind kind);

/// <alias> elements for (field, alias) pairs, in field order (index 0 is the fid column).
std::string aliases_xml(std::span<const std::pair<std::string_view, std::string_view>> fields);

/// The graduated classes of the palette's remaining capacity, in Swedish or English.
std::vector<Range> capacity_ranges(const Palette& p, bool swedish);

} // namespace bostad::style
