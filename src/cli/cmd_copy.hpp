#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// bostad copy: move a store between a GeoPackage and PostGIS.
class CopyCommand final : public Command {
public:
    std::string_view name() const override { return "copy"; }
    std::string_view summary() const override { return "copy a store into PostGIS or back, history included"; }
    std::string_view help_text() const override {
        return "Copy a GeoPackage store (--from, default: the config's store, else ./bostad.gpkg) into a\n"
               "PostGIS store (--to PG:\"dbname=... host=...\", GDAL's form, active_schema=NAME picks the\n"
               "schema): every table and row with the same ids, so history (events, runs), the quarantine\n"
               "and the assignments of permits and plans to areas come along. The PostGIS store is created\n"
               "when the schema has none; an existing one must be empty. All in one transaction: the target\n"
               "ends up complete or unchanged. The source is read in one snapshot and not changed (but for\n"
               "an older schema, which is migrated first, and pending area assignments, which are made).\n\n"
               "The way back: --from PG:\"...\" --to NEW.gpkg writes the PostGIS store, read in one snapshot,\n"
               "into a new GeoPackage store (never over an existing file), with the same ids and values.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

private:
    std::optional<std::string> m_from;
    std::string m_to;
};

} // namespace bostad::cli
