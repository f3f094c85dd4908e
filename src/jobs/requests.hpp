#pragma once
// The export and report requests: what a command line gives, completed from the config.

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

/// The report's title for the month.
std::string report_title(const config::Config* config, Month month);

} // namespace bostad::jobs
