#include "jobs/monthly_job.hpp"

#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "ingest/config_requests.hpp"
#include "jobs/ingest_job.hpp"
#include "jobs/requests.hpp"

namespace bostad::jobs {

MonthlyDone run_monthly(const config::Config& config, const MonthlyJob& job) {
    namespace fs = std::filesystem;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    Clock::time_point lap = start;
    MonthlyDone done;
    const auto step = [&](const char* name) {
        const Clock::time_point now = Clock::now();
        done.step_seconds.emplace_back(name, std::chrono::duration<double>(now - lap).count());
        lap = now;
    };
    const std::string area_set = choose_area_set(&config, std::nullopt, "monthly");
    const MonthOutputs outputs = month_outputs(config, job.month, config.report.lang == "en");
    const fs::path& out_dir = outputs.dir;
    const fs::path& gpkg = outputs.gpkg;
    const fs::path& report_dir = outputs.report_dir;
    // Refuse before ingesting anything: a month done before is redone only with --overwrite, or skipped whole.
    if (!job.overwrite && job.skip_existing && fs::exists(gpkg) && fs::exists(report_dir)) {
        done.skipped = {gpkg.string(), report_dir.string()};
        return done;
    }
    for (const auto& p : {gpkg, report_dir}) {
        if (fs::exists(p) && !job.overwrite) {
            throw UsageError(fmt::format("'{}' already exists; add --overwrite to redo {}{}", p.string(), job.month.str(),
                                         job.skip_existing ? " (--skip-existing skips a month only when all its outputs exist)" : ""));
        }
    }
    fs::create_directories(out_dir);

    ingest::ConfigSelection sel;
    sel.month = job.month;
    const auto requests = ingest::requests_from_config(config, sel);
    const store::InitResult init = store::init(job.location);
    if (init.created && job.note) job.note(fmt::format("created {} '{}'", init.kind, init.location));
    store::OpenOptions options;
    options.note = job.note;
    for (const auto& m : config.municipalities) options.municipality_names.emplace_back(m.code, m.name);
    const auto store = store::open(job.location, options);

    done.ingested = run_ingest(*store, requests, {&config, job.progress, job.note, false});
    step("ingest");

    // The export and the report read one state of the store.
    const auto snapshot = store->read_snapshot();
    exports::ExportOptions ex;
    ex.request = export_request(&config, job.month, area_set);
    ex.output = gpkg.string();
    ex.overwrite = job.overwrite;
    ex.title = report_title(&config, job.month);
    done.exported = exports::export_month(*store, ex);
    step("export");

    report::ReportOptions rep;
    rep.request = report_request(&config, job.month, area_set);
    rep.output_dir = report_dir.string();
    rep.formats = config.report.formats;
    rep.lang = config.report.lang == "en" ? report::Lang::en : report::Lang::sv;
    rep.title = ex.title;
    rep.overwrite = job.overwrite;
    done.report = report::write_report(*store, rep);
    step("report");
    done.total_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return done;
}

} // namespace bostad::jobs
