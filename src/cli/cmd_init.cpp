#include "cli/cmd_init.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pg/conninfo.hpp"
#include "pgstore/pg_store.hpp"
#include "store/store.hpp"

namespace bostad::cli {

void InitCommand::declare(CLI::App& /*app*/) {
}

namespace {

ExitCode init_postgis(Context& ctx, const std::string& location) {
    pgstore::PgStore s = pgstore::PgStore::connect(location);
    bool created = false;
    if (pgstore::PgStore::exists(s.conn())) {
        s.check_version();
    } else {
        s = pgstore::PgStore::create(location);
        created = true;
    }
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json j{{"store", s.location()}, {"schema", s.conn().schema()}, {"schema_version", s.schema_version()},
                         {"created", created}, {"migrated_from", nullptr}};
        ctx.out() << j.dump(2) << "\n";
    } else if (created) {
        ctx.out() << fmt::format("created PostGIS store '{}' in schema {} (schema version {})\n", s.location(),
                                 s.conn().schema(), s.schema_version());
    } else {
        ctx.out() << fmt::format("PostGIS store '{}' already exists in schema {} (schema version {}); nothing to do\n",
                                 s.location(), s.conn().schema(), s.schema_version());
    }
    return ExitCode::ok;
}

} // namespace

ExitCode InitCommand::run(Context& ctx) {
    if (const std::string location = ctx.store_location(); pg::is_pg_location(location)) return init_postgis(ctx, location);
    const std::string path = ctx.store_path();
    const store::Identity before = store::identify(path);
    bool created = false;
    if (!before.exists) {
        store::Store::create(path);
        created = true;
    }
    store::Store s = store::Store::open(path, store::Access::read_write);
    const bool migrated = s.opened_schema_version() != s.schema_version();

    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json j{{"store", path}, {"schema_version", s.schema_version()}, {"created", created},
                         {"migrated_from", migrated ? nlohmann::json(s.opened_schema_version()) : nlohmann::json()}};
        ctx.out() << j.dump(2) << "\n";
    } else if (created) {
        ctx.out() << fmt::format("created store '{}' (schema version {})\n", path, s.schema_version());
    } else if (migrated) {
        ctx.out() << fmt::format("store '{}' migrated from schema version {} to {}\n", path, s.opened_schema_version(),
                                 s.schema_version());
    } else {
        ctx.out() << fmt::format("store '{}' already exists (schema version {}); nothing to do\n", path,
                                 s.schema_version());
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
