#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad copy`, as parsing fills them.
struct CopyOptions {
    std::optional<std::string> from;
    std::string to;
};

/// bostad copy: a whole store into a new one (a GeoPackage into PostGIS, back, or a copy of either).
class CopyCommand final : public Command {
public:
    std::string_view name() const override { return "copy"; }
    std::string_view summary() const override { return "copy a whole store, e.g. into PostGIS or back, history included"; }
    std::string_view help_text() const override {
        return "Copy a whole store (--from, default: the config's store, else ./bostad.gpkg) into a new one\n"
               "(--to): every table and row with the same ids, so history (events, runs), the quarantine and\n"
               "the assignments of permits and plans to areas come along. --to is a new GeoPackage file\n"
               "(never an existing file) or a PostGIS store, PG:\"dbname=... host=...\" (GDAL's form,\n"
               "active_schema=NAME picks the schema), created when the schema has none; an existing one must\n"
               "be empty. So a GeoPackage moves into PostGIS, PostGIS back into a GeoPackage, or either is\n"
               "copied whole. The source is read in one snapshot and not changed (but for an older schema,\n"
               "which is migrated first, and pending area assignments, which are made); the target appears\n"
               "complete or not at all.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const CopyOptions& options() const { return m_options; }

private:
    CopyOptions m_options;
};

} // namespace bostad::cli
