// Every mapping feature (issue 3): field names, value translations, a decision column, date formats
// (incl. Excel serials), the CRS and the encoding when the file lacks them, the municipality, decimal
// comma, semicolons and BOM; and every format: CSV, Shapefile, GeoPackage, GeoJSON, XLSX, GML.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "gdal/vector_writer.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"
#include "support/wkb.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

const std::string k_config = R"toml(
[[municipality]]
code = "1290"
name = "Kristianstad"

[[municipality]]
code = "1293"
name = "Hässleholm"

[mapping.case_system]
crs = "EPSG:3008"
separator = ";"
decimal = ","
date_formats = ["DD/MM/YYYY", "YYYYMMDD"]
[mapping.case_system.fields]
case_id = "Diarienr"
municipality = "Kommun"
house_type = "Hustyp"
tenure = "Upplåtelse"
dwellings = "Lägenheter"
applied_date = "Inkom"
decision = "Beslut"
decision_date = "Beslutsdatum"
started_date = "Start"
x = "Öst"
y = "Nord"
[mapping.case_system.values.house_type]
"SH" = "småhus"
"FLB" = "flerbostadshus"
[mapping.case_system.values.tenure]
"ÄR" = "äganderätt"
"HR" = "hyresrätt"
[mapping.case_system.values.decision]
"Bifall" = "granted"
"Nej" = "refused"

[mapping.latin1_undeclared]
municipality = "1290"
[mapping.latin1_undeclared.fields]
case_id = "case_id"
dwellings = "dwellings"
property = "property"
applied_date = "applied_da"

[mapping.latin1]
encoding = "ISO-8859-1"
municipality = "1290"
[mapping.latin1.fields]
case_id = "case_id"
dwellings = "dwellings"
property = "property"
applied_date = "applied_da"

[mapping.excel]
crs = "EPSG:3006"
municipality = "1293"
date_formats = ["excel"]
[mapping.excel.fields]
case_id = "Ärende"
dwellings = "Antal"
applied_date = "Inkommen"
granted_date = "Beviljad"
x = "E"
y = "N"
)toml";

class Mappings : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(dir.file("bostad.toml"), k_config);
        store = dir.file("s.gpkg");
        make_store(store);
    }
    nlohmann::json ingest(std::vector<std::string> args, int expected_exit = 0) {
        std::vector<std::string> all{"ingest"};
        all.insert(all.end(), args.begin(), args.end());
        for (const char* a : {"--db", "s.gpkg", "--of", "json"}) all.emplace_back(a);
        ProcessOptions o;
        o.cwd = dir.path().string();
        last = run_bostad(all, o);
        EXPECT_EQ(last.exit_code, expected_exit) << last.err;
        return expected_exit == 0 ? nlohmann::json::parse(last.out).at(0) : nlohmann::json();
    }
    std::string value(const std::string& sql) { return query(store, sql); }

    TempDir dir;
    std::string store;
    ProcessResult last;
};

TEST_F(Mappings, CaseSystemCsvWithEveryTranslation) {
    // UTF-8 with BOM, ';', decimal comma, Swedish names, municipality names, a decision column, DD/MM/YYYY.
    write_file(dir.file("export.csv"),
               "\xEF\xBB\xBF"
               "Diarienr;Kommun;Hustyp;Upplåtelse;Lägenheter;Inkom;Beslut;Beslutsdatum;Start;Öst;Nord;Sökande\n"
               "BN 2024-000101;Kristianstad;SH;ÄR;1;10/01/2024;Bifall;20/02/2024;05/04/2024;188 230,50;6 210 120,20;Anna Andersson\n"
               "BN 2024-000102;1290;FLB;HR;24,0;11/01/2024;Nej;01/03/2024;;188230,5;6210120,2;Bo Bengtsson\n"
               "BN 2024-000103;Hässleholm;FLB;HR;12;20240112;;;;166800,1;6224500,7;Cilla Carlsson\n");
    const auto r = ingest({"export.csv", "--kind", "permits", "--mapping", "case_system"});
    EXPECT_EQ(r["inserted"], 3) << r.dump(2);
    EXPECT_EQ(r["crs"], "EPSG:3008 (SWEREF 99 13 30)");
    EXPECT_EQ(value("SELECT municipality || '|' || house_type || '|' || tenure || '|' || applied_date || '|' || granted_date "
                    "|| '|' || started_date FROM permits WHERE case_id = 'BN 2024-000101'"),
              "1290|småhus|äganderätt|2024-01-10|2024-02-20|2024-04-05");
    EXPECT_EQ(value("SELECT dwellings || '|' || refused_date || '|' || (granted_date IS NULL) FROM permits WHERE case_id = 'BN 2024-000102'"),
              "24|2024-03-01|1");
    EXPECT_EQ(value("SELECT municipality || '|' || applied_date FROM permits WHERE case_id = 'BN 2024-000103'"),
              "1293|2024-01-12");
    // Transformed from SWEREF 99 13 30 to SWEREF 99 TM (gdaltransform -s_srs EPSG:3008 -t_srs EPSG:3006 gives
    // 444694.694 6207821.653 for these numbers).
    EXPECT_NEAR(std::stod(value("SELECT ST_MinX(geom) FROM permits WHERE case_id = 'BN 2024-000101'")), 444694.694, 0.001);
    EXPECT_NEAR(std::stod(value("SELECT ST_MinY(geom) FROM permits WHERE case_id = 'BN 2024-000101'")), 6207821.653, 0.001);
    // The applicant's name is in no unmapped column of the store.
    EXPECT_EQ(value("SELECT count(*) FROM permits WHERE property LIKE '%Anna%'"), "0");
}

