// bostad export on the example project: the GeoPackage passes GDAL's validator and opens styled in a real
// headless QGIS (tests/qgis/qgis_check.py), its figures are the status figures, its contents are stable,
// and it is written all at once or not at all. CSV and GeoJSON for people without QGIS.
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/domain.hpp"
#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "core/figures.hpp"
#include "support/files.hpp"
#include "support/ogr_read.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// The example project with both months ingested, made once for all tests of this file.
class Export : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        const ProcessOptions o = make_example_store(s_dir->path().string(), {"2026-09", "2026-10"});
    }
    static void TearDownTestSuite() {
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override { opts.cwd = s_dir->file("ex"); }

    ProcessResult bostad(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
        ProcessOptions o = opts;
        o.env_extra = env;
        return run_bostad(args, o);
    }
    /// Exports the month into the test's own folder; returns the file's path.
    std::string export_gpkg(const std::string& name, const std::string& month = "2026-10") {
        const std::string out = dir.file(name);
        const auto r = bostad({"export", "--month", month, "-o", out});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return out;
    }
    std::string store() const { return s_dir->file("ex/bostad.gpkg"); }

    static TempDir* s_dir;
    TempDir dir;
    ProcessOptions opts;
};
TempDir* Export::s_dir = nullptr;

const std::vector<std::string> k_feature_layers{"areas",          "municipalities", "permits",          "plans",
                                                "rejected_points", "rejected_lines", "rejected_polygons"};

/// Every row of a table in fid order, as text (geometries as hex).
std::string table_dump(const std::string& gpkg, const std::string& table) {
    sqlite::Database db(gpkg, sqlite::OpenMode::read_only);
    auto st = db.prepare("SELECT * FROM \"" + table + "\" ORDER BY 1");
    std::string out;
    while (st.step()) {
        for (int i = 0; i < st.column_count(); ++i) {
            if (st.is_null(i)) out += "NULL";
            else out += st.column_text(i);
            out += '|';
        }
        out += '\n';
    }
    return out;
}

std::string hex_dump(const std::string& gpkg, const std::string& table) {
    sqlite::Database db(gpkg, sqlite::OpenMode::read_only);
    auto st = db.prepare("SELECT hex(geom) FROM \"" + table + "\" ORDER BY fid");
    std::string out;
    while (st.step()) out += st.column_text(0) + "\n";
    return out;
}

TEST_F(Export, GeoPackagePassesGdalsValidator) {
    const std::string out = export_gpkg("out.gpkg");
    EXPECT_EQ(validate_gpkg(out), "");
}

// The R-trees are built in bulk after the rows (not by GDAL row by row): each holds every row with a geometry,
// passes SQLite's own check, is registered, and its triggers keep it in step with later edits (as in QGIS).
TEST_F(Export, EveryLayerHasACompleteSpatialIndexThatFollowsEdits) {
    const std::string out = export_gpkg("out.gpkg");
    sqlite::Database db(out, sqlite::OpenMode::read_write);
    register_gpkg_functions(db);
    for (const std::string& layer : k_feature_layers) {
        SCOPED_TRACE(layer);
        const std::string rtree = fmt::format("rtree_{}_geom", layer);
        EXPECT_EQ(db.query_text(fmt::format("SELECT rtreecheck('{}')", rtree)), "ok");
        EXPECT_EQ(db.query_int(fmt::format("SELECT count(*) FROM {}", rtree)),
                  db.query_int(fmt::format("SELECT count(*) FROM {} WHERE geom IS NOT NULL", layer)));
        EXPECT_EQ(db.query_int("SELECT count(*) FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'gpkg_rtree_index'",
                               layer),
                  1);
    }
    // R-tree boxes are single precision, rounded outwards: each holds its row's point.
    db.exec("UPDATE permits SET geom = (SELECT geom FROM permits ORDER BY fid DESC LIMIT 1) WHERE fid = (SELECT min(fid) FROM permits)");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM permits p JOIN rtree_permits_geom r ON r.id = p.fid "
                           "WHERE r.minx <= ST_MinX(p.geom) AND r.maxx >= ST_MaxX(p.geom) AND r.miny <= ST_MinY(p.geom) "
                           "AND r.maxy >= ST_MaxY(p.geom)"),
              db.query_int("SELECT count(*) FROM permits"));
}

