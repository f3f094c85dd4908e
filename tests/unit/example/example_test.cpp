// The example project: deterministic, realistic, covering both municipalities, with its deliberate defects.
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "config/config.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "example/map.hpp"
#include "example/project.hpp"
#include "geos/ops.hpp"
#include "support/files.hpp"
#include "support/ogr_read.hpp"
#include "support/temp_dir.hpp"

namespace bostad::example {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> read_csv(const fs::path& p, char sep) {
    std::string text = test::read_file(p);
    EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "Kristianstad's CSV starts with a UTF-8 BOM";
    text = text.substr(3);
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : split(text, '\n')) {
        if (trim(line).empty()) continue;
        rows.push_back(split(trim(line), sep)); // the example writes no quoted separators
    }
    return rows;
}

int duplicated_ids(const std::map<std::string, int>& ids) {
    int n = 0;
    for (const auto& [id, count] : ids) n += count > 1 ? 1 : 0;
    return n;
}

class ExampleProject : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir();
        s_summary = new ExampleSummary(generate_example({s_dir->file("ex"), 12901293, Month(2026, 10), false}));
    }
    static void TearDownTestSuite() {
        delete s_summary;
        delete s_dir;
    }
    static fs::path path(const std::string& rel) { return fs::path(s_dir->file("ex")) / rel; }

    static test::TempDir* s_dir;
    static ExampleSummary* s_summary;
};
test::TempDir* ExampleProject::s_dir = nullptr;
ExampleSummary* ExampleProject::s_summary = nullptr;

TEST(ExampleMap, DistrictsCoverEachMunicipalityExactlyWithoutOverlap) {
    geos::Context ctx;
    const ExampleMap map = build_map(ctx);
    ASSERT_EQ(map.municipalities.size(), 2u);
    for (const auto& m : map.municipalities) {
        const double area = geos::area(ctx, m.geom.get());
        // Real areas (SCB): Kristianstad 1 330 km², Hässleholm 1 309 km²; the hand-drawn outlines are coarse.
        EXPECT_GT(area, 1000e6) << m.name;
        EXPECT_LT(area, 1600e6) << m.name;
        double sum = 0;
        int count = 0;
        for (const auto& d : map.districts) {
            if (d.municipality != m.municipality) continue;
            ++count;
            sum += geos::area(ctx, d.geom.get());
            EXPECT_TRUE(geos::is_valid(ctx, d.geom.get())) << d.name;
            EXPECT_TRUE(geos::prepared_contains(ctx, d.prepared.get(), geos::make_point(ctx, d.town->x, d.town->y).get()))
                << d.name << " holds its own town";
        }
        EXPECT_GE(count, 15);
        EXPECT_NEAR(sum, area, area * 1e-9) << "districts of " << m.name << " neither overlap nor leave gaps";
    }
    // The two municipalities share their border: together they are one polygon without a gap.
    const auto both = geos::unary_union(ctx, geos::intersection(ctx, map.municipalities[0].geom.get(),
                                                                map.municipalities[1].geom.get()).get());
    EXPECT_LT(geos::area(ctx, both.get()), 1.0);
}

TEST_F(ExampleProject, WritesTheConfigAndEveryDeliveryForTwoMonths) {
    EXPECT_EQ(s_summary->first_month.str(), "2026-09");
    const config::Config c = config::load(path("bostad.toml").string());
    ASSERT_EQ(c.municipalities.size(), 2u);
    EXPECT_EQ(c.find_municipality("1293")->targets.at(0).dwellings, 3000);
    EXPECT_EQ(c.find_municipality("1290")->official_completions.at(2024), 161);
    ASSERT_EQ(c.sources.size(), 4u);
    for (const auto& s : c.sources) {
        for (const auto& f : s.files) {
            for (const Month m : {Month(2026, 9), Month(2026, 10)}) {
                EXPECT_TRUE(fs::exists(config::expand_month(f, m))) << config::expand_month(f, m);
            }
        }
    }
    ASSERT_EQ(c.area_sets.size(), 2u);
    EXPECT_EQ(c.report.area_set, "distrikt");
    // Nothing but the project is left in the folder.
    std::set<std::string> entries;
    for (const auto& e : fs::directory_iterator(path(""))) entries.insert(e.path().filename().string());
    EXPECT_EQ(entries, (std::set<std::string>{"bostad.toml", "data"}));
}

