#include <gtest/gtest.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::config {
namespace {

std::string error_of(std::string_view text, const std::string& path = "bostad.toml") {
    try {
        parse(text, path);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(Config, ReadsAFullConfig) {
    test::TempDir dir;
    test::write_file(dir.path() / "districts.gpkg", "x");
    const std::string path = dir.file("bostad.toml");
    const Config c = parse(R"(
[store]
db = "store/bostad.gpkg"

[[municipality]]
code = "1293"
name = "Hässleholm"
official_completions = { "2023" = 336, "2024" = 131 }
[[municipality.target]]
from = "2020-01"
to = "2030-12"
dwellings = 3000

[mapping.hlm]
crs = "EPSG:3006"
encoding = "ISO-8859-1"
date_formats = ["YYYYMMDD", "YYYY-MM-DD"]
decimal = ","
[mapping.hlm.fields]
case_id = "DIARIENR"
[mapping.hlm.values.house_type]
"FLB" = "flerbostadshus"

[[source]]
name = "hlm-permits"
kind = "permits"
files = ["data/{month}/bygglov.shp"]
mapping = "hlm"
full_snapshot = true

[[area_set]]
name = "districts"
vintage = "2026"
files = ["districts.gpkg"]

[report]
area_set = "districts"
lang = "en"
formats = ["html", "csv"]
)",
                           path);
    EXPECT_EQ(*c.db, (dir.path() / "store/bostad.gpkg").string());
    ASSERT_EQ(c.municipalities.size(), 1u);
    EXPECT_EQ(c.municipalities[0].name, "Hässleholm");
    EXPECT_EQ(c.municipalities[0].official_completions.at(2024), 131);
    ASSERT_EQ(c.municipalities[0].targets.size(), 1u);
    EXPECT_EQ(c.municipalities[0].targets[0].to.str(), "2030-12");
    EXPECT_EQ(c.municipalities[0].targets[0].dwellings, 3000);
    const Mapping* m = c.find_mapping("hlm");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->fields.at("case_id"), "DIARIENR");
    EXPECT_EQ(m->values.at("house_type").at("FLB"), "flerbostadshus");
    EXPECT_EQ(m->decimal, ',');
    EXPECT_EQ(m->date_formats.front(), "YYYYMMDD");
    ASSERT_EQ(c.sources.size(), 1u);
    EXPECT_TRUE(c.sources[0].full_snapshot);
    EXPECT_EQ(expand_month(c.sources[0].files[0], Month(2026, 10)), (dir.path() / "data/2026-10/bygglov.shp").string());
    EXPECT_EQ(c.report.lang, "en");
    EXPECT_EQ(c.report.area_set, "districts");
}

TEST(Config, EmptyFileIsValid) {
    const Config c = parse("", "bostad.toml");
    EXPECT_TRUE(c.sources.empty());
    EXPECT_EQ(c.report.lang, "sv");
}

TEST(Config, BadTomlNamesTheLine) {
    const std::string msg = error_of("[store]\ndb = \"x.gpkg\nname = 1\n");
    EXPECT_NE(msg.find("bostad.toml:2:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("not valid TOML"), std::string::npos) << msg;
}

TEST(Config, UnknownKeyIsNamedWithASuggestion) {
    const std::string msg = error_of("[store]\ndb = \"x.gpkg\"\n\n[[municipality]]\ncode = \"1290\"\nname = \"K\"\ntargte = []\n");
    EXPECT_NE(msg.find("bostad.toml:7: municipality[0].targte: unknown key 'targte' (did you mean 'target'?)"),
              std::string::npos)
        << msg;
    const std::string top = error_of("[stor]\ndb = \"x\"\n");
    EXPECT_NE(top.find("stor: unknown key 'stor' (did you mean 'store'?)"), std::string::npos) << top;
}

TEST(Config, WrongTypeIsNamed) {
    const std::string msg = error_of("[[municipality]]\ncode = 1290\nname = \"Kristianstad\"\n");
    EXPECT_NE(msg.find("municipality[0].code: expected a string, found an integer (1290)"), std::string::npos) << msg;
    const std::string date = error_of("[[municipality]]\ncode = \"1290\"\nname = \"K\"\n[[municipality.target]]\n"
                                      "from = 2020-01-01\nto = \"2030-12\"\ndwellings = 5\n");
    EXPECT_NE(date.find("municipality[0].target[0].from: expected a string, found a TOML date"), std::string::npos) << date;
}

TEST(Config, PlanProgrammesTakeARateOrYearByYear) {
    const Config c = parse("[[plan_programme]]\nplan_id = \"P1\"\nmunicipality = \"1290\"\ndwellings_per_year = 40\n"
                           "[[plan_programme]]\nplan_id = \"P2\"\nmunicipality = \"1293\"\nyears = { \"2027\" = 40, \"2028\" = 60.5 }\n",
                           "b.toml");
    ASSERT_EQ(c.plan_programmes.size(), 2u);
    const PlanProgramme* rate = c.find_plan_programme("1290", "P1");
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ(rate->dwellings_per_year, 40.0);
    EXPECT_TRUE(rate->years.empty());
    const PlanProgramme* years = c.find_plan_programme("1293", "P2");
    ASSERT_NE(years, nullptr);
    EXPECT_FALSE(years->dwellings_per_year);
    EXPECT_EQ(years->years, (std::map<int, double>{{2027, 40.0}, {2028, 60.5}}));
    EXPECT_EQ(c.find_plan_programme("1290", "P2"), nullptr);

    const std::string both = error_of("[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\ndwellings_per_year = 4\n"
                                      "years = { \"2027\" = 4 }\n");
    EXPECT_NE(both.find("plan_programme[0]: give either dwellings_per_year or years"), std::string::npos) << both;
    const std::string neither = error_of("[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\n");
    EXPECT_NE(neither.find("plan_programme[0]: give either dwellings_per_year or years"), std::string::npos) << neither;
    const std::string twice = error_of("[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\ndwellings_per_year = 4\n"
                                       "[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\ndwellings_per_year = 5\n");
    EXPECT_NE(twice.find("plan_programme[1]: plan P of 1290 is listed twice"), std::string::npos) << twice;
    const std::string year = error_of("[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\nyears = { \"27\" = 4 }\n");
    EXPECT_NE(year.find("plan_programme[0].years"), std::string::npos) << year;
    const std::string negative = error_of("[[plan_programme]]\nplan_id = \"P\"\nmunicipality = \"1290\"\ndwellings_per_year = -1\n");
    EXPECT_NE(negative.find("plan_programme[0].dwellings_per_year"), std::string::npos) << negative;
}

TEST(Config, EnumsAndPatternsListWhatIsAccepted) {
    const std::string kind = error_of("[[source]]\nname = \"a\"\nkind = \"permit\"\nfiles = [\"{month}.csv\"]\n");
    EXPECT_NE(kind.find("source[0].kind: 'permit' is not accepted; use \"permits\" or \"plans\""), std::string::npos) << kind;
    const std::string code = error_of("[[municipality]]\ncode = \"129\"\nname = \"K\"\n");
    EXPECT_NE(code.find("municipality[0].code: '129' does not have the expected form"), std::string::npos) << code;
    const std::string missing = error_of("[[municipality]]\nname = \"K\"\n");
    EXPECT_NE(missing.find("municipality[0]: the required key 'code' is missing"), std::string::npos) << missing;
}

TEST(Config, KommunerAreRealAndNamedBySCBUnlessTheProjectNamesThem) {
    const Config c = parse("[[municipality]]\ncode = \"1290\"\n[[municipality]]\ncode = \"1293\"\nname = \"Hässleholms kommun\"\n", "b.toml");
    ASSERT_EQ(c.municipalities.size(), 2u);
    EXPECT_EQ(c.municipalities[0].name, "Kristianstad");
    EXPECT_EQ(c.municipalities[1].name, "Hässleholms kommun");
    EXPECT_EQ(c.project_codes(), (std::vector<std::string>{"1290", "1293"}));
    EXPECT_TRUE(c.covers("1293"));
    EXPECT_FALSE(c.covers("1292"));
    const Config all = parse("", "b.toml");
    EXPECT_TRUE(all.project_codes().empty());
    EXPECT_TRUE(all.covers("1292")); // no [[municipality]]: every kommun

    const std::string fake = error_of("[[municipality]]\ncode = \"9999\"\n");
    EXPECT_NE(fake.find("municipality[0].code: '9999' is not a kommun code"), std::string::npos) << fake;
    const std::string former = error_of("[[municipality]]\ncode = \"1190\"\n");
    EXPECT_NE(former.find("'1190' is a former code: today's is Kristianstad (1290)"), std::string::npos) << former;
}

TEST(Config, KommunValuesMayBeNamesAndAreKeptAsCodes) {
    const Config c = parse("[mapping.k]\nmunicipality = \"Kristianstads kommun\"\n", "b.toml");
    EXPECT_EQ(*c.find_mapping("k")->municipality, "1290");
    const std::string bad = error_of("[mapping.k]\nmunicipality = \"Kristianstadt\"\n");
    EXPECT_NE(bad.find("mapping.k.municipality: 'Kristianstadt' is not a kommun; did you mean Kristianstad (1290)?"),
              std::string::npos) << bad;
}

TEST(Config, BoundariesTakeAnAreaSetAndATolerance) {
    test::TempDir dir;
    test::write_file(dir.path() / "k.gpkg", "x");
    const std::string sets = "[[area_set]]\nname = \"kommuner\"\nfiles = [\"k.gpkg\"]\n";
    const Config c = parse(sets + "[boundaries]\narea_set = \"kommuner\"\ntolerance_km = 0.5\n", dir.file("bostad.toml"));
    EXPECT_EQ(c.boundaries.area_set, "kommuner");
    EXPECT_DOUBLE_EQ(c.boundaries.tolerance_m, 500);
    EXPECT_TRUE(c.notes.empty());
    const Config plain = parse("", "b.toml");
    EXPECT_FALSE(plain.boundaries.area_set);
    EXPECT_DOUBLE_EQ(plain.boundaries.tolerance_m, 5000);
    // The former key is still read, with a note.
    const Config former = parse(sets + "[report]\nboundary_area_set = \"kommuner\"\n", dir.file("bostad.toml"));
    EXPECT_EQ(former.boundaries.area_set, "kommuner");
    ASSERT_EQ(former.notes.size(), 1u);
    EXPECT_NE(former.notes[0].find("[report] boundary_area_set is now [boundaries] area_set"), std::string::npos) << former.notes[0];
    const std::string unknown = error_of("[boundaries]\narea_set = \"nope\"\n");
    EXPECT_NE(unknown.find("boundaries.area_set: no [[area_set]] named 'nope'"), std::string::npos) << unknown;
    const std::string negative = error_of("[boundaries]\ntolerance_km = -1\n");
    EXPECT_NE(negative.find("boundaries.tolerance_km"), std::string::npos) << negative;
}

TEST(Config, MissingFileIsNamedByItsKey) {
    test::TempDir dir;
    const std::string msg = error_of("[[source]]\nname = \"a\"\nkind = \"plans\"\nfiles = [\"plans.gpkg\"]\n",
                                     dir.file("bostad.toml"));
    EXPECT_NE(msg.find("source[0].files[0]: file '" + dir.file("plans.gpkg") + "' not found"), std::string::npos) << msg;
}

TEST(Config, ReferencesMustResolve) {
    const std::string msg = error_of("[mapping.a]\ncrs = \"EPSG:3006\"\n[[source]]\nname = \"s\"\nkind = \"plans\"\n"
                                     "files = [\"{month}.gpkg\"]\nmapping = \"b\"\n[report]\narea_set = \"nope\"\n");
    EXPECT_NE(msg.find("source[0].mapping: no [mapping.b] in this file (mappings: a)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("report.area_set: no [[area_set]] named 'nope'"), std::string::npos) << msg;
}

TEST(Config, AllProblemsAreListedAtOnce) {
    const std::string msg = error_of("[stor]\n[[municipality]]\ncode = 1\nname = 2\n");
    EXPECT_NE(msg.find("stor"), std::string::npos);
    EXPECT_NE(msg.find("municipality[0].code"), std::string::npos);
    EXPECT_NE(msg.find("municipality[0].name"), std::string::npos);
}

} // namespace
} // namespace bostad::config