TEST_F(Export, EveryLayerHasItsCountAndExtentAsGdalKeepsThem) {
    // The permits' rows are written with SQLite after GDAL closed the file: what GDAL would have kept at its
    // close must be there all the same (clients read the count and the extent rather than the rows).
    const std::string out = export_gpkg("out.gpkg");
    sqlite::Database db(out, sqlite::OpenMode::read_write);
    register_gpkg_functions(db);
    for (const std::string& layer : k_feature_layers) {
        SCOPED_TRACE(layer);
        const auto rows = db.query_int(fmt::format("SELECT count(*) FROM {}", layer));
        // GDAL leaves an empty layer's count NULL.
        EXPECT_EQ(db.query_int("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", layer).value_or(0), rows.value_or(-1));
        if (rows.value_or(0) == 0) continue;
        for (const auto& [column, of] : {std::pair{"min_x", "min(ST_MinX(geom))"}, {"max_x", "max(ST_MaxX(geom))"},
                                         {"min_y", "min(ST_MinY(geom))"}, {"max_y", "max(ST_MaxY(geom))"}}) {
            auto stored = db.prepare(fmt::format("SELECT {} FROM gpkg_contents WHERE table_name = ?", column));
            stored.bind(1, layer);
            auto actual = db.prepare(fmt::format("SELECT {} FROM {}", of, layer));
            ASSERT_TRUE(stored.step() && actual.step());
            ASSERT_FALSE(stored.is_null(0)) << column;
            EXPECT_NEAR(stored.column_double(0), actual.column_double(0), 1e-6) << column;
        }
    }
    // GDAL's count triggers are back: a deleted permit is counted.
    const auto before = db.query_int("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'permits'").value_or(0);
    ASSERT_GT(before, 0);
    db.exec("DELETE FROM permits WHERE fid = (SELECT min(fid) FROM permits)");
    EXPECT_EQ(db.query_int("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'permits'"), before - 1);
}

