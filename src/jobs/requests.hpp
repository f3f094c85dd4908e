#pragma once
// The export and report requests: what a command line gives, completed from the config.

#include <filesystem>
#include <optional>
#include <string>

#include "config/config.hpp"
#include "export/gpkg_export.hpp"
#include "report/report_writer.hpp"

namespace bostad::jobs {

/// The area set: the option, else the config's [report] area_set; a usage error when neither is given.
std::string choose_area_set(const config::Config* config, const std::optional<std::string>& option, std::string_view command);

exports::ExportRequest export_request(const config::Config* config, Month month, const std::string& area_set);

report::ReportRequest report_request(const config::Config* config, Month month, const std::string& area_set);

/// Where a month's outputs go by default: [report] output_dir/MONTH/, holding bostad-MONTH.gpkg (the export) and
/// rapport/ (report/ in English). `monthly` writes there; `export` and `report` without -o too.
struct MonthOutputs {
    std::filesystem::path dir, gpkg, report_dir;
    /// The export's default for a format: the GeoPackage, or the folder bostad-MONTH-csv/ or -geojson/.
    std::filesystem::path export_path(std::string_view format) const;
};
MonthOutputs month_outputs(const config::Config& config, Month month, bool english);

/// The month's outputs for a command given no -o, with the month's folder created (as monthly creates it); a
/// usage error without a config, which alone says where outputs go.
MonthOutputs default_outputs(const config::Config* config, Month month, bool english, std::string_view command);

/// The report's title for the month.
std::string report_title(const config::Config* config, Month month);

} // namespace bostad::jobs
