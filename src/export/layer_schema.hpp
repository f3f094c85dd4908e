#pragma once
// The layers of an export: table names, Swedish titles and field aliases, geometry types, coded domains and
// the QML template of each. One table of facts that the GeoPackage, CSV and GeoJSON writers, the styles and
// the QGIS project all read, so a field is named and explained once.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gdal/vector_writer.hpp"

namespace bostad::exports {

/// The code lists that become coded field domains (drop-down lists in QGIS).
enum class Domain { none, stage, plan_status, house_type, tenure };

struct FieldSpec {
    std::string_view name;
    gdal::FieldType type = gdal::FieldType::string;
    std::string_view alias; ///< Swedish, shown in QGIS
    Domain domain = Domain::none;
};

enum class LayerId { municipalities, permits, rejected_points, rejected_lines, rejected_polygons, plans, areas };

struct LayerSpec {
    LayerId id;
    std::string_view table;       ///< table in the GeoPackage, file name in CSV/GeoJSON
    std::string_view title;       ///< Swedish layer name in the QGIS project
    std::string_view description; ///< gpkg_contents.description
    gdal::GeometryKind geometry;
    std::string_view style;       ///< QML template under gis/
    std::span<const FieldSpec> fields;
};

/// Every layer, in drawing order: the top layer first (as QGIS lists them).
std::span<const LayerSpec> layer_specs();
const LayerSpec& layer_spec(LayerId id);

/// The GDAL field definitions of a layer (aliases and domain names included).
std::vector<gdal::FieldDef> field_defs(const LayerSpec& layer);

/// The domain's name in the GeoPackage ("" for none).
std::string_view domain_name(Domain d);
/// Every coded domain with its Swedish labels.
struct CodedDomain {
    Domain domain;
    std::string name;
    std::string description;
    std::vector<gdal::CodedValue> values;
};
std::vector<CodedDomain> coded_domains();

/// The stage order used to draw permits: applied 1 … completed 4, then refused, withdrawn, lapsed.
int stage_order(std::string_view stage_code);

} // namespace bostad::exports