TEST_F(Export, OpensStyledInHeadlessQgisWithTheEmbeddedProjectAndLayout) {
    const std::string out = export_gpkg("bostad-2026-10.gpkg");
    const fs::path pngs = dir.path() / "png";
    fs::create_directories(pngs);
    const auto r = run_process({k_debian_python, std::string(BOSTAD_SOURCE_DIR) + "/tests/qgis/qgis_check.py", out, "bostad 2026-10",
                                pngs.string()});
    ASSERT_EQ(r.exit_code, 0) << "headless QGIS failed (python3-qgis is installed by scripts/setup):\n" << r.err;
    const json seen = json::parse(r.out);

    const std::map<std::string, std::string> renderer{
        {"areas", "graduatedSymbol"},         {"municipalities", "categorizedSymbol"}, {"permits", "categorizedSymbol"},
        {"plans", "categorizedSymbol"},       {"rejected_points", "categorizedSymbol"}, {"rejected_lines", "categorizedSymbol"},
        {"rejected_polygons", "categorizedSymbol"}};
    ASSERT_EQ(seen["layers"].size(), renderer.size()) << r.out;
    for (const auto& [layer, type] : renderer) {
        SCOPED_TRACE(layer);
        const json& l = seen["layers"][layer];
        ASSERT_TRUE(l["valid"].get<bool>());
        EXPECT_EQ(l["renderer"], type) << "the default style from layer_styles was not applied";
        EXPECT_EQ(l["crs"], "EPSG:3006");
        if (l["features"].get<int>() > 0) {
            EXPECT_EQ(l["render"]["errors"].size(), 0u) << l["render"];
            EXPECT_GT(l["render"]["inked"].get<int>(), 0) << "nothing drawn";
            EXPECT_TRUE(fs::exists(pngs / (layer + ".png")));
        }
    }
    for (const char* layer : {"areas", "municipalities", "permits", "plans", "rejected_polygons"}) {
        EXPECT_GT(seen["layers"][layer]["features"].get<int>(), 0) << layer;
    }
    // Swedish aliases, drop-down lists from the coded domains, Swedish category labels.
    const json& permits = seen["layers"]["permits"];
    EXPECT_EQ(permits["aliases"]["stage"], "Skede vid månadens slut");
    EXPECT_EQ(permits["aliases"]["case_id"], "Diarienummer");
    for (const char* f : {"stage", "house_type", "tenure"}) EXPECT_EQ(permits["widgets"][f], "ValueMap") << f;
    EXPECT_EQ(seen["layers"]["plans"]["widgets"]["status"], "ValueMap");
    for (const auto& c : stage_codes()) EXPECT_EQ(permits["categories"][std::string(c.code)], std::string(c.sv)) << c.code;
    EXPECT_EQ(seen["layers"]["plans"]["categories"]["laga_kraft"], "laga kraft");
    EXPECT_EQ(seen["layers"]["municipalities"]["categories"]["1293"], "Hässleholm");
    EXPECT_EQ(seen["layers"]["areas"]["ranges"].size(), 5u);
    EXPECT_TRUE(seen["layers"]["areas"]["labels"].get<bool>());

    // The embedded project: every layer valid and styled, in drawing order, at EPSG:3006, with the layout.
    const json& p = seen["project"];
    ASSERT_TRUE(p["read"].get<bool>()) << "Project > Open From > GeoPackage failed";
    EXPECT_EQ(p["crs"], "EPSG:3006");
    ASSERT_EQ(p["layers"].size(), 7u);
    for (const auto& [name, l] : p["layers"].items()) {
        EXPECT_TRUE(l["valid"].get<bool>()) << name;
        EXPECT_NE(l["renderer"], "singleSymbol") << name;
    }
    EXPECT_EQ(p["layers"]["Bygglov per skede"]["features"], seen["layers"]["permits"]["features"]);
    EXPECT_EQ(p["order"].front(), "Kommuner");
    EXPECT_EQ(p["order"].back(), "Områden");
    ASSERT_EQ(p["layouts"].size(), 1u);
    const json& layout = p["layouts"][0];
    const std::multiset<std::string> items = layout["items"].get<std::multiset<std::string>>();
    for (const char* item : {"QgsLayoutItemMap", "QgsLayoutItemLegend", "QgsLayoutItemScaleBar"}) EXPECT_EQ(items.count(item), 1u) << item;
    EXPECT_EQ(items.count("QgsLayoutItemLabel"), 2u) << "title and date";
    bool month_on_page = false;
    for (const auto& text : layout["labels"]) month_on_page |= text.get<std::string>().find("2026-10") != std::string::npos;
    EXPECT_TRUE(month_on_page);
    EXPECT_EQ(layout["export"], 0);
    EXPECT_GT(layout["inked"].get<int>(), 1000) << "the layout printed blank";
    // The layout's map shows the areas: its extent covers theirs.
    const auto ext = layout["map_extent"];
    EXPECT_LT(ext[0].get<double>(), 400000.0);
    EXPECT_GT(ext[2].get<double>(), 470000.0);
}

TEST_F(Export, LayerStylesAreTheDefaultsQgisLooksFor) {
    const std::string out = export_gpkg("out.gpkg");
    sqlite::Database db(out, sqlite::OpenMode::read_only);
    for (const auto& layer : k_feature_layers) {
        SCOPED_TRACE(layer);
        auto st = db.prepare("SELECT f_table_catalog, f_table_schema, f_geometry_column, useAsDefault, styleQML, styleSLD "
                             "FROM layer_styles WHERE f_table_name = ?1");
        st.bind(1, layer);
        ASSERT_TRUE(st.step());
        EXPECT_FALSE(st.is_null(1)) << "a NULL schema makes QGIS ignore the style";
        EXPECT_EQ(st.column_text(1), "");
        EXPECT_EQ(st.column_text(0), "");
        EXPECT_EQ(st.column_text(2), "geom");
        EXPECT_EQ(st.column_int64(3), 1);
        EXPECT_NE(st.column_text(4).find("<renderer-v2"), std::string::npos);
        EXPECT_EQ(st.column_text(4).find("{{"), std::string::npos) << "an unfilled placeholder";
        EXPECT_NE(st.column_text(5).find("<StyledLayerDescriptor"), std::string::npos);
        EXPECT_FALSE(st.step()) << "one style per layer";
    }
    // The SLD has a rule per stage with the palette's colour.
    const std::string sld = *db.query_text("SELECT styleSLD FROM layer_styles WHERE f_table_name = 'permits'");
    for (const auto& c : stage_codes()) EXPECT_NE(sld.find("<ogc:Literal>" + std::string(c.code) + "</ogc:Literal>"), std::string::npos);
    EXPECT_NE(sld.find("#31a354"), std::string::npos) << "completed in the palette's green";
}

