// The bad-input corpus (tests/fixtures/bad-input/cases.toml): every case through `bostad ingest` into a
// fresh store, checking the exit code, the counts, the reason codes, the quarantine and the store.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "gdal/vector_writer.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"
#include "support/wkb.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

struct BadCase {
    std::string name;
    std::string file;
    std::vector<std::string> args;
    int exit = 0;
    std::string stderr_has;
    std::optional<std::int64_t> read, inserted, unchanged, repeated, repaired;
    std::map<std::string, std::int64_t> reasons;
    std::string message;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

std::vector<BadCase> load_cases() {
    std::vector<BadCase> out;
    toml::table doc = toml::parse_file(std::string(BOSTAD_BAD_INPUT_DIR) + "/cases.toml");
    for (auto& node : *doc["case"].as_array()) {
        auto& t = *node.as_table();
        BadCase c;
        c.name = t["name"].value_or(std::string());
        c.file = t["file"].value_or(std::string());
        for (auto& a : *t["args"].as_array()) c.args.push_back(a.value_or(std::string()));
        c.exit = static_cast<int>(t["exit"].value_or(std::int64_t{0}));
        c.stderr_has = t["stderr"].value_or(std::string());
        for (const char* k : {"read", "inserted", "unchanged", "repeated", "repaired"}) {
            if (auto v = t[k].value<std::int64_t>()) {
                auto& slot = std::string(k) == "read" ? c.read : std::string(k) == "inserted" ? c.inserted
                             : std::string(k) == "unchanged"                                      ? c.unchanged
                             : std::string(k) == "repeated"                                       ? c.repeated
                                                                                                  : c.repaired;
                slot = *v;
            }
        }
        if (auto* reasons = t["reasons"].as_table()) {
            for (auto& [k, v] : *reasons) c.reasons[std::string(k.str())] = v.value_or(std::int64_t{0});
        }
        c.message = t["message"].value_or(std::string());
        out.push_back(std::move(c));
    }
    return out;
}

/// Three permits as a Shapefile in EPSG:3006; returns the .shp path.
std::string write_permit_shapefile(const fs::path& dir, const std::vector<std::string>& properties,
                                   const std::vector<std::string>& options) {
    const std::string path = (dir / "permits.shp").string();
    gdal::VectorWriter w(path, "ESRI Shapefile");
    auto layer = w.add_layer("permits", gdal::GeometryKind::point, 3006,
                             {{"case_id"}, {"municipali"}, {"dwellings", gdal::FieldType::integer}, {"applied_da"}, {"property"}},
                             options);
    for (std::size_t i = 0; i < properties.size(); ++i) {
        const double x = 445500 + 10.0 * static_cast<double>(i);
        const std::vector<std::uint8_t> wkb = point_wkb(x, 6209000.0);
        layer.add({"BN 2024-" + std::to_string(i + 1), std::string("1290"), std::int64_t{1}, std::string("2024-01-10"),
                   properties[i]},
                  wkb);
    }
    w.close();
    return path;
}

/// Builds the generated inputs ("@...") in `dir`; plain corpus files are copied there.
std::string prepare_input(const BadCase& c, const fs::path& dir) {
    if (c.file == "@directory") {
        fs::create_directories(dir / "folder.gpkg");
        return (dir / "folder.gpkg").string();
    }
    if (c.file == "@missing") return (dir / "nowhere.csv").string();
    if (c.file == "@truncated_shp") {
        const std::string shp = write_permit_shapefile(dir, {"A 1:1", "A 1:2", "A 1:3"}, {});
        // 100-byte header + 28 bytes per point record: cut the file in the middle of the second record.
        fs::resize_file(shp, 100 + 28 + 10);
        return shp;
    }
    if (c.file == "@latin1_shp") {
        const std::string shp = write_permit_shapefile(dir, {"NASBY 1:1", "H\xC3\xA4ssleholm 2:3"}, {"ENCODING=ISO-8859-1"});
        // Forget the encoding: no .cpg, and no language driver id in the .dbf header (byte 29).
        fs::remove(dir / "permits.cpg");
        std::fstream dbf((dir / "permits.dbf").string(), std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(29);
        dbf.put('\0');
        return shp;
    }
    if (c.file == "@two_layers_gpkg") {
        const std::string path = (dir / "two.gpkg").string();
        gdal::VectorWriter w(path, "GPKG");
        w.add_layer("a", gdal::GeometryKind::point, 3006, {{"case_id"}});
        w.add_layer("b", gdal::GeometryKind::point, 3006, {{"case_id"}});
        w.close();
        return path;
    }
    const fs::path source = fs::path(BOSTAD_BAD_INPUT_DIR) / c.file;
    fs::copy_file(source, dir / c.file);
    return (dir / c.file).string();
}

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, IsHandled) {
    const BadCase& c = GetParam();
    TempDir dir;
    const std::string store = dir.file("s.gpkg");
    make_store(store);
    write_file(dir.file("bostad.toml"), "[mapping.shp.fields]\ncase_id = \"case_id\"\ndwellings = \"dwellings\"\nproperty = \"property\"\n"
                                        "applied_date = \"applied_da\"\nmunicipality = \"municipali\"\n");
    const std::string before = dump_store(store);
    const std::string input = prepare_input(c, dir.path());
    std::vector<std::string> args{"ingest", input, "--db", store, "--of", "json"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    ProcessOptions in_dir;
    in_dir.cwd = dir.path().string();
    const auto r = run_bostad(args, in_dir);
    ASSERT_EQ(r.exit_code, c.exit) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
    ASSERT_EQ(check_store(store), "ok");
    if (c.exit != 0) {
        EXPECT_NE(r.err.find(c.stderr_has), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(input), std::string::npos) << "the message names the file: " << r.err;
        EXPECT_EQ(dump_store(store), before) << "a refused ingest leaves the store as it was";
        return;
    }
    const auto report = nlohmann::json::parse(r.out).at(0);
    if (c.read) {
        EXPECT_EQ(report["read"], *c.read);
    }
    if (c.inserted) {
        EXPECT_EQ(report["inserted"], *c.inserted);
    }
    if (c.unchanged) {
        EXPECT_EQ(report["unchanged"], *c.unchanged);
    }
    if (c.repeated) {
        EXPECT_EQ(report["repeated"], *c.repeated);
    }
    if (c.repaired) {
        EXPECT_EQ(report["repaired_geometries"], *c.repaired);
    }
    std::int64_t rejected = 0;
    for (const auto& [_, n] : c.reasons) rejected += n;
    EXPECT_EQ(report["rejected"], rejected);
    const auto by_reason = report["rejected_by_reason"].get<std::map<std::string, std::int64_t>>();
    EXPECT_EQ(by_reason, c.reasons);
    EXPECT_EQ(report["read"].get<std::int64_t>(), report["inserted"].get<std::int64_t>() + report["updated"].get<std::int64_t>() +
                                                      report["unchanged"].get<std::int64_t>() + rejected);
    if (!c.message.empty()) {
        bool found = false;
        for (const auto& s : report["rejected_samples"]) found = found || s["message"].get<std::string>().find(c.message) != std::string::npos;
        EXPECT_TRUE(found) << "no rejected row says: " << c.message << "\n" << report.dump(2);
    }
    // Nothing lost: every rejected row is in the quarantine with its reason and raw attributes.
    EXPECT_EQ(query(store, "SELECT count(*) FROM rejected_rows"), std::to_string(rejected));
    for (const auto& [reason, n] : c.reasons) {
        EXPECT_EQ(query(store, "SELECT count(*) FROM rejected_rows WHERE reason_code = '" + reason + "'"), std::to_string(n));
    }
    EXPECT_EQ(query(store, "SELECT count(*) FROM rejected_rows WHERE json_valid(raw_attributes) AND raw_attributes != '{}' "
                           "AND source_file = '" + input + "' AND source_row > 0"),
              std::to_string(rejected));
    const std::string table = report["kind"] == "plans" ? "plans" : "permits";
    EXPECT_EQ(query(store, "SELECT count(*) FROM " + table), std::to_string(report["inserted"].get<std::int64_t>()));
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) { return p.param.name; });

TEST(BadInputSpecifics, SqlInjectionIsStoredAsText) {
    TempDir dir;
    const std::string store = dir.file("s.gpkg");
    make_store(store);
    const auto r = run_bostad({"ingest", std::string(BOSTAD_BAD_INPUT_DIR) + "/sql_injection.csv", "--kind", "permits",
                               "--crs", "EPSG:3006", "--db", store});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(query(store, "SELECT case_id FROM permits"), "'); DROP TABLE permits; --");
    EXPECT_EQ(query(store, "SELECT count(*) FROM events"), "0");
    EXPECT_EQ(validate_gpkg(store), "");
}

TEST(BadInputSpecifics, RepairIsRecorded) {
    TempDir dir;
    const std::string store = dir.file("s.gpkg");
    make_store(store);
    ASSERT_EQ(run_bostad({"ingest", std::string(BOSTAD_BAD_INPUT_DIR) + "/repairable_loop.csv", "--kind", "plans",
                          "--crs", "EPSG:3006", "--db", store})
                  .exit_code,
              0);
    const std::string repair = query(store, "SELECT geometry_repair FROM plans");
    EXPECT_NE(repair.find("MakeValid(structure)"), std::string::npos) << repair;
    EXPECT_NE(repair.find("Ring Self-intersection"), std::string::npos) << repair;
    // A stricter tolerance rejects the same polygon.
    const std::string strict = dir.file("t.gpkg");
    make_store(strict);
    const auto r = run_bostad({"ingest", std::string(BOSTAD_BAD_INPUT_DIR) + "/twisted_corner.csv", "--kind", "plans",
                               "--crs", "EPSG:3006", "--db", strict, "--max-repair-change", "0.0001", "--strict"});
    EXPECT_EQ(r.exit_code, 1) << "--strict with a rejected row";
    EXPECT_EQ(query(strict, "SELECT reason_code FROM rejected_rows"), "unrepairable_geometry");
}

TEST(BadInputSpecifics, QuarantineKeepsGeometryForTheMap) {
    TempDir dir;
    const std::string store = dir.file("s.gpkg");
    make_store(store);
    ASSERT_EQ(run_bostad({"ingest", std::string(BOSTAD_BAD_INPUT_DIR) + "/swapped_axes.csv", "--kind", "permits",
                          "--crs", "EPSG:3006", "--db", store})
                  .exit_code,
              0);
    EXPECT_EQ(query(store, "SELECT geom IS NOT NULL FROM rejected_rows"), "1");
    EXPECT_EQ(query(store, "SELECT count(*) FROM rtree_rejected_rows_geom"), "1");
    EXPECT_EQ(validate_gpkg(store), "");
}

} // namespace
} // namespace bostad::test
