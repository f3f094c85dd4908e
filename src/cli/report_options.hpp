#pragma once
// The export and report settings that come from the command line or, when absent, from the config.

#include <optional>
#include <string>

#include "cli/context.hpp"
#include "export/gpkg_export.hpp"
#include "report/report_writer.hpp"

namespace bostad::cli {

/// The area set: the option, else the config's [report] area_set; a usage error when neither is given.
std::string choose_area_set(const config::Config* config, const std::optional<std::string>& option, std::string_view command);

exports::ExportRequest export_request(const config::Config* config, Month month, const std::string& area_set);

report::ReportRequest report_request(const config::Config* config, Month month, const std::string& area_set);

/// The report's title for the month.
std::string report_title(const config::Config* config, Month month);

Month parse_month_option(const std::string& text);

} // namespace bostad::cli
