#include "export/gpkg_export.hpp"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "aggregate/status_json.hpp"
#include "core/crash_point.hpp"
#include "core/csv.hpp"
#include "core/staged_output.hpp"
#include "core/text_file.hpp"
#include "core/version.hpp"
#include "export/gpkg_rows.hpp"
#include "export/threaded_rows.hpp"
#include "export/layer_styles.hpp"
#include "export/row_sink.hpp"
#include "export/qgis_project.hpp"
#include "gdal/srs.hpp"
#include "gdal/vector_writer.hpp"
#include "sqlite/database.hpp"
#include "sqlite/gpkg_spatial_index.hpp"
#include "store/feature_source.hpp"
#include "store/beside.hpp"
#include "store/store.hpp"

namespace bostad::exports {
namespace {

namespace fs = std::filesystem;

aggregate::StatusResult month_status(store::Store& store, const ExportRequest& req) {
    aggregate::StatusRequest s;
    s.month = req.month;
    s.area_set = req.area_set;
    s.stalled_months = req.stalled_months;
    s.config = req.config;
    return aggregate::compute_status(store.status(), s);
}

/// The ingested sources, one line each, for the metadata.
std::string sources_text(store::FeatureSource& features) {
    std::string out;
    for (const auto& s : features.sources()) {
        out += fmt::format("{} ({}; {} run(s), last {})\n", s.path, s.kind, s.runs, s.last_finished.value_or("unfinished"));
    }
    return out;
}

/// Layer writers of one dataset, by layer id; every layer of layer_specs() is created.
struct Layers {
    std::map<LayerId, gdal::LayerWriter> writers;
    gdal::LayerWriter& operator[](LayerId id) { return writers.at(id); }
};

Layers create_layers(gdal::VectorWriter& w, const std::vector<std::string>& extra_options) {
    Layers layers;
    // Created bottom layer first, so a client listing tables in creation order shows the areas first.
    const auto specs = layer_specs();
    for (auto it = specs.rbegin(); it != specs.rend(); ++it) {
        std::vector<std::string> options = extra_options;
        options.push_back(fmt::format("IDENTIFIER={}", it->title));
        options.push_back(fmt::format("DESCRIPTION={}", it->description));
        layers.writers.emplace(it->id, w.add_layer(std::string(it->table), it->geometry, gdal::k_store_epsg, field_defs(*it), options));
    }
    return layers;
}

/// The columns of QGIS's layer_styles table.
std::vector<gdal::FieldDef> layer_styles_fields() {
    const auto field = [](const char* name, gdal::FieldType type = gdal::FieldType::string, int width = 0) {
        gdal::FieldDef f;
        f.name = name;
        f.type = type;
        f.width = width;
        return f;
    };
    using gdal::FieldType;
    return {field("f_table_catalog", FieldType::string, 256), field("f_table_schema", FieldType::string, 256),
            field("f_table_name", FieldType::string, 256), field("f_geometry_column", FieldType::string, 256),
            field("styleName", FieldType::string, 30), field("styleQML"), field("styleSLD"),
            field("useAsDefault", FieldType::boolean), field("description"), field("owner", FieldType::string, 30),
            field("ui", FieldType::string, 30), field("update_time", FieldType::datetime)};
}

struct Written {
    std::optional<Envelope> extent;
    std::map<std::string, std::int64_t> features;
    std::vector<std::string> warnings;
};

/// The forecast of the areas layer, computed beside the export's other work (on a reader sharing its snapshot).
class Outlook {
public:
    Outlook(store::Store& store, const ExportRequest& req)
        : m_done(store::beside(store, [this, &req](store::StatusSource& s, store::FeatureSource& f) { m_forecast = area_outlook(f, s, req); })) {}
    const AreaOutlook& get() {
        if (m_done.valid()) {
            m_done.get();
            m_areas.emplace(m_forecast);
        }
        return *m_areas;
    }

private:
    forecast::Forecast m_forecast;
    std::optional<AreaOutlook> m_areas;
    std::future<void> m_done;
};

/// Every layer's rows through GDAL. The GeoPackage (`outlook` none) writes the permits with SQLite afterwards
/// and fills in the areas' forecast then, so that the forecast is made while the permits are written; the
/// other formats write every row here, the areas last.
Written write_all(store::Store& store, const ExportRequest& req, const aggregate::StatusResult& status, Layers& layers,
                  Outlook* outlook) {
    Written w;
    store::FeatureSource& features = store.features();
    w.warnings = write_municipalities(features, req, status, layers[LayerId::municipalities], w.extent);
    write_plans(features, store.status(), req, layers[LayerId::plans]);
    if (outlook) {
        LayerRows rows(layers[LayerId::permits]);
        write_permits(features, req, rows);
    }
    write_rejected(features, layers[LayerId::rejected_points], layers[LayerId::rejected_lines], layers[LayerId::rejected_polygons]);
    if (const auto areas = write_areas(features, req, status, outlook ? &outlook->get() : nullptr, layers[LayerId::areas])) {
        if (w.extent) w.extent->expand(*areas);
        else w.extent = areas;
    }
    for (const auto& spec : layer_specs()) w.features[std::string(spec.table)] = layers[spec.id].count();
    return w;
}

std::vector<std::pair<std::string, std::string>> municipality_names(const aggregate::StatusResult& status) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& m : status.municipalities) out.emplace_back(m.code, m.name);
    return out;
}

