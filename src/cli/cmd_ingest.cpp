#include "cli/cmd_ingest.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/ingest_summary.hpp"
#include "cli/progress.hpp"
#include "ingest/config_requests.hpp"
#include "jobs/ingest_job.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void IngestCommand::declare(CLI::App& app) {
    app.add_option("FILE", m_files, "Files to read (without: the sources and area sets of the config)");
    app.add_option("--kind", m_kind, "What the files hold: permits, plans or areas")
        ->check(CLI::IsMember({"permits", "plans", "areas"}));
    app.add_option("--area-set", m_area_set, "Areas: the set to load or replace (with FILEs); or the config's area set");
    app.add_option("--municipality", m_municipality, "Kommun code of every row, e.g. 1290");
    app.add_option("--crs", m_crs, "CRS of the coordinates, EPSG:n (overrides the file's)");
    app.add_option("--layer", m_layer, "Layer to read from a multi-layer file");
    app.add_option("--mapping", m_mapping, "A [mapping.NAME] of the config for the files' field names and values");
    app.add_option("--source", m_source, "Only this [[source]] of the config");
    app.add_option("--month", m_month, "The month of the deliveries, YYYY-MM (fills in {month} in config paths)");
    app.add_option("--vintage", m_vintage, "Areas: the boundary vintage to record (default: the config's, else today)");
    app.add_option("--max-repair-change", m_max_repair_percent,
                   "Largest change of a polygon's area, in percent, that a MakeValid repair may make")
        ->check(CLI::Range(0.0, 100.0))
        ->capture_default_str();
    app.add_flag("--full-snapshot", m_full_snapshot, "The files hold every current case: flag stored cases they lack");
    app.add_flag("--dry-run", m_dry_run, "Report what would change; write nothing");
    app.add_flag("--strict", m_strict, "Exit with code 1 when any row is rejected");
}

ExitCode IngestCommand::run(Context& ctx) {
    std::vector<ingest::IngestRequest> requests;
    std::optional<Month> month;
    if (m_month) {
        month = Month::parse(*m_month);
        if (!month) throw UsageError(fmt::format("--month: '{}' is not a month (expected YYYY-MM)", *m_month));
    }
    if (!m_files.empty()) {
        if (m_kind.empty()) throw UsageError("--kind is required with FILEs: permits, plans or areas");
        if (m_source) throw UsageError("--source picks a source of the config; it cannot be combined with FILEs");
        ingest::IngestRequest r;
        r.kind = *parse_kind(m_kind);
        r.files = m_files;
        r.layer = m_layer;
        r.mapping = m_mapping;
        r.municipality = m_municipality;
        r.crs = m_crs;
        r.area_set = m_area_set;
        r.vintage = m_vintage;
        r.full_snapshot = m_full_snapshot;
        requests.push_back(std::move(r));
    } else {
        const config::Config& config = ctx.require_config("ingest");
        if (!m_kind.empty() || m_mapping || m_layer || m_crs) {
            throw UsageError("--kind, --mapping, --layer and --crs go with FILEs; the config's sources carry their own");
        }
        ingest::ConfigSelection sel;
        sel.month = month;
        sel.source = m_source;
        sel.area_set = m_area_set;
        sel.area_sets = !m_source;
        sel.sources = !m_area_set;
        requests = ingest::requests_from_config(config, sel);
        if (requests.empty()) throw UsageError(fmt::format("{} lists no sources or area sets to ingest", config.path));
    }
    for (auto& r : requests) {
        r.dry_run = m_dry_run;
        r.max_repair_area_change = m_max_repair_percent / 100.0;
    }

    const auto store = store::open(ctx.store_location(), ctx.store_options(store::Access::read_write));
    TerminalProgress bar(ctx.err());
    const std::vector<ingest::IngestReport> reports = jobs::run_ingest(
        *store, requests, {ctx.config(), ctx.globals().progress ? &bar : nullptr, [&](const std::string& m) { ctx.note(m); }, m_dry_run});

    std::int64_t rejected = 0;
    for (const auto& r : reports) rejected += r.rejected;
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& r : reports) all.push_back(ingest_summary_json(r));
        ctx.out() << all.dump(2) << "\n";
    } else {
        for (const auto& r : reports) print_ingest_summary(ctx.out(), r);
        ctx.out() << (m_dry_run ? "dry run: nothing was written\n" : "committed\n");
    }
    return m_strict && rejected > 0 ? ExitCode::data_problems : ExitCode::ok;
}

} // namespace bostad::cli
