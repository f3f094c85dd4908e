// Hostile input (issue 9): SQL injection through every name a user or a file gives (field names, layer
// names, mapping keys and values, area set names), odd names in output paths and in area names, NUL in
// the config, and huge input: 2 GB files, a polygon of 10 million vertices, JSON and TOML nested 10 000
// deep, a zip bomb as a zipped Shapefile. Each ends in a clear message with bounded memory, and the
// store stays whole. PROJ's network access stays off whatever the environment says.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

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

// Memory bounds for the bostad process; AddressSanitizer's shadow memory and quarantine (CI) take more.
#ifdef __SANITIZE_ADDRESS__
constexpr long k_rss_factor = 3;
#else
constexpr long k_rss_factor = 1;
#endif
constexpr long k_small_rss_kb = 300L * 1024 * k_rss_factor; // a refused huge file is never read whole

const std::string k_injection = "'); DROP TABLE permits; --";

/// A polygon (ISO WKB) of `n` vertices on a circle of radius 100 m around (x, y).
std::vector<std::uint8_t> circle_wkb(double x, double y, std::uint32_t n) {
    std::vector<std::pair<double, double>> ring;
    ring.reserve(static_cast<std::size_t>(n) + 1);
    for (std::uint32_t i = 0; i <= n; ++i) {
        const double a = 2 * 3.14159265358979 * static_cast<double>(i % n) / n;
        ring.emplace_back(x + 100 * std::cos(a), y + 100 * std::sin(a));
    }
    return polygon_wkb(ring);
}

/// A file of `bytes` that starts with `head` and is a hole after it (no disk, reads as NUL bytes).
void sparse_file(const fs::path& path, const std::string& head, std::uintmax_t bytes) {
    write_file(path, head);
    fs::resize_file(path, bytes);
}

class HostileInput : public ::testing::Test {
protected:
    void SetUp() override {
        m_options.cwd = m_dir.path().string();
        make_store(m_dir.file("s.gpkg"));
    }
    ProcessResult bostad(std::vector<std::string> args) { return run_bostad(args, m_options); }
    /// The names of the store's tables, to see that none went missing.
    std::string tables() { return query(m_dir.file("s.gpkg"), "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)"); }

    TempDir m_dir;
    ProcessOptions m_options;
};