TEST_F(Mappings, ShapefileEncodingFromTheMappingWhenThereIsNoCpg) {
    const std::string shp = dir.file("latin1.shp");
    {
        gdal::VectorWriter w(shp, "ESRI Shapefile");
        auto layer = w.add_layer("latin1", gdal::GeometryKind::point, 3006,
                                 {{"case_id"}, {"dwellings", gdal::FieldType::integer}, {"applied_da"}, {"property"}},
                                 {"ENCODING=ISO-8859-1"});
        layer.add({std::string("BN 1"), std::int64_t{1}, std::string("2024-01-10"), std::string("HÄSSLEHOLM 2:3")}, point_wkb(445500, 6209000));
        w.close();
    }
    fs::remove(dir.file("latin1.cpg"));
    std::fstream dbf(dir.file("latin1.dbf"), std::ios::in | std::ios::out | std::ios::binary);
    dbf.seekp(29);
    dbf.put('\0');
    dbf.close();
    // Without an encoding the Latin-1 text is refused, never stored as mojibake; with it, it is decoded.
    ingest({"latin1.shp", "--kind", "permits", "--mapping", "latin1_undeclared"}, 3);
    EXPECT_NE(last.err.find("latin1.shp: 1 of its 1 rows are not valid UTF-8: the file is refused whole and nothing was stored"),
              std::string::npos) << last.err;
    EXPECT_NE(last.err.find("reads as Windows-1252 (\"HÄSSLEHOLM 2:3\")"), std::string::npos) << last.err;
    EXPECT_NE(last.err.find("set encoding = \"CP1252\" (or \"ISO-8859-1\") in [mapping.latin1_undeclared]"), std::string::npos)
        << last.err;
    EXPECT_EQ(value("SELECT count(*) FROM rejected_rows"), "0");
    EXPECT_EQ(value("SELECT count(*) FROM ingest_runs"), "0");
    const std::string s2 = dir.file("s2.gpkg");
    make_store(s2);
    ProcessOptions o;
    o.cwd = dir.path().string();
    const auto r = run_bostad({"ingest", "latin1.shp", "--kind", "permits", "--mapping", "latin1", "--db", "s2.gpkg"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(query(s2, "SELECT count(*) FROM permits"), "1");
    EXPECT_EQ(query(s2, "SELECT applied_date FROM permits"), "2024-01-10");
}

TEST_F(Mappings, ExcelWithSerialDates) {
    const std::string xlsx = dir.file("arenden.xlsx");
    {
        gdal::VectorWriter w(xlsx, "XLSX");
        auto layer = w.add_layer("Ärenden", gdal::GeometryKind::none, 0,
                                 {{"Ärende"}, {"Antal", gdal::FieldType::integer}, {"Inkommen", gdal::FieldType::real},
                                  {"Beviljad", gdal::FieldType::date}, {"E", gdal::FieldType::real}, {"N", gdal::FieldType::real}});
        layer.add({std::string("BN 2023/1001"), std::int64_t{2}, 45231.0, std::string("2023-12-01"), 424200.5, 6224000.25});
        layer.add({std::string("BN 2023/1002"), std::int64_t{1}, 45232.0, gdal::FieldValue(), 424300.0, 6224100.0});
        w.close();
    }
    const auto r = ingest({"arenden.xlsx", "--kind", "permits", "--mapping", "excel"});
    EXPECT_EQ(r["inserted"], 2) << r.dump(2);
    EXPECT_EQ(value("SELECT applied_date || '|' || granted_date || '|' || dwellings FROM permits WHERE case_id = 'BN 2023/1001'"),
              "2023-11-01|2023-12-01|2");
    EXPECT_EQ(value("SELECT ST_MinX(geom) FROM permits WHERE case_id = 'BN 2023/1001'"), "424200.5");
}

TEST_F(Mappings, GmlGeoPackageAndGeoJsonWithCanonicalNames) {
    const std::vector<std::pair<std::string, std::string>> formats = {{"GML", "plans.gml"}, {"GPKG", "plans.gpkg"}, {"GeoJSON", "plans.geojson"}};
    int n = 0;
    for (const auto& [driver, file] : formats) {
        gdal::VectorWriter w(dir.file(file), driver);
        auto layer = w.add_layer("plans", gdal::GeometryKind::multipolygon, 3006,
                                 {{"plan_id"}, {"municipality"}, {"status"}, {"legal_date"}, {"planned_dwellings", gdal::FieldType::integer}});
        const double x = 445000 + 1000.0 * n++;
        // A 300 m × 200 m square.
        const auto wkb = polygon_wkb({{x, 6209000}, {x + 300, 6209000}, {x + 300, 6209200}, {x, 6209200}, {x, 6209000}});
        layer.add({std::string("DP ") + driver, std::string("1290"), std::string("laga kraft"), std::string("2021-06-01"), std::int64_t{40}}, wkb);
        w.close();
        const auto r = ingest({file, "--kind", "plans"});
        EXPECT_EQ(r["inserted"], 1) << driver << ": " << r.dump(2);
        EXPECT_EQ(value("SELECT status || '|' || legal_date || '|' || planned_dwellings FROM plans WHERE plan_id = 'DP " + driver + "'"),
                  "laga_kraft|2021-06-01|40")
            << driver;
    }
    EXPECT_EQ(value("SELECT count(*) FROM plans"), "3");
}

TEST_F(Mappings, Rt90AndWgs84AreTransformed) {
    // Kristianstad's square in RT90 2.5 gon V and in WGS 84 (lon, lat): both land on SWEREF 99 TM.
    // gdaltransform -s_srs EPSG:3021 -t_srs EPSG:3006 gives 445500.00 6209000.00 for 1395270.50 6211781.36.
    write_file(dir.file("rt90.csv"), "case_id,municipality,dwellings,applied_date,x,y\nBN 1,1290,1,2024-01-01,1395270.50,6211781.36\n");
    const auto rt90 = ingest({"rt90.csv", "--kind", "permits", "--crs", "EPSG:3021"});
    EXPECT_EQ(rt90["inserted"], 1) << rt90.dump(2);
    EXPECT_NEAR(std::stod(value("SELECT ST_MinX(geom) FROM permits WHERE case_id = 'BN 1'")), 445500.0, 0.05);
    EXPECT_NEAR(std::stod(value("SELECT ST_MinY(geom) FROM permits WHERE case_id = 'BN 1'")), 6209000.0, 0.05);
    // gdaltransform -s_srs EPSG:3006 -t_srs EPSG:4326 gives 14.1256166 56.0231411 for 445500 6209000.
    write_file(dir.file("wgs84.csv"), "case_id,municipality,dwellings,applied_date,x,y\nBN 2,1290,1,2024-01-01,14.1256166,56.0231411\n");
    const auto wgs = ingest({"wgs84.csv", "--kind", "permits", "--crs", "EPSG:4326"});
    EXPECT_EQ(wgs["inserted"], 1) << wgs.dump(2);
    EXPECT_NEAR(std::stod(value("SELECT ST_MinX(geom) FROM permits WHERE case_id = 'BN 2'")), 445500.0, 0.05);
    EXPECT_NEAR(std::stod(value("SELECT ST_MinY(geom) FROM permits WHERE case_id = 'BN 2'")), 6209000.0, 0.05);
    // Latitude first is the mistake the bounds check names.
    write_file(dir.file("latlon.csv"), "case_id,municipality,dwellings,applied_date,x,y\nBN 3,1290,1,2024-01-01,56.0231411,14.1256166\n");
    const auto swapped = ingest({"latlon.csv", "--kind", "permits", "--crs", "EPSG:4326"});
    EXPECT_EQ(swapped["rejected_by_reason"]["swapped_axes"], 1) << swapped.dump(2);
}

TEST_F(Mappings, FileLevelMistakesAreUsageErrors) {
    write_file(dir.file("x.csv"), "Diarienummer;Kommun\nBN 1;1290\n");
    ingest({"x.csv", "--kind", "permits", "--mapping", "case_system"}, 2);
    EXPECT_NE(last.err.find("mapping 'case_system': field 'Diarienr' (for case_id) is not in"), std::string::npos) << last.err;
    EXPECT_NE(last.err.find("did you mean 'Diarienummer'?"), std::string::npos) << last.err;
    ingest({"x.csv", "--kind", "permits", "--mapping", "nosuch"}, 2);
    EXPECT_NE(last.err.find("--mapping: no [mapping.nosuch]"), std::string::npos) << last.err;
    ingest({"x.csv"}, 2);
    EXPECT_NE(last.err.find("--kind is required"), std::string::npos) << last.err;
    ingest({"x.csv", "--kind", "areas"}, 2);
    EXPECT_NE(last.err.find("--kind areas needs --area-set NAME"), std::string::npos) << last.err;
    write_file(dir.file("y.csv"), "case_id,municipality,dwellings,applied_date,x,y\nBN 1,1290,1,2024-01-01,1,2\n");
    ingest({"y.csv", "--kind", "permits", "--crs", "EPSG:999999"}, 2);
    EXPECT_NE(last.err.find("is not a known CRS"), std::string::npos) << last.err;
    EXPECT_EQ(value("SELECT count(*) FROM ingest_runs"), "0");
}

} // namespace
} // namespace bostad::test