TEST_F(ExampleProject, IsDeterministicAndRefusesToOverwrite) {
    test::TempDir other;
    generate_example({other.file("ex"), 12901293, Month(2026, 10), false});
    for (const auto& e : fs::recursive_directory_iterator(path(""))) {
        if (!e.is_regular_file()) continue;
        const fs::path rel = fs::relative(e.path(), path(""));
        EXPECT_EQ(test::file_bytes(e.path()), test::file_bytes(fs::path(other.file("ex")) / rel)) << rel;
    }
    EXPECT_THROW(generate_example({other.file("ex"), 1, Month(2026, 10), false}), UsageError);
    const auto replaced = generate_example({other.file("ex"), 7, Month(2026, 10), true});
    EXPECT_NE(test::file_bytes(path("data/2026-10/kristianstad_bygglov.csv")),
              test::file_bytes(fs::path(other.file("ex")) / "data/2026-10/kristianstad_bygglov.csv"));
}

TEST_F(ExampleProject, KristianstadCsvIsSwedishIn1330WithItsDefects) {
    const auto rows = read_csv(path("data/2026-10/kristianstad_bygglov.csv"), ';');
    ASSERT_GT(rows.size(), 500u);
    const auto& h = rows[0];
    EXPECT_EQ(h.front(), "Diarienummer");
    EXPECT_EQ(h[5], "Antal lägenheter");
    std::map<std::string, int> ids;
    int no_coords = 0;
    int bad_dates = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        ASSERT_EQ(r.size(), h.size()) << i;
        ++ids[r[0]];
        if (r[12].empty()) {
            ++no_coords;
            continue;
        }
        // SWEREF 99 13 30 with decimal comma: eastings 145–210 km (gis-notes.md).
        const double e = std::stod(std::string(r[12]).replace(r[12].find(','), 1, "."));
        const double n = std::stod(std::string(r[13]).replace(r[13].find(','), 1, "."));
        EXPECT_GT(e, 145000);
        EXPECT_LT(e, 210000);
        EXPECT_GT(n, 6181000);
        EXPECT_LT(n, 6256000);
        for (int col : {7, 9, 10, 11}) {
            if (!r[static_cast<std::size_t>(col)].empty() && !Date::parse_iso(r[static_cast<std::size_t>(col)])) ++bad_dates;
        }
    }
    EXPECT_EQ(no_coords, 1);
    EXPECT_EQ(bad_dates, 1);
    EXPECT_EQ(duplicated_ids(ids), 1);
}

TEST_F(ExampleProject, HassleholmShapefileIsLatin1InSweref99TmWithItsDefects) {
    EXPECT_EQ(test::read_file(path("data/2026-10/hassleholm_bygglov.cpg")), "ISO-8859-1");
    const std::string dbf = test::file_bytes(path("data/2026-10/hassleholm_bygglov.dbf"));
    EXPECT_NE(dbf.find("\xC4R"), std::string::npos) << "ÄR written as Latin-1";
    EXPECT_EQ(dbf.find("\xC3\x84R"), std::string::npos) << "no UTF-8 in the .dbf";
    const auto layer = test::read_layer(path("data/2026-10/hassleholm_bygglov.shp").string());
    EXPECT_EQ(layer.srs_authority_code, "3006");
    std::map<std::string, int> ids;
    int no_geometry = 0;
    int bad_dates = 0;
    for (const auto& r : layer.rows) {
        ++ids[r.fields.at("DIARIENR")];
        if (r.wkt.empty()) ++no_geometry;
        for (const char* f : {"INKOMMEN", "BEVILJAT", "AVSLAGET", "AVSKRIVET", "STARTBESK", "SLUTBESK"}) {
            const auto it = r.fields.find(f);
            if (it == r.fields.end()) continue;
            const std::string& v = it->second;
            if (!Date::parse_iso(v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2))) ++bad_dates;
        }
    }
    EXPECT_EQ(no_geometry, 1);
    EXPECT_EQ(bad_dates, 1);
    EXPECT_EQ(duplicated_ids(ids), 1);
}