TEST_F(HostileInput, SqlInjectionThroughLayerFieldMappingAndAreaSetNames) {
    const std::string before = tables();
    // A GeoPackage whose layer and extra field are named as SQL.
    {
        gdal::VectorWriter w(m_dir.file("inj.gpkg"), "GPKG");
        auto layer = w.add_layer("permits\"; DROP TABLE permits; --", gdal::GeometryKind::point, 3006,
                                 {{"case_id"}, {"municipality"}, {"dwellings", gdal::FieldType::integer}, {"applied_date"},
                                  {"x'); DROP TABLE events; --"}});
        layer.add({k_injection, std::string("1290"), std::int64_t{2}, std::string("2024-01-10"), k_injection},
                  point_wkb(445500, 6209000));
        w.close();
    }
    auto r = bostad({"ingest", "inj.gpkg", "--kind", "permits", "--layer", "permits\"; DROP TABLE permits; --", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT case_id FROM permits"), k_injection) << "stored as the value it is";

    r = bostad({"ingest", "inj.gpkg", "--kind", "permits", "--layer", "nope'; DROP TABLE permits; --", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("nope'; DROP TABLE permits; --"), std::string::npos) << r.err;

    // Mapping field names and value translations written as SQL.
    write_file(m_dir.file("bostad.toml"), R"toml(
[mapping.m]
crs = "EPSG:3006"
municipality = "1290"
[mapping.m.fields]
case_id = "Diarienr\"; DROP TABLE permits; --"
house_type = "'); DELETE FROM events; --"
dwellings = "dwellings"
applied_date = "applied_date"
x = "x"
y = "y"
[mapping.m.values.house_type]
"'); DELETE FROM permits; --" = "småhus"
)toml");
    write_file(m_dir.file("m.csv"), "\"Diarienr\"\"; DROP TABLE permits; --\",\"'); DELETE FROM events; --\",dwellings,applied_date,x,y\n"
                                    "BN 1,'); DELETE FROM permits; --,1,2024-02-01,445600,6209000\n");
    r = bostad({"ingest", "m.csv", "--kind", "permits", "--mapping", "m", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT house_type FROM permits WHERE case_id = 'BN 1'"), "småhus");

    // A mapping key written as SQL is not a name the config accepts.
    write_file(m_dir.file("bad.toml"), "[mapping.\"x'); DROP TABLE permits; --\"]\ncrs = \"EPSG:3006\"\n");
    r = bostad({"--config", "bad.toml", "ingest", "m.csv", "--kind", "permits", "--mapping", "x", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("is not an accepted name"), std::string::npos) << r.err;

    // An area set named as SQL is a name like any other: stored, exported, reported.
    write_file(m_dir.file("d.csv"), "area_id,name,wkt\nA,Näsby,\"POLYGON ((445000 6208500, 446000 6208500, 446000 6209500, 445000 6209500, 445000 6208500))\"\n");
    const std::string set = "d'); DROP TABLE areas; --";
    r = bostad({"ingest", "d.csv", "--kind", "areas", "--area-set", set, "--crs", "EPSG:3006", "--municipality", "1290", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = bostad({"status", "--month", "2026-10", "--area-set", set, "--db", "s.gpkg", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = bostad({"export", "--month", "2026-10", "--area-set", set, "-o", "e.gpkg", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    EXPECT_EQ(tables(), before);
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT count(*) FROM permits"), "2");
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT count(*) FROM areas"), "1");
    EXPECT_EQ(check_store(m_dir.file("s.gpkg")), "ok");
}

TEST_F(HostileInput, OddOutputPathsAndAreaNamesStayWhereTheyAreMeant) {
    // Area names that would be paths, and one with a line break: they are values, never file names.
    write_file(m_dir.file("d.csv"),
               "area_id;name;wkt\n"
               "N1;../../x;POLYGON ((445000 6208500, 446000 6208500, 446000 6209500, 445000 6209500, 445000 6208500))\n"
               "N2;Malmö/Öster;POLYGON ((446000 6208500, 447000 6208500, 447000 6209500, 446000 6209500, 446000 6208500))\n"
               "N3;\"rad\nbrytning\";POLYGON ((447000 6208500, 448000 6208500, 448000 6209500, 447000 6209500, 447000 6208500))\n");
    auto r = bostad({"ingest", "d.csv", "--kind", "areas", "--area-set", "d", "--crs", "EPSG:3006", "--municipality", "1290", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    fs::create_directories(m_dir.path() / "a" / "b");
    ProcessOptions deep = m_options;
    deep.cwd = (m_dir.path() / "a" / "b").string();
    const std::string store = m_dir.file("s.gpkg");
    r = run_bostad({"export", "--month", "2026-10", "--area-set", "d", "--format", "csv", "-o", "e", "--db", store}, deep);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_bostad({"report", "--month", "2026-10", "--area-set", "d", "--format", "html,csv", "-o", "rep", "--db", store}, deep);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string areas = read_file(m_dir.path() / "a" / "b" / "e" / "areas.csv");
    EXPECT_NE(areas.find("\"rad\nbrytning\""), std::string::npos) << "quoted, line break kept";
    EXPECT_NE(areas.find("Malmö/Öster"), std::string::npos);

    // An output path is taken as given, relative to the working folder: ../../x is DIR/x.
    r = run_bostad({"report", "--month", "2026-10", "--area-set", "d", "--format", "csv", "-o", "../../x", "--db", store}, deep);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_regular_file(m_dir.path() / "x" / "csv" / "areas.csv"));
    // A folder that does not exist is not made up; a line break is a character of the name.
    r = bostad({"export", "--month", "2026-10", "--area-set", "d", "-o", "Malmö/Öster.gpkg", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("folder 'Malmö' does not exist"), std::string::npos) << r.err;
    r = bostad({"export", "--month", "2026-10", "--area-set", "d", "-o", "ny\nrad.gpkg", "--db", "s.gpkg"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::is_regular_file(m_dir.path() / "ny\nrad.gpkg"));

    // Nothing else was written anywhere: every file under DIR is one of these.
    std::set<std::string> tops;
    for (const auto& e : fs::recursive_directory_iterator(m_dir.path())) {
        if (!e.is_regular_file()) continue;
        const auto rel = fs::relative(e.path(), m_dir.path());
        tops.insert(rel.begin()->string() == "a" ? "a/b/" + std::next(std::next(rel.begin()))->string()
                                                 : rel.begin()->string());
    }
    EXPECT_EQ(tops, (std::set<std::string>{"s.gpkg", "d.csv", "a/b/e", "a/b/rep", "x", "ny\nrad.gpkg"}));

    // NUL cannot be given on a command line; in the config (TOML's \u0000) it is refused by name.
    write_file(m_dir.file("nul.toml"), "[report]\noutput_dir = \"out\\u0000/x\"\n");
    r = bostad({"--config", "nul.toml", "report", "--month", "2026-10", "--area-set", "d", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("report.output_dir: 'out\\x00/x' holds a NUL character"), std::string::npos) << r.err;
}

TEST_F(HostileInput, TwoGigabyteFilesAreRefusedWithoutReadingThemWhole) {
    const std::uintmax_t two_gb = std::uintmax_t{2} << 30;
    sparse_file(m_dir.path() / "big.csv", "case_id,municipality,dwellings,applied_date,x,y\n", two_gb);
    sparse_file(m_dir.path() / "big.geojson", R"({"type":"FeatureCollection","features":[)", two_gb);
    sparse_file(m_dir.path() / "big.gpkg", "", two_gb);
    const std::map<std::string, std::string> expected = {
        {"big.csv", "2147483648 bytes is more than bostad reads from one CSV file (1 GiB)"},
        {"big.geojson", "big.geojson: not a vector format GDAL can read"},
        {"big.gpkg", "big.gpkg: not a vector format GDAL can read"}};
    for (const auto& [file, message] : expected) {
        const auto r = bostad({"ingest", file, "--kind", "permits", "--crs", "EPSG:3006", "--db", "s.gpkg"});
        EXPECT_EQ(r.exit_code, 3) << file << ": " << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_LT(r.max_rss_kb, k_small_rss_kb) << file;
    }
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT count(*) FROM ingest_runs"), "0");
}

TEST_F(HostileInput, NestingTenThousandDeepIsRefused) {
    const std::string deep_array = std::string(10000, '[') + std::string(10000, ']');
    std::string deep_object;
    for (int i = 0; i < 10000; ++i) deep_object += "{\"a\":";
    deep_object += "1" + std::string(10000, '}');
    write_file(m_dir.file("deep_geometry.geojson"),
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"case_id":"A","municipality":"1290","dwellings":1,"applied_date":"2024-01-10"},"geometry":{"type":"Point","coordinates":)" +
                   deep_array + "}}]}");
    write_file(m_dir.file("deep_properties.geojson"),
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"case_id":"A","municipality":"1290","dwellings":1,"applied_date":"2024-01-10","extra":)" +
                   deep_object + R"(},"geometry":{"type":"Point","coordinates":[445500,6209000]}}]})");
    for (const char* file : {"deep_geometry.geojson", "deep_properties.geojson"}) {
        const auto r = bostad({"ingest", file, "--kind", "permits", "--db", "s.gpkg"});
        EXPECT_EQ(r.exit_code, 3) << file << ": " << r.err;
        EXPECT_NE(r.err.find(std::string(file) + ": not a vector format GDAL can read"), std::string::npos) << r.err;
    }
    write_file(m_dir.file("deep.toml"), "a = " + deep_array + "\n");
    const auto r = bostad({"--config", "deep.toml", "status", "--month", "2026-10", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("deep.toml:1:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("exceeded maximum nested value depth"), std::string::npos) << r.err;
}

TEST_F(HostileInput, AZipBombIsRefusedBeforeAByteIsUnpacked) {
    // A zipped Shapefile that reads, and one whose .dbf unpacks to 1.5 GB: written by Python's zipfile,
    // streaming, so that the test never holds the unpacked bytes either.
    const std::string script = R"py(
import sys, zipfile
from osgeo import ogr, osr
src = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(sys.argv[1] + "/p.shp")
srs = osr.SpatialReference(); srs.ImportFromEPSG(3006)
layer = src.CreateLayer("p", srs, ogr.wkbPoint)
for name in ("case_id", "municipali", "dwellings", "applied_da"):
    layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
f = ogr.Feature(layer.GetLayerDefn())
for k, v in (("case_id", "BN 1"), ("municipali", "1290"), ("dwellings", "1"), ("applied_da", "2024-01-10")):
    f.SetField(k, v)
f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (445500 6209000)"))
layer.CreateFeature(f)
src = None
with zipfile.ZipFile(sys.argv[1] + "/p.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for e in ("shp", "shx", "dbf", "prj"):
        z.write(sys.argv[1] + "/p." + e, "p." + e)
with zipfile.ZipFile(sys.argv[1] + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for e in ("shp", "shx", "prj"):
        z.write(sys.argv[1] + "/p." + e, "bomb." + e)
    with z.open("bomb.dbf", "w", force_zip64=True) as f:
        chunk = bytes(1 << 20)
        for i in range(1536):
            f.write(chunk)
)py";
    const auto made = run_process({"/usr/bin/python3", "-c", script, m_dir.path().string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    EXPECT_LT(fs::file_size(m_dir.path() / "bomb.zip"), std::uintmax_t{5} << 20);
    write_file(m_dir.file("bostad.toml"), "[mapping.shp]\n[mapping.shp.fields]\ncase_id = \"case_id\"\nmunicipality = \"municipali\"\n"
                                              "dwellings = \"dwellings\"\napplied_date = \"applied_da\"\n");

    auto r = bostad({"ingest", "p.zip", "--kind", "permits", "--mapping", "shp", "--db", "s.gpkg", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at(0)["inserted"], 1);

    r = bostad({"ingest", "bomb.zip", "--kind", "permits", "--mapping", "shp", "--db", "s.gpkg"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("bomb.zip: the archive unpacks to"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bomb.dbf alone is 1610612736 bytes"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bostad unpacks at most 1 GiB from one archive: nothing was read"), std::string::npos) << r.err;
    EXPECT_LT(r.max_rss_kb, k_small_rss_kb);
    EXPECT_EQ(query(m_dir.file("s.gpkg"), "SELECT count(*) FROM permits"), "1");
}

TEST_F(HostileInput, APolygonOfTenMillionVerticesIsQuarantinedAndTheRestStored) {
    {
        gdal::VectorWriter w(m_dir.file("plans.gpkg"), "GPKG");
        auto layer = w.add_layer("plans", gdal::GeometryKind::geometry, 3006,
                                 {{"plan_id"}, {"municipality"}, {"status"}, {"legal_date"}});
        const std::string legal = "2020-05-01";
        layer.add({std::string("DP 1"), std::string("1290"), std::string("laga kraft"), legal}, circle_wkb(445500, 6209000, 10'000'000));
        layer.add({std::string("DP 2"), std::string("1290"), std::string("laga kraft"), legal}, circle_wkb(446000, 6209000, 64));
        w.close();
    }
    const auto r = bostad({"ingest", "plans.gpkg", "--kind", "plans", "--db", "s.gpkg", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out).at(0);
    EXPECT_EQ(summary["inserted"], 1);
    EXPECT_EQ(summary["rejected"], 1);
    EXPECT_NE(summary["rejected_samples"][0]["message"].get<std::string>().find(
                  "the geometry has 10000001 vertices; bostad takes at most 1000000"),
              std::string::npos)
        << summary.dump();
    // The file holds 160 MB of coordinates; bostad reads each copy once or twice, never a GEOS repair.
    EXPECT_LT(r.max_rss_kb, 1200L * 1024 * k_rss_factor) << "peak memory (600 MB measured without sanitizers)";
}

TEST(ProjNetwork, StaysOffWhateverTheEnvironmentSays) {
    ProcessOptions o;
    o.env_extra = {{"PROJ_NETWORK", "ON"}};
    const auto r = run_bostad({"--version"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("with network off"), std::string::npos) << r.out;
}

} // namespace
} // namespace bostad::test
