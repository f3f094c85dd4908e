#include "cli/cmd_copy.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/open_store.hpp"
#include "pg/conninfo.hpp"
#include "pgstore/copy.hpp"
#include "pgstore/pg_store.hpp"
#include "sqlite/database.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void CopyCommand::declare(CLI::App& app) {
    app.add_option("--from", m_from, "The GeoPackage store to copy (default: --db, the config's store, else ./bostad.gpkg)");
    app.add_option("--to", m_to, "The PostGIS store: PG:\"dbname=... host=... [active_schema=NAME]\"")->required();
}

ExitCode CopyCommand::run(Context& ctx) {
    if (!pg::is_pg_location(m_to)) {
        throw UsageError(fmt::format("--to '{}': give a PostGIS location, PG:\"dbname=... host=...\" (copies go from a "
                                     "GeoPackage into PostGIS)",
                                     m_to));
    }
    const std::string from = m_from.value_or(ctx.store_location());
    if (pg::is_pg_location(from)) {
        throw UsageError(fmt::format("--from '{}': give a GeoPackage store (copies go from a GeoPackage into PostGIS)",
                                     pg::redacted(from)));
    }
    store::Store source = open_store_assigned(ctx, from);
    sqlite::Transaction snapshot(source.db()); // one read snapshot of the source, never committed

    pgstore::PgStore target = pgstore::PgStore::connect(m_to);
    pg::Transaction tx(target.conn());
    target.lock_for_writing("copy", [&](const std::string& line) { ctx.note(line); });
    if (pgstore::PgStore::exists(target.conn())) target.check_version();
    else target.create_schema();
    const auto copied = pgstore::copy_store(source.db(), target);
    tx.commit();
    target.conn().exec_script("ANALYZE");

    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json tables = nlohmann::json::object();
        for (const auto& t : copied) tables[t.table] = t.rows;
        ctx.out() << nlohmann::json{{"from", from}, {"to", target.location()}, {"schema", target.conn().schema()},
                                    {"tables", tables}}
                         .dump(2)
                  << "\n";
        return ExitCode::ok;
    }
    ctx.out() << fmt::format("copied '{}' to '{}' (schema {})\n", from, target.location(), target.conn().schema());
    for (const auto& t : copied) ctx.out() << fmt::format("  {:<22}{:>10}\n", t.table, t.rows);
    return ExitCode::ok;
}

} // namespace bostad::cli
