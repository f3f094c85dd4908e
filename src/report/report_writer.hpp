#pragma once
// `bostad report`: gathers the month once and writes it as HTML, PDF (WeasyPrint), XLSX and CSV into a
// folder that appears complete or not at all.

#include <string>
#include <vector>

#include "report/report_data.hpp"
#include "report/tables.hpp"

namespace bostad::report {

struct ReportOptions {
    ReportRequest request;
    std::string output_dir;
    std::vector<std::string> formats{"html", "pdf", "xlsx", "csv"};
    Lang lang = Lang::sv;
    std::string title;
    bool overwrite = false;
};

struct ReportSummary {
    std::string dir;
    std::vector<std::string> files; ///< relative to dir
    std::vector<Headline> headlines;
};

/// Reads the store through its seam; the caller holds a read snapshot for the whole report.
ReportSummary write_report(store::Store& store, const ReportOptions& options);

} // namespace bostad::report
