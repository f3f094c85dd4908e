#include "cli/cmd_copy.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "jobs/copy_job.hpp"

namespace bostad::cli {

void CopyCommand::declare(CLI::App& app) {
    app.add_option("--from", m_options.from, "The store to copy (default: --db, the config's store, else ./bostad.gpkg)");
    app.add_option("--to", m_options.to, "Where to: a new GeoPackage file, or a PostGIS store, PG:\"dbname=... host=... "
                                 "[active_schema=NAME]\", new or empty")
        ->required();
}

ExitCode CopyCommand::run(Context& ctx) {
    const auto done = jobs::copy_store(m_options.from.value_or(ctx.store_location()), m_options.to, ctx.store_options(store::Access::read_write));
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json tables = nlohmann::json::object();
        for (const auto& t : done.tables) tables[t.table] = t.rows;
        ctx.out() << nlohmann::json{{"from", done.from}, {"to", done.to}, {"tables", tables}}.dump(2) << "\n";
        return ExitCode::ok;
    }
    ctx.out() << fmt::format("copied '{}' to '{}'\n", done.from, done.to);
    for (const auto& t : done.tables) ctx.out() << fmt::format("  {:<22}{:>10}\n", t.table, t.rows);
    return ExitCode::ok;
}

} // namespace bostad::cli
