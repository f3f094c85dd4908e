#pragma once
// OGC Styled Layer Descriptor 1.1 (SE 1.1) documents for the same classes as the QML styles, for clients
// other than QGIS (GeoServer, ArcGIS Pro's import); written into layer_styles.styleSLD.

#include <string>
#include <string_view>
#include <vector>

#include "style/classes.hpp"

namespace bostad::style {

std::string sld_categorized(std::string_view layer, std::string_view field, const std::vector<Category>& classes,
                            SymbolKind kind);

std::string sld_graduated(std::string_view layer, std::string_view field, const std::vector<Range>& classes,
                          SymbolKind kind);

} // namespace bostad::style
