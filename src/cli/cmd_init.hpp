#pragma once

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad init`, as parsing fills them (none but the global ones).
struct InitOptions {};

/// bostad init: create a store, or bring an existing one to the current schema.
class InitCommand final : public Command {
public:
    std::string_view name() const override { return "init"; }
    std::string_view summary() const override { return "create the store (default: ./bostad.gpkg)"; }
    std::string_view help_text() const override {
        return "Create a bostad store: a GeoPackage (EPSG:3006) with tables for permits, plans, area sets\n"
               "and areas, events (history), ingest runs and rejected rows. The store path is --db, else\n"
               "the config's [store] db, else ./bostad.gpkg. An existing bostad store is left as it is,\n"
               "or migrated forward when it has an older schema; any other existing file is refused.\n\n"
               "With --db PG:\"dbname=... host=...\" (GDAL's form; left-out settings come from the PG*\n"
               "environment variables) the store is made in PostgreSQL with PostGIS instead, in the schema\n"
               "named by active_schema=NAME (default public), in one transaction: the same tables, PostGIS\n"
               "geometries in EPSG:3006 with GiST indexes. The postgis extension is created when missing.\n"
               "An existing PostGIS store of an older schema is upgraded in place (schemas/postgis/upgrade/),\n"
               "in one transaction; other commands refuse it until then.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;
    const InitOptions& options() const { return m_options; }

private:
    InitOptions m_options;
};

} // namespace bostad::cli
