#pragma once
// `bostad export`: the month's status as one GeoPackage that opens styled in QGIS (layers, coded domains,
// Swedish aliases, layer_styles with QML and SLD, gpkg_metadata, an embedded QGIS project with a print
// layout), or as CSV/GeoJSON files for people without QGIS. Written beside the target under a temporary
// name and moved into place when complete.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "export/layer_rows.hpp"

namespace bostad::store {
class Store;
}

namespace bostad::exports {

enum class Format { gpkg, csv, geojson };

struct ExportOptions {
    ExportRequest request;
    std::string output;     ///< file (gpkg) or folder (csv, geojson)
    bool overwrite = false;
    Format format = Format::gpkg;
    std::string title;      ///< the project's and the layout's title
};

struct ExportSummary {
    std::string output;
    std::map<std::string, std::int64_t> features; ///< by layer table
    std::string project;                           ///< name of the embedded QGIS project ("" for csv/geojson)
    std::vector<std::string> warnings;             ///< what the user should know (a municipality without an outline)
    std::int64_t areas_left_out = 0;               ///< areas of the set in kommuner outside the project
};

/// Reads the store through its seam; the caller holds a read snapshot for the whole export.
ExportSummary export_month(store::Store& store, const ExportOptions& options);

} // namespace bostad::exports