TEST_F(Export, MetadataDomainsAndAliasesAreInTheGeoPackage) {
    const std::string out = export_gpkg("out.gpkg");
    sqlite::Database db(out, sqlite::OpenMode::read_only);
    const std::string md = *db.query_text("SELECT group_concat(metadata, ' ') FROM gpkg_metadata");
    for (const char* item : {"TITLE", "MONTH", "GENERATED_AT", "SOURCES", "Kristianstad och Hässleholm", "2026-10",
                             "kristianstad_bygglov.csv", "hassleholm_bygglov.shp"}) {
        EXPECT_NE(md.find(item), std::string::npos) << item;
    }
    for (const auto& c : stage_codes()) {
        EXPECT_EQ(db.query_int("SELECT count(*) FROM gpkg_data_column_constraints WHERE constraint_name = 'stage' AND value = ?1 "
                               "AND description = ?2",
                               std::string(c.code), std::string(c.sv)),
                  1)
            << c.code;
    }
    EXPECT_EQ(db.query_text("SELECT constraint_name FROM gpkg_data_columns WHERE table_name = 'plans' AND column_name = 'status'"),
              "plan_status");
    EXPECT_EQ(db.query_text("SELECT title FROM gpkg_data_columns WHERE table_name = 'permits' AND column_name = 'stage'"),
              "Skede vid månadens slut");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM qgis_projects WHERE name = 'bostad 2026-10' AND content LIKE '504b0304%'"), 1)
        << "the project is the hex text of a zip";
}

