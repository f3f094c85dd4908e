#include "cli/cmd_export.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/month_option.hpp"
#include "export/gpkg_export.hpp"
#include "jobs/open_store.hpp"
#include "jobs/requests.hpp"

namespace bostad::cli {

void ExportCommand::declare(CLI::App& app) {
    app.add_option("--month", m_options.month, "The month, YYYY-MM: the status at its end")->required();
    app.add_option("-o,--output", m_options.output,
                   "The GeoPackage to write (a folder for --format csv|geojson); its folder must exist (default: the "
                   "config's [report] output_dir/MONTH/bostad-MONTH.gpkg, or bostad-MONTH-csv|-geojson, created as "
                   "monthly creates it)");
    app.add_option("--area-set", m_options.area_set, "The areas to count by (default: the config's [report] area_set)");
    app.add_option("--format", m_options.format, "gpkg (default), csv or geojson")->check(CLI::IsMember({"gpkg", "csv", "geojson"}));
    app.add_flag("--overwrite", m_options.overwrite, "Replace an existing output");
}

ExitCode ExportCommand::run(Context& ctx) {
    const Month month = parse_month_option(m_options.month);
    const config::Config* config = ctx.config();
    exports::ExportOptions opt;
    opt.request = jobs::export_request(config, month, jobs::choose_area_set(config, m_options.area_set, "export"));
    opt.output = m_options.output ? *m_options.output
                                  : jobs::default_outputs(config, month, false, "export").export_path(m_options.format).string();
    opt.overwrite = m_options.overwrite;
    opt.format = m_options.format == "csv" ? exports::Format::csv : m_options.format == "geojson" ? exports::Format::geojson : exports::Format::gpkg;
    opt.title = jobs::report_title(config, month);

    const auto store = jobs::open_for_reading(ctx.store_location(), ctx.store_options(store::Access::read_write));
    // The export reads one state of the store while an ingest may be writing.
    const auto snapshot = store->read_snapshot();
    const exports::ExportSummary done = exports::export_month(*store, opt);
    for (const auto& w : done.warnings) ctx.note("warning: " + w);
    if (done.areas_left_out > 0) {
        ctx.note(fmt::format("note: {} areas of the set '{}' lie in kommuner outside the project and are left out",
                             done.areas_left_out, opt.request.area_set));
    }

    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::ordered_json j;
        j["output"] = done.output;
        j["format"] = m_options.format;
        j["month"] = month.str();
        j["area_set"] = opt.request.area_set;
        j["features"] = done.features;
        if (!done.project.empty()) j["qgis_project"] = done.project;
        ctx.out() << j.dump(2) << "\n";
        return ExitCode::ok;
    }
    ctx.out() << fmt::format("wrote {} ({}, end of {}, area set {})\n", done.output, m_options.format, month.str(), opt.request.area_set);
    for (const auto& [layer, n] : done.features) ctx.out() << fmt::format("  {:<18} {:>8} features\n", layer, n);
    if (!done.project.empty()) {
        ctx.out() << fmt::format("  QGIS: open the file, or Project > Open From > GeoPackage > '{}'\n", done.project);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
