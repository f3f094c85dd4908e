#pragma once
// The QGIS style (QML, from the templates in gis/qml/) and the SLD of every export layer, with the colours
// of gis/palette.json and the Swedish labels of the code lists.

#include <string>
#include <utility>
#include <vector>

#include "export/layer_schema.hpp"

namespace bostad::exports {

struct LayerStyle {
    std::string name; ///< style name shown in QGIS's style manager
    std::string qml;
    std::string sld;
    std::string renderer; ///< the QGIS renderer type the style sets: categorizedSymbol, graduatedSymbol
};

/// `municipalities`: (code, name) of the municipalities in the export, for their categories.
LayerStyle layer_style(const LayerSpec& layer, const std::vector<std::pair<std::string, std::string>>& municipalities);

/// A compiled-in file of gis/ ("qml/areas.qml", "project/bostad.qgs").
std::string_view gis_file(std::string_view path);

} // namespace bostad::exports
