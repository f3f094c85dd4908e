#include "cli/cmd_copy.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/open_store.hpp"
#include "core/staged_output.hpp"
#include "pg/conninfo.hpp"
#include "pgstore/copy.hpp"
#include "pgstore/pg_store.hpp"
#include "pgstore/styles.hpp"
#include "pgstore/to_geopackage.hpp"
#include "sqlite/database.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void CopyCommand::declare(CLI::App& app) {
    app.add_option("--from", m_from, "The store to copy (default: --db, the config's store, else ./bostad.gpkg)");
    app.add_option("--to", m_to, "Where to: a PostGIS store, PG:\"dbname=... host=... [active_schema=NAME]\", or, from "
                                 "PostGIS, a new GeoPackage file")
        ->required();
}

namespace {

void print(Context& ctx, const std::string& from, const std::string& to, const std::vector<pgstore::CopiedTable>& copied) {
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json tables = nlohmann::json::object();
        for (const auto& t : copied) tables[t.table] = t.rows;
        ctx.out() << nlohmann::json{{"from", from}, {"to", to}, {"tables", tables}}.dump(2) << "\n";
        return;
    }
    ctx.out() << fmt::format("copied '{}' to '{}'\n", from, to);
    for (const auto& t : copied) ctx.out() << fmt::format("  {:<22}{:>10}\n", t.table, t.rows);
}

/// GeoPackage → PostGIS, in one transaction on the server.
void to_postgis(Context& ctx, const std::string& from, const std::string& to) {
    store::Store source = open_store_assigned(ctx, from);
    sqlite::Transaction snapshot(source.db()); // one read snapshot of the source, never committed

    pgstore::PgStore target = pgstore::PgStore::connect(to);
    pg::Transaction tx(target.conn());
    target.lock_for_writing("copy", [&](const std::string& line) { ctx.note(line); });
    if (pgstore::PgStore::exists(target.conn())) target.check_version();
    else target.create_schema();
    const auto copied = pgstore::copy_store(source.db(), target);
    pgstore::write_styles(target.conn(), pgstore::store_municipalities(target.conn(), ctx.municipality_names()));
    tx.commit();
    target.conn().exec_script("ANALYZE");
    print(ctx, from, fmt::format("{} (schema {})", target.location(), target.conn().schema()), copied);
}

/// PostGIS → a new GeoPackage, read in one snapshot, written under a temporary name and moved into place.
void to_geopackage(Context& ctx, const std::string& from, const std::string& to) {
    pgstore::PgStore source = pgstore::PgStore::open(from);
    StagedOutput out(to, StagedOutput::Kind::file, false);
    std::vector<pgstore::CopiedTable> copied;
    {
        pg::Transaction snapshot(source.conn(), pg::Transaction::Isolation::repeatable_read, true);
        copied = pgstore::copy_to_geopackage(source, out.staging().string());
    }
    out.commit();
    print(ctx, source.location(), to, copied);
}

} // namespace

ExitCode CopyCommand::run(Context& ctx) {
    const std::string from = m_from.value_or(ctx.store_location());
    const bool from_pg = pg::is_pg_location(from);
    const bool to_pg = pg::is_pg_location(m_to);
    if (from_pg == to_pg) {
        throw UsageError(fmt::format("--from '{}' --to '{}': copy goes from a GeoPackage to PostGIS (PG:...) or back",
                                     pg::redacted(from), pg::redacted(m_to)));
    }
    if (to_pg) to_postgis(ctx, from, m_to);
    else to_geopackage(ctx, from, m_to);
    return ExitCode::ok;
}

} // namespace bostad::cli