TEST_F(Export, AreasCarryTheForecastsExpectedCompletionsIn12And36Months) {
    const std::string out = export_gpkg("forecast.gpkg");
    const auto r = bostad({"forecast", "--month", "2026-10", "--years", "3", "--of", "json", "--draws", "100"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json f = json::parse(r.out)["forecast"];
    // The forecast's spans are calendar years: the rest of 2026 and 2027 hold the first 14 months; the 36 months
    // end in 2029-10. What the layer holds for 12 and 36 months lies between the spans around them.
    std::map<std::string, json> expected;
    for (const auto& a : f["areas"]) expected[a["area_id"]] = a["completed"];
    double total_12 = 0, total_36 = 0;
    for (const auto& row : read_layer(out, "areas").rows) {
        const std::string id = row.fields.at("area_id");
        SCOPED_TRACE(id);
        ASSERT_TRUE(expected.count(id));
        const double in_12 = std::stod(row.fields.at("forecast_completed_12m"));
        const double in_36 = std::stod(row.fields.at("forecast_completed_36m"));
        const auto& years = expected[id];
        const double to_2027 = years[0]["expected"].get<double>() + years[1]["expected"].get<double>();
        const double to_2029 = to_2027 + years[2]["expected"].get<double>() + years[3]["expected"].get<double>();
        EXPECT_LE(in_12, to_2027 + 0.2);
        EXPECT_LE(in_12, in_36 + 0.1);
        EXPECT_LE(in_36, to_2029 + 0.2);
        EXPECT_GE(in_36, to_2027 + years[2]["expected"].get<double>() - 0.2);
        total_12 += in_12;
        total_36 += in_36;
    }
    EXPECT_GT(total_12, 100) << "the example builds hundreds of dwellings a year";
    EXPECT_GT(total_36, 2 * total_12);
}

TEST_F(Export, AreaFiguresAreTheStatusFigures) {
    const std::string out = export_gpkg("out.gpkg");
    const auto r = bostad({"status", "--month", "2026-10", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json status = json::parse(r.out);
    const OgrLayer areas = read_layer(out, "areas");
    ASSERT_EQ(areas.rows.size(), status["areas"].size());
    std::map<std::string, const OgrRow*> by_id;
    for (const auto& row : areas.rows) by_id[row.fields.at("area_id")] = &row;
    for (const auto& a : status["areas"]) {
        const std::string id = a["area_id"];
        SCOPED_TRACE(id);
        ASSERT_TRUE(by_id.count(id));
        const auto& f = by_id[id]->fields;
        for (const auto& figure : figure_defs()) {
            const std::string key(figure.key);
            EXPECT_EQ(std::stoll(f.at(key)), a[key].get<long long>()) << key;
        }
        EXPECT_NEAR(std::stod(f.at("planned")), a["planned"].get<double>(), 0.05);
        EXPECT_NEAR(std::stod(f.at("remaining_capacity")), a["remaining_capacity"].get<double>(), 0.05);
    }
    // The permits layer adds up to the same total: completed dwellings by stage.
    long long completed = 0, started = 0;
    for (const auto& row : read_layer(out, "permits").rows) {
        if (row.fields.at("stage") == "completed") completed += std::stoll(row.fields.at("dwellings"));
        if (row.fields.at("stage") == "started") started += std::stoll(row.fields.at("dwellings"));
    }
    EXPECT_EQ(completed, status["total"]["completed"].get<long long>());
    EXPECT_EQ(started, status["total"]["started"].get<long long>());
    // Municipalities carry their totals and an outline from the boundary set.
    const OgrLayer municipalities = read_layer(out, "municipalities");
    ASSERT_EQ(municipalities.rows.size(), 2u);
    long long sum = 0;
    std::map<std::string, long long> flows;
    for (const auto& m : municipalities.rows) {
        EXPECT_FALSE(m.wkt.empty()) << m.fields.at("name");
        sum += std::stoll(m.fields.at("completed"));
        for (const char* key : {"applied_in_month", "granted_in_month"}) flows[key] += std::stoll(m.fields.at(key));
    }
    EXPECT_EQ(sum, status["total"]["completed"].get<long long>());
    for (const auto& [key, n] : flows) EXPECT_EQ(n, status["total"][key].get<long long>()) << key;
    EXPECT_GT(flows["applied_in_month"], 0) << "the example has applications in October";
    EXPECT_GT(flows["granted_in_month"], 0) << "the example has grants in October";
}

TEST_F(Export, AnEarlierMonthShowsOnlyWhatWasKnownThen) {
    const std::string sep = export_gpkg("sep.gpkg", "2026-09");
    const std::string oct = export_gpkg("oct.gpkg", "2026-10");
    EXPECT_LT(read_layer(sep, "permits").rows.size(), read_layer(oct, "permits").rows.size());
    sqlite::Database db(sep, sqlite::OpenMode::read_only);
    for (const char* col : {"applied_date", "granted_date", "started_date", "completed_date", "refused_date", "withdrawn_date"}) {
        EXPECT_EQ(db.query_int(std::string("SELECT count(*) FROM permits WHERE ") + col + " > '2026-09-30'"), 0) << col;
    }
    EXPECT_EQ(db.query_int("SELECT count(*) FROM plans WHERE status = 'laga_kraft' AND legal_date > '2026-09-30'"), 0);
}

TEST_F(Export, AMonthBeforeAnyDataExportsEmptyLayersAndAFutureMonthIsRefused) {
    const std::string early = export_gpkg("early.gpkg", "2010-01");
    EXPECT_EQ(validate_gpkg(early), "");
    EXPECT_EQ(read_layer(early, "permits").rows.size(), 0u);
    EXPECT_EQ(read_layer(early, "areas").rows.size(), 36u) << "the areas are there, with zeros";
    EXPECT_EQ(query(early, "SELECT sum(completed) FROM areas"), "0");
    const auto future = bostad({"export", "--month", "2099-01", "-o", dir.file("future.gpkg")});
    EXPECT_EQ(future.exit_code, 2) << future.err;
    EXPECT_FALSE(fs::exists(dir.file("future.gpkg")));
}

TEST_F(Export, SameStoreAndMonthGiveTheSameLayerContents) {
    const std::string a = export_gpkg("a.gpkg");
    const std::string b = export_gpkg("b.gpkg");
    for (const auto& layer : k_feature_layers) {
        EXPECT_EQ(table_dump(a, layer), table_dump(b, layer)) << layer;
        EXPECT_EQ(hex_dump(a, layer), hex_dump(b, layer)) << layer;
    }
    EXPECT_FALSE(table_dump(a, "permits").empty());
}

TEST_F(Export, NeverOverwritesWithoutTheFlag) {
    const std::string out = export_gpkg("out.gpkg", "2026-09");
    const std::string before = file_bytes(out);
    const auto again = bostad({"export", "--month", "2026-10", "-o", out});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("--overwrite"), std::string::npos) << again.err;
    EXPECT_EQ(file_bytes(out), before);
    const auto replace = bostad({"export", "--month", "2026-10", "-o", out, "--overwrite"});
    ASSERT_EQ(replace.exit_code, 0) << replace.err;
    EXPECT_EQ(query(out, "SELECT DISTINCT month FROM areas"), "2026-10");
    EXPECT_EQ(validate_gpkg(out), "");
}

TEST_F(Export, AKilledExportLeavesNoFileAndAFailedOneNothingAtAll) {
    for (const char* point : {"export.layers_written", "export.styles_written"}) {
        SCOPED_TRACE(point);
        const std::string out = dir.file(std::string(point) + ".gpkg");
        const auto r = bostad({"export", "--month", "2026-10", "-o", out}, {{"BOSTAD_CRASH_AT", point}});
        EXPECT_EQ(r.signal, 9) << r.err;
        EXPECT_FALSE(fs::exists(out)) << "a half-written export at the target";
    }
    const std::string done = dir.file("committed.gpkg");
    const auto r = bostad({"export", "--month", "2026-10", "-o", done}, {{"BOSTAD_CRASH_AT", "export.committed"}});
    EXPECT_EQ(r.signal, 9);
    EXPECT_EQ(validate_gpkg(done), "") << "killed after the rename: the file is complete";

    // A failing export (unknown area set) leaves no file and no temporary file.
    fs::create_directories(dir.path() / "clean");
    const auto bad = bostad({"export", "--month", "2026-10", "--area-set", "nope", "-o", dir.file("clean/x.gpkg")});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_TRUE(fs::is_empty(dir.path() / "clean"));
    // The store is untouched by exports.
    EXPECT_EQ(check_store(store()), "ok");
}

TEST_F(Export, GeoJsonAndCsvForPeopleWithoutQgis) {
    const std::string gj = dir.file("geojson");
    auto r = bostad({"export", "--month", "2026-10", "-o", gj, "--format", "geojson"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& layer : k_feature_layers) EXPECT_TRUE(fs::exists(fs::path(gj) / (layer + ".geojson"))) << layer;
    const OgrLayer areas = read_layer(gj + "/areas.geojson");
    ASSERT_EQ(areas.rows.size(), 36u);
    EXPECT_EQ(areas.srs_authority_code, "4326");
    // RFC 7946: longitude, latitude in WGS 84 (Skåne: about 13–15° E, 55–57° N).
    const std::string& wkt = areas.rows[0].wkt;
    const std::size_t open = wkt.find_last_of('(') + 1;
    const double lon = std::stod(wkt.substr(open)), lat = std::stod(wkt.substr(wkt.find(' ', open)));
    EXPECT_TRUE(lon > 13 && lon < 15 && lat > 55 && lat < 57) << wkt.substr(0, 60);

    const std::string csv = dir.file("csv");
    r = bostad({"export", "--month", "2026-10", "-o", csv, "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string permits = read_file(fs::path(csv) / "permits.csv");
    EXPECT_EQ(permits.rfind("WKT,", 0), 0u) << permits.substr(0, 80);
    EXPECT_NE(permits.find("POINT ("), std::string::npos);
    const auto status = bostad({"status", "--month", "2026-10", "--of", "csv"});
    EXPECT_EQ(read_file(fs::path(csv) / "status.csv"), status.out) << "one computation: the status table as status writes it";
    // A folder is replaced only with --overwrite.
    r = bostad({"export", "--month", "2026-10", "-o", csv, "--format", "csv"});
    EXPECT_EQ(r.exit_code, 2);
    r = bostad({"export", "--month", "2026-09", "-o", csv, "--format", "csv", "--overwrite"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(fs::path(csv) / "areas.csv").find("2026-09"), std::string::npos);
}

} // namespace
} // namespace bostad::test
