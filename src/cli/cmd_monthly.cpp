#include "cli/cmd_monthly.hpp"

#include <filesystem>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/ingest_run.hpp"
#include "cli/report_options.hpp"
#include "cli/store_snapshot.hpp"
#include "ingest/config_requests.hpp"
#include "pg/conninfo.hpp"
#include "pgstore/pg_store.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void MonthlyCommand::declare(CLI::App& app) {
    app.add_option("--month", m_month, "The month, YYYY-MM")->required();
    app.add_flag("--overwrite", m_overwrite, "Replace the month's export and report when they exist");
}

ExitCode MonthlyCommand::run(Context& ctx) {
    namespace fs = std::filesystem;
    const Month month = parse_month_option(m_month);
    const config::Config& config = ctx.require_config("monthly");
    const std::string area_set = choose_area_set(&config, std::nullopt, "monthly");
    const fs::path out_dir = fs::path(config.report.output_dir) / month.str();
    const fs::path gpkg = out_dir / fmt::format("bostad-{}.gpkg", month.str());
    const fs::path report_dir = out_dir / (config.report.lang == "en" ? "report" : "rapport");
    // Refuse before ingesting anything: a month done before is redone only with --overwrite.
    for (const auto& p : {gpkg, report_dir}) {
        if (fs::exists(p) && !m_overwrite) {
            throw UsageError(fmt::format("'{}' already exists; add --overwrite to redo {}", p.string(), month.str()));
        }
    }
    fs::create_directories(out_dir);

    // The first run of a project creates its store.
    ingest::ConfigSelection sel;
    sel.month = month;
    const auto requests = ingest::requests_from_config(config, sel);
    std::vector<ingest::IngestReport> reports;
    std::optional<ReadableStore> s;
    if (const std::string location = ctx.store_location(); pg::is_pg_location(location)) {
        pgstore::PgStore pg_store = pgstore::PgStore::connect(location);
        if (pgstore::PgStore::exists(pg_store.conn())) {
            pg_store.check_version();
        } else {
            pg_store = pgstore::PgStore::create(location);
            ctx.note(fmt::format("created PostGIS store '{}'", pg_store.location()));
        }
        reports = run_ingest(ctx, pg_store, requests, false);
        s.emplace(ReadableStore::snapshot(ctx, pg_store));
    } else {
        if (!fs::exists(ctx.store_path())) {
            store::Store::create(ctx.store_path());
            ctx.note(fmt::format("created store '{}'", ctx.store_path()));
        }
        {
            store::Store gpkg_store = store::Store::open(ctx.store_path(), store::Access::read_write);
            reports = run_ingest(ctx, gpkg_store, requests, false);
        }
        s.emplace(ReadableStore::open(ctx));
    }
    std::int64_t read = 0, rejected = 0;
    for (const auto& r : reports) {
        read += r.read;
        rejected += r.rejected;
    }
    ctx.out() << fmt::format("bostad monthly {}\n  ingested {} sources and area sets: {} rows read, {} rejected (in the quarantine)\n",
                             month.str(), reports.size(), read, rejected);

    exports::ExportOptions ex;
    ex.request = export_request(&config, month, area_set);
    ex.output = gpkg.string();
    ex.overwrite = m_overwrite;
    ex.title = report_title(&config, month);
    const auto exported = exports::export_month(s->db(), ex);

    report::ReportOptions rep;
    rep.request = report_request(&config, month, area_set);
    rep.output_dir = report_dir.string();
    rep.formats = config.report.formats;
    rep.lang = config.report.lang == "en" ? report::Lang::en : report::Lang::sv;
    rep.title = ex.title;
    rep.overwrite = m_overwrite;
    const auto written = report::write_report(s->db(), rep);

    for (const auto& h : written.headlines) {
        ctx.out() << fmt::format("  {:<22} started {:>5}, completed {:>5} in the month; completed {:>5} this year, {:>5} in 12 months\n",
                                 h.code.empty() ? "both municipalities" : h.name, h.this_month.started, h.this_month.completed,
                                 h.completed_ytd, h.completed_12m);
    }
    ctx.out() << fmt::format("  QGIS export  {}\n  report       {}/\n", exported.output, written.dir);
    for (const auto& f : written.files) {
        if (f.rfind("csv/", 0) != 0) ctx.out() << fmt::format("               {}/{}\n", written.dir, f);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
