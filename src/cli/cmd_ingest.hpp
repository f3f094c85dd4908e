#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "ingest/request.hpp"

namespace bostad::cli {

/// The options of `bostad ingest`, as parsing fills them.
struct IngestOptions {
    /// With FILEs: the delivery and how to read it, filled by the options directly (--kind is `kind`).
    ingest::IngestRequest request;
    std::string kind;
    std::optional<std::string> source;
    std::optional<std::string> month;
    double max_repair_percent = 1.0;
    bool strict = false;
};

/// bostad ingest: permits, plans and areas from files, or every source of the config.
class IngestCommand final : public Command {
public:
    std::string_view name() const override { return "ingest"; }
    std::string_view summary() const override { return "read permits, plans or areas into the store"; }
    std::string_view help_text() const override {
        return "Read permits, plans or areas from any GDAL vector format (GeoPackage, Shapefile, also zipped,\n"
               "GeoJSON, CSV, XLSX, GML, SS 637040, ...) in any CRS, transform them to EPSG:3006, check every row\n"
               "and store it, or keep it in the quarantine (rejected_rows) with a reason. A row must name a real\n"
               "kommun (code or name) and lie in it: judged on SCB's outlines built into bostad, or the\n"
               "config's [boundaries] area_set, within [boundaries] tolerance_km (default 5). An area\n"
               "without a kommun gets the one holding most of its area. Limits: a CSV of at\n"
               "most 1 GiB, a zip unpacking to at most 1 GiB, 1 000 000 vertices in one geometry.\n"
               "With FILEs, --kind says what they hold and --mapping names a [mapping.NAME] of the config for\n"
               "files without the canonical field names.\n"
               "Without FILEs, every area set and source of the config is ingested (--source and --area-set\n"
               "pick one; --month fills in {month} in their paths). Everything is one transaction: a failed\n"
               "or interrupted ingest leaves the store as it was. Re-ingesting the same file changes nothing.\n"
               "Exit code 1 with --strict when any row was rejected.\n"
               "Into a PostGIS store (--db PG:...), ingests of the same source (kind and municipality, or area\n"
               "set) wait for each other with a note; other municipalities' ingests run at the same time.\n"
               "Into a GeoPackage, a second ingest waits for the first with a note, at most BOSTAD_LOCK_TIMEOUT\n"
               "seconds (default 600), then stops without writing anything.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const IngestOptions& options() const { return m_options; }

private:
    IngestOptions m_options;
};

} // namespace bostad::cli