TEST_F(ExampleProject, VolumesAreInLineWithScb) {
    // Completed dwellings per year from the newest exports, against SCB's 2019–2024 averages
    // (Kristianstad ≈ 342 a year, Hässleholm ≈ 200 a year; domain.md).
    std::map<int, double> k;
    const auto rows = read_csv(path("data/2026-10/kristianstad_bygglov.csv"), ';');
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (!rows[i][11].empty()) k[std::stoi(rows[i][11].substr(0, 4))] += std::stod(rows[i][5]);
    }
    std::map<int, double> h;
    for (const auto& r : test::read_layer(path("data/2026-10/hassleholm_bygglov.shp").string()).rows) {
        if (r.fields.contains("SLUTBESK")) h[std::stoi(r.fields.at("SLUTBESK").substr(0, 4))] += std::stod(r.fields.at("ANTAL_LGH"));
    }
    const double k_mean = (k[2022] + k[2023] + k[2024] + k[2025]) / 4.0;
    const double h_mean = (h[2022] + h[2023] + h[2024] + h[2025]) / 4.0;
    EXPECT_GT(k_mean, 0.6 * 342);
    EXPECT_LT(k_mean, 1.5 * 342);
    EXPECT_GT(h_mean, 0.6 * 200);
    EXPECT_LT(h_mean, 1.5 * 200);
}

TEST_F(ExampleProject, PlansHaveStatusesDefectsAndChangeBetweenMonths) {
    const auto k = test::read_layer(path("data/2026-10/kristianstad_detaljplaner.gpkg").string(), "detaljplaner");
    EXPECT_EQ(k.srs_authority_code, "3008");
    std::set<std::string> statuses;
    for (const auto& r : k.rows) statuses.insert(r.fields.at("PLANSTATUS"));
    EXPECT_TRUE(statuses.contains("Laga kraft"));
    EXPECT_TRUE(statuses.contains("Samråd") || statuses.contains("Granskning"));

    const auto sep = test::read_layer(path("data/2026-09/hassleholm_detaljplaner.gpkg").string(), "planomraden");
    const auto oct = test::read_layer(path("data/2026-10/hassleholm_detaljplaner.gpkg").string(), "planomraden");
    std::map<std::string, std::string> before;
    for (const auto& r : sep.rows) before[r.fields.at("beteckning")] = r.fields.at("status");
    int became_legal = 0;
    for (const auto& r : oct.rows) {
        const auto it = before.find(r.fields.at("beteckning"));
        if (it != before.end() && it->second == "antagen" && r.fields.at("status") == "gällande") ++became_legal;
    }
    EXPECT_EQ(became_legal, 1) << "one plan gains legal force between the two exports";

    geos::Context ctx;
    int invalid = 0;
    for (const auto& r : oct.rows) invalid += geos::is_valid(ctx, ctx.from_wkt(r.wkt).get()) ? 0 : 1;
    EXPECT_EQ(invalid, 2) << "a repairable self-touching ring and a bowtie";
}

TEST_F(ExampleProject, GeoPackagesPassTheValidator) {
    for (const char* f : {"data/omraden.gpkg", "data/2026-10/kristianstad_detaljplaner.gpkg",
                          "data/2026-10/hassleholm_detaljplaner.gpkg"}) {
        EXPECT_EQ(test::validate_gpkg(path(f).string()), "") << f;
    }
    const auto districts = test::read_layer(path("data/omraden.gpkg").string(), "distrikt");
    EXPECT_EQ(districts.rows.size(), s_summary->districts);
    EXPECT_EQ(districts.rows.front().fields.at("area_id"), "1290-01");
}

} // namespace
} // namespace bostad::example
