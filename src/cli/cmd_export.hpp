#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad export`, as parsing fills them.
struct ExportOptions {
    std::string month;
    std::optional<std::string> output; ///< none: the config's month folder
    std::optional<std::string> area_set;
    std::string format = "gpkg";
    bool overwrite = false;
};

/// bostad export: the month's status as a QGIS-ready GeoPackage, or CSV/GeoJSON files.
class ExportCommand final : public Command {
public:
    std::string_view name() const override { return "export"; }
    std::string_view summary() const override { return "the month as a styled GeoPackage for QGIS (or CSV/GeoJSON)"; }
    std::string_view help_text() const override {
        return "Writes the status at the end of --month as one GeoPackage (-o OUT.gpkg; default the config's\n"
               "[report] output_dir/MONTH/bostad-MONTH.gpkg, as monthly writes it) that opens styled in\n"
               "QGIS: areas of --area-set with the month's figures (graduated on unused plan capacity) and the\n"
               "forecast's expected completions in the next 12 and 36 months,\n"
               "permits by stage, plans by status, rejected rows that have a geometry, and municipalities\n"
               "(outlined by the config's [boundaries] area_set, else SCB's outlines built into bostad; only\n"
               "the kommuner the project covers). Every layer has its default style in\n"
               "layer_styles (QML and SLD), Swedish field aliases and drop-down lists (coded domains) for\n"
               "stage, plan status, house type and tenure; gpkg_metadata has title, month, time and sources.\n"
               "A QGIS project with a print layout is embedded: Project > Open From > GeoPackage.\n"
               "--format csv or geojson writes a folder instead: status.csv and one file per layer (CSV with\n"
               "WKT in EPSG:3006, GeoJSON in WGS 84 as RFC 7946 wants).\n"
               "The output is written under a temporary name and moved into place when complete; an existing\n"
               "output is replaced only with --overwrite.\n"
               "A PostGIS store (--db PG:...) is read in one snapshot, so the export is of one moment.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const ExportOptions& options() const { return m_options; }

private:
    ExportOptions m_options;
};

} // namespace bostad::cli
