#include "cli/cmd_ingest.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/ingest_summary.hpp"
#include "cli/month_option.hpp"
#include "cli/progress.hpp"
#include "ingest/config_requests.hpp"
#include "jobs/ingest_job.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void IngestCommand::declare(CLI::App& app) {
    ingest::IngestRequest& r = m_options.request;
    app.add_option("FILE", r.files, "Files to read (without: the sources and area sets of the config)");
    app.add_option("--kind", m_options.kind, "What the files hold: permits, plans or areas")
        ->check(CLI::IsMember({"permits", "plans", "areas"}));
    app.add_option("--area-set", r.area_set, "Areas: the set to load or replace (with FILEs); or the config's area set");
    app.add_option("--municipality", r.municipality, "Kommun of every row: its code (1290) or name (Kristianstad)");
    app.add_option("--crs", r.crs, "CRS of the coordinates, EPSG:n (overrides the file's)");
    app.add_option("--layer", r.layer, "Layer to read from a multi-layer file");
    app.add_option("--mapping", r.mapping, "A [mapping.NAME] of the config for the files' field names and values");
    app.add_option("--source", m_options.source, "Only this [[source]] of the config");
    app.add_option("--month", m_options.month, "The month of the deliveries, YYYY-MM (fills in {month} in config paths)");
    app.add_option("--vintage", r.vintage, "Areas: the boundary vintage to record (default: the config's, else today)");
    app.add_option("--max-repair-change", m_options.max_repair_percent,
                   "Largest change of a polygon's area, in percent, that a MakeValid repair may make")
        ->check(CLI::Range(0.0, 100.0))
        ->capture_default_str();
    app.add_flag("--full-snapshot", r.full_snapshot, "The files hold every current case: flag stored cases they lack");
    app.add_flag("--dry-run", r.dry_run, "Report what would change; write nothing");
    app.add_flag("--strict", m_options.strict, "Exit with code 1 when any row is rejected");
}

ExitCode IngestCommand::run(Context& ctx) {
    const IngestOptions& o = m_options;
    std::vector<ingest::IngestRequest> requests;
    std::optional<Month> month;
    if (o.month) month = parse_month_option(*o.month);
    if (!o.request.files.empty()) {
        if (o.kind.empty()) throw UsageError("--kind is required with FILEs: permits, plans or areas");
        if (o.source) throw UsageError("--source picks a source of the config; it cannot be combined with FILEs");
        requests.push_back(o.request);
        requests.back().kind = *parse_kind(o.kind);
    } else {
        const config::Config& config = ctx.require_config("ingest");
        if (!o.kind.empty() || o.request.mapping || o.request.layer || o.request.crs) {
            throw UsageError("--kind, --mapping, --layer and --crs go with FILEs; the config's sources carry their own");
        }
        ingest::ConfigSelection sel;
        sel.month = month;
        sel.source = o.source;
        sel.area_set = o.request.area_set;
        sel.area_sets = !o.source;
        sel.sources = !o.request.area_set;
        requests = ingest::requests_from_config(config, sel);
        if (requests.empty()) throw UsageError(fmt::format("{} lists no sources or area sets to ingest", config.path));
    }
    for (auto& r : requests) {
        r.dry_run = o.request.dry_run;
        r.max_repair_area_change = o.max_repair_percent / 100.0;
    }

    const auto store = store::open(ctx.store_location(), ctx.store_options(store::Access::read_write));
    TerminalProgress bar(ctx.err());
    const std::vector<ingest::IngestReport> reports = jobs::run_ingest(
        *store, requests, {ctx.config(), ctx.globals().progress ? &bar : nullptr, [&](const std::string& m) { ctx.note(m); }, o.request.dry_run});

    std::int64_t rejected = 0;
    for (const auto& r : reports) rejected += r.rejected;
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& r : reports) all.push_back(ingest_summary_json(r));
        ctx.out() << all.dump(2) << "\n";
    } else {
        for (const auto& r : reports) print_ingest_summary(ctx.out(), r);
        ctx.out() << (o.request.dry_run ? "dry run: nothing was written\n" : "committed\n");
    }
    return o.strict && rejected > 0 ? ExitCode::data_problems : ExitCode::ok;
}

} // namespace bostad::cli
