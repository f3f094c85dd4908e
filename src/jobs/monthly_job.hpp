#pragma once
// `bostad monthly`: the main job of a project's config for one month — ingest every area set and source, then
// the QGIS export and the report into [report] output_dir/MONTH/, from one snapshot of the store. The first
// run of a project creates its store.

#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/progress.hpp"
#include "export/gpkg_export.hpp"
#include "ingest/request.hpp"
#include "report/report_writer.hpp"
#include "store/store.hpp"

namespace bostad::config {
struct Config;
}

namespace bostad::jobs {

struct MonthlyJob {
    Month month;
    std::string location; ///< the store
    bool overwrite = false;
    bool skip_existing = false; ///< a month whose outputs all exist is skipped (MonthlyDone::skipped), not refused
    Progress* progress = nullptr;
    store::Note note;
};

struct MonthlyDone {
    std::vector<ingest::IngestReport> ingested;
    exports::ExportSummary exported;
    report::ReportSummary report;
    /// Wall seconds of each step, in order (ingest, export, report), and of the whole job.
    std::vector<std::pair<std::string, double>> step_seconds;
    double total_seconds = 0;
    /// The month's outputs exist and the job asked to skip such a month: nothing was done; they are named here.
    std::vector<std::string> skipped;
};

/// UsageError before anything is ingested when the month's outputs exist and `overwrite` is not set (with
/// `skip_existing`: when some exist but not all — a month half done needs a look, or --overwrite).
MonthlyDone run_monthly(const config::Config& config, const MonthlyJob& job);

} // namespace bostad::jobs