/// The layers' R-tree indexes, built in bulk from the written rows (GDAL's own, filled row by row, took most
/// of an export of a million permits).
void add_spatial_indexes(sqlite::Database& gpkg) {
    gpkg.exec("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
              "definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
    for (const auto& spec : layer_specs()) {
        if (spec.geometry != gdal::GeometryKind::none) sqlite::create_spatial_index(gpkg, spec.table, "geom");
    }
}

/// The areas' expected completions (written empty by GDAL), once the forecast is made.
void fill_area_outlook(sqlite::Database& gpkg, const AreaOutlook& outlook) {
    const std::string table = sqlite::quote_identifier(layer_spec(LayerId::areas).table);
    auto areas = gpkg.prepare(fmt::format("SELECT fid, area_id FROM {}", table));
    auto set = gpkg.prepare(fmt::format("UPDATE {} SET forecast_completed_12m = ?2, forecast_completed_36m = ?3 WHERE fid = ?1", table));
    while (areas.step()) {
        const auto expected = outlook.of(areas.column_view(1));
        set.reset();
        set.bind_all(areas.column_int64(0), expected[0], expected[1]).run();
    }
}

/// The permits' rows, the areas' forecast, spatial indexes, styles, aliases and the QGIS project, written with
/// SQLite into the GeoPackage GDAL made and closed; returns the number of permits.
std::int64_t finish_geopackage(const fs::path& file, const std::string& final_name, store::Store& store, const ExportOptions& opt,
                               const aggregate::StatusResult& status, const Envelope& extent, const std::string& now,
                               Outlook& outlook) {
    sqlite::Database gpkg(file.string(), sqlite::OpenMode::read_write);
    sqlite::Transaction tx(gpkg);
    GpkgPointRows permits(gpkg, layer_spec(LayerId::permits), gdal::k_store_epsg);
    {
        ThreadedRows rows(permits); // read from the store here, written into the file beside
        write_permits(store.features(), opt.request, rows);
        rows.finish();
    }
    permits.finish();
    fill_area_outlook(gpkg, outlook.get());
    add_spatial_indexes(gpkg);
    auto style_row = gpkg.prepare(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, "
        "styleSLD, useAsDefault, description, owner, ui, update_time) VALUES ('', '', ?1, 'geom', ?2, ?3, ?4, 1, ?5, 'bostad', "
        "NULL, ?6)");
    // Aliases as the GeoPackage schema extension keeps them (gpkg_data_columns.title; the name column must be
    // unique across the file, so it stays empty). Rows GDAL wrote for coded domains keep their constraint.
    auto alias_row = gpkg.prepare("INSERT INTO gpkg_data_columns (table_name, column_name, title) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (table_name, column_name) DO UPDATE SET title = excluded.title");
    ProjectInputs project;
    project.gpkg_file_name = final_name;
    project.title = opt.title;
    project.date_text = fmt::format("Läget vid utgången av {}. Framställd {} med bostad {}.", opt.request.month.str(),
                                    now.substr(0, 10), k_tool_version);
    project.extent = extent;
    const auto names = municipality_names(status);
    for (const auto& spec : layer_specs()) {
        const LayerStyle style = layer_style(spec, names);
        style_row.reset();
        style_row.bind_all(spec.table, style.name, style.qml, style.sld,
                           fmt::format("bostad {}: {}", k_tool_version, spec.description), now).run();
        for (const auto& f : spec.fields) {
            alias_row.reset();
            alias_row.bind_all(spec.table, f.name, f.alias).run();
        }
        project.layers.push_back({&spec, style.qml});
    }
    store_project(gpkg, fmt::format("bostad {}", opt.request.month.str()), project_xml(project), now);
    tx.commit();
    return permits.count();
}

ExportSummary export_geopackage(store::Store& store, const ExportOptions& opt) {
    StagedOutput out(opt.output, StagedOutput::Kind::file, opt.overwrite);
    Outlook outlook(store, opt.request);
    const aggregate::StatusResult status = month_status(store, opt.request);
    const std::string now = utc_now(); // GeoPackage DATETIME form
    Written written;
    {
        gdal::VectorWriter w(out.staging().string(), "GPKG");
        for (const auto& d : coded_domains()) w.add_coded_domain(d.name, d.description, d.values);
        Layers layers = create_layers(w, {"FID=fid", "SPATIAL_INDEX=NO"}); // built in bulk afterwards
        w.begin_transaction();
        written = write_all(store, opt.request, status, layers, nullptr);
        w.commit_transaction();
        w.add_layer("layer_styles", gdal::GeometryKind::none, 0, layer_styles_fields(),
                    {"FID=id", "DESCRIPTION=QGIS layer styles (QML and SLD), one default per layer"});
        w.set_metadata_item("TITLE", opt.title);
        w.set_metadata_item("MONTH", opt.request.month.str());
        w.set_metadata_item("AREA_SET", opt.request.area_set);
        w.set_metadata_item("GENERATED_AT", now);
        w.set_metadata_item("GENERATED_BY", fmt::format("bostad {}", k_tool_version));
        w.set_metadata_item("SOURCES", sources_text(store.features()));
        w.set_metadata_item("ABSTRACT", fmt::format("Bostadsbyggandet vid utgången av {}: områden ({}) med planerade, "
                                                    "ansökta, beviljade, påbörjade och färdigställda bostäder; bygglov per "
                                                    "skede; detaljplaner per status; avvisade rader; kommuner.",
                                                    opt.request.month.str(), opt.request.area_set));
        w.close();
    }
    crash_point("export.layers_written");
    const std::string final_name = out.target().filename().string();
    written.features["permits"] =
        finish_geopackage(out.staging(), final_name, store, opt, status, written.extent.value_or(Envelope{}), now, outlook);
    crash_point("export.styles_written");
    out.commit();
    crash_point("export.committed");
    return {out.target().string(), written.features, fmt::format("bostad {}", opt.request.month.str()), written.warnings,
            status.areas_left_out};
}

/// CSV (geometry as WKT, EPSG:3006) or GeoJSON (RFC 7946: WGS 84) files in a folder, with status.csv.
ExportSummary export_files(store::Store& store, const ExportOptions& opt) {
    StagedOutput out(opt.output, StagedOutput::Kind::folder, opt.overwrite);
    fs::create_directories(out.staging());
    Outlook outlook(store, opt.request);
    const aggregate::StatusResult status = month_status(store, opt.request);
    Written written;
    {
        const bool csv = opt.format == Format::csv;
        // One dataset per layer: these drivers write one layer per file.
        std::vector<std::unique_ptr<gdal::VectorWriter>> datasets;
        Layers layers;
        for (const auto& spec : layer_specs()) {
            const fs::path file = out.staging() / fmt::format("{}.{}", spec.table, csv ? "csv" : "geojson");
            datasets.push_back(std::make_unique<gdal::VectorWriter>(file.string(), csv ? "CSV" : "GeoJSON"));
            std::vector<std::string> options;
            if (csv) options = {"GEOMETRY=AS_WKT", "CREATE_CSVT=YES", "WRITE_BOM=NO"};
            else options = {"RFC7946=YES", "WRITE_NAME=NO"};
            auto writer = datasets.back()->add_layer(std::string(spec.table), spec.geometry, csv ? gdal::k_store_epsg : 4326,
                                                     field_defs(spec), options);
            // Text a spreadsheet would run as a formula (= + - @) is escaped in CSV.
            if (csv) writer.set_text_transform(&formula_safe);
            layers.writers.emplace(spec.id, std::move(writer));
        }
        written = write_all(store, opt.request, status, layers, &outlook);
        layers.writers.clear();
        for (auto& d : datasets) d->close();
    }
    std::string table;
    for (const auto& row : aggregate::status_csv_rows(status)) table += csv_record(row, ',');
    write_text_file(out.staging() / "status.csv", table);
    crash_point("export.files_written");
    out.commit();
    return {out.target().string(), written.features, "", written.warnings, status.areas_left_out};
}

} // namespace

ExportSummary export_month(store::Store& store, const ExportOptions& options) {
    return options.format == Format::gpkg ? export_geopackage(store, options) : export_files(store, options);
}

} // namespace bostad::exports
