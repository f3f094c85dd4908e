#pragma once
// The QGIS project embedded in an export (GeoPackage table qgis_projects, opened with Project → Open From →
// GeoPackage): every layer with its style, in drawing order, the map at the areas' extent, and a print
// layout with title, map, legend, scale bar and date. Built from the template gis/project/bostad.qgs.

#include <cstdint>
#include <string>
#include <vector>

#include "core/gpkg_blob.hpp"
#include "export/layer_schema.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::exports {

struct ProjectLayer {
    const LayerSpec* spec = nullptr;
    std::string qml; ///< the layer's style
};

struct ProjectInputs {
    std::string gpkg_file_name; ///< the export's final file name: layers refer to ./NAME|layername=TABLE
    std::string title;
    std::string date_text; ///< for the layout's date label
    Envelope extent;        ///< the view and the layout's map
    std::vector<ProjectLayer> layers; ///< top first
};

/// The .qgs document.
std::string project_xml(const ProjectInputs& in);

/// Creates qgis_projects when missing and stores the project `name` as QGIS does (content: the hex text of a
/// zipped .qgz; metadata: JSON with the time of writing).
void store_project(sqlite::Database& gpkg, const std::string& name, const std::string& qgs_xml, const std::string& written_at);

} // namespace bostad::exports
