#pragma once
// The report as one self-contained HTML file: inline CSS and SVG, no scripts, no network; good on screen
// and in print (A4), which is also what WeasyPrint turns into the PDF.

#include <string>
#include <vector>

#include "report/report_data.hpp"
#include "report/tables.hpp"

namespace bostad::report {

std::string report_html(const ReportData& d, const std::vector<Table>& tables, Lang lang, const std::string& title,
                        const std::string& generated_at);

} // namespace bostad::report
