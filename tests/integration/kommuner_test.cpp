// Every Swedish kommun (issue 16), through the command line as a user runs it: real codes and names, the
// location check on the kommun outlines, a project of some kommuner in a store that holds more, areas placed
// by location, outlines in the export and on the report's maps, and the six kommuner of Skåne Nordost end to
// end (ingest, status, export opened in headless QGIS, report).
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/figures.hpp"
#include "support/files.hpp"
#include "support/ogr_read.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "sweden/kommuner.hpp"
#include "sweden/tatorter.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string k_permit_header = "case_id,municipality,house_type,tenure,dwellings,applied_date,granted_date,started_date,completed_date,x,y\n";

/// A permit row at (x, y) in EPSG:3006.
std::string permit(const std::string& id, const std::string& kommun, double x, double y, int dwellings = 2,
                   const std::string& dates = "2026-01-10,2026-03-01,2026-05-01,") {
    return fmt::format("{},{},flerbostadshus,hyresrätt,{},{},{:.0f},{:.0f}\n", id, kommun, dwellings, dates, x, y);
}

std::string square(double x, double y, double half) {
    return fmt::format("\"POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))\"", x - half, y - half, x + half, y + half);
}

/// The config of a project of these kommuner (none: every kommun), with an area set and a report area set.
std::string config(const std::vector<std::string>& kommuner, const std::string& area_set = "", const std::string& extra = "") {
    std::string c;
    for (const auto& k : kommuner) c += fmt::format("[[municipality]]\ncode = \"{}\"\n\n", k);
    if (!area_set.empty()) {
        c += fmt::format("[[area_set]]\nname = \"{0}\"\nfiles = [\"{0}.csv\"]\ncrs = \"EPSG:3006\"\n\n[report]\narea_set = \"{0}\"\n"
                         "formats = [\"html\", \"csv\"]\n\n", area_set);
    }
    return c + extra;
}

/// Σ municipalities = total and Σ areas + unassigned = total, for every figure.
void expect_conserved(const json& s) {
    for (const auto& f : figure_defs()) {
        const std::string key(f.key);
        long long municipalities = 0, areas = s["unassigned"][key].get<long long>();
        for (const auto& m : s["municipalities"]) municipalities += m[key].get<long long>();
        for (const auto& a : s["areas"]) areas += a[key].get<long long>();
        EXPECT_EQ(municipalities, s["total"][key].get<long long>()) << key;
        EXPECT_EQ(areas, s["total"][key].get<long long>()) << key;
    }
}

std::set<std::string> codes_of(const json& status) {
    std::set<std::string> out;
    for (const auto& m : status["municipalities"]) out.insert(m["code"].get<std::string>());
    return out;
}

/// A tätort's point by name and kommun.
const sweden::Tatort& tatort(const std::string& name, const std::string& kommun) {
    for (const auto& t : sweden::tatorter()) {
        if (t.name == name && t.kommun == kommun) return t;
    }
    throw std::runtime_error("no tätort " + name);
}

class Kommuner : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_EQ(bostad({"init"}).exit_code, 0); }
    ProcessResult bostad(std::vector<std::string> args) {
        ProcessOptions o;
        o.cwd = dir.path().string();
        return run_bostad(args, o);
    }
    json ok_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--of", "json"});
        const auto r = bostad(args);
        EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
        return r.exit_code == 0 ? json::parse(r.out) : json::object();
    }
    /// The ingest's report (`--of json` gives one per request).
    json ingest(std::vector<std::string> args) {
        args.insert(args.begin(), "ingest");
        const json all = ok_json(args);
        return all.is_array() && all.size() == 1 ? all[0] : json::object();
    }
    TempDir dir;
};

// Points in EPSG:3006 against SCB's generalised outlines.
constexpr double k_hassleholm_x = 422767, k_hassleholm_y = 6224172;   // central Hässleholm (E 13.7566, N 56.1563)
constexpr double k_kristianstad_x = 445500, k_kristianstad_y = 6209000;
constexpr double k_border_x = 436000, k_border_y = 6216000;            // 0.4 km inside Hässleholm's outline
constexpr double k_sea_x = 462000, k_sea_y = 6195000;                  // Hanöbukten, 4.7 km off Kristianstad

TEST_F(Kommuner, AMislabelledPermitIsRejectedNamingTheKommunItLiesIn) {
    const auto& falkenberg = tatort("Falkenberg", "1382");
    write_file(dir.path() / "permits.csv",
               k_permit_header + permit("A", "1290", k_hassleholm_x, k_hassleholm_y) +   // in Hässleholm: wrong
                   permit("B", "1290", k_kristianstad_x, k_kristianstad_y) +              // right
                   permit("C", "1290", k_border_x, k_border_y) +                          // just over the border: flagged
                   permit("D", "1290", k_sea_x, k_sea_y) +                                // at sea off its coast: right
                   permit("E", "1272", k_sea_x, k_sea_y) +                                // at sea, far nearer Kristianstad
                   permit("F", "9999", k_kristianstad_x, k_kristianstad_y) +              // no such kommun
                   permit("G", "0000", k_kristianstad_x, k_kristianstad_y) +
                   permit("H", "Falkenberg", falkenberg.x, falkenberg.y) +                // a name
                   permit("I", "Kristianstads kommun", k_kristianstad_x, k_kristianstad_y) +
                   permit("J", "1190", k_kristianstad_x, k_kristianstad_y));              // Kristianstad's code before 1997
    const json r = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});
    EXPECT_EQ(r["read"], 10);
    EXPECT_EQ(r["inserted"], 6) << r.dump(2);
    EXPECT_EQ(r["rejected_by_reason"], (json{{"invalid_municipality", 2}, {"wrong_municipality", 2}})) << r.dump(2);
    EXPECT_EQ(r["near_border"], 1);
    ASSERT_EQ(r["near_border_samples"].size(), 1u);
    EXPECT_NE(r["near_border_samples"][0].get<std::string>().find("lies in Hässleholm (1293), 0.4 km inside its boundary"),
              std::string::npos) << r["near_border_samples"];
    std::map<std::string, std::string> messages;
    for (const auto& s : r["rejected_samples"]) messages[s["key"].get<std::string>()] = s["message"].get<std::string>();
    EXPECT_NE(messages["A"].find("lies in Hässleholm (1293), 13.7 km inside its boundary, not in Kristianstad (1290)"),
              std::string::npos) << messages["A"];
    EXPECT_NE(messages["E"].find("lies outside every kommun, 15.2 km from Bromölla (1272) and 4.7 km from Kristianstad (1290)"),
              std::string::npos) << messages["E"];
    EXPECT_NE(messages["F"].find("'9999' is not a kommun code"), std::string::npos) << messages["F"];
    // I and J are the same case as B once their kommun is known: the delivery holds B three times.
    EXPECT_EQ(r["repeated"], 0) << "I and J differ from B only in how they name Kristianstad";

    // Without a config every kommun is in the project: the names became codes.
    const json s = ok_json({"status", "--month", "2026-10"});
    EXPECT_EQ(codes_of(s), (std::set<std::string>{"1290", "1382"}));
    expect_conserved(s);
    // --municipality takes a name too.
    const json k = ok_json({"status", "--month", "2026-10", "--municipality", "Kristianstad"});
    EXPECT_EQ(codes_of(k), std::set<std::string>{"1290"});
    const auto bad = bostad({"status", "--month", "2026-10", "--municipality", "Kristianstadt"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--municipality: 'Kristianstadt' is not a kommun; did you mean Kristianstad (1290)?"), std::string::npos)
        << bad.err;
}

TEST_F(Kommuner, RowsOfAKommunOutsideTheProjectAreRejectedOrSkippedAndNeverBoth) {
    const auto& angelholm = tatort("Ängelholm", "1292");
    const std::string mapping = "[mapping.skip]\nother_municipalities = \"skip\"\n[mapping.skip.fields]\n"
                                "case_id = \"case_id\"\nmunicipality = \"municipality\"\nhouse_type = \"house_type\"\n"
                                "dwellings = \"dwellings\"\napplied_date = \"applied_date\"\ngranted_date = \"granted_date\"\n"
                                "started_date = \"started_date\"\ncompleted_date = \"completed_date\"\n"
                                "tenure = \"tenure\"\nx = \"x\"\ny = \"y\"\n";
    write_file(dir.path() / "bostad.toml", config({"1290", "1293"}, "", mapping));
    write_file(dir.path() / "permits.csv", k_permit_header + permit("A", "1290", k_kristianstad_x, k_kristianstad_y) +
                                               permit("C", "Ängelholm", angelholm.x, angelholm.y, 5) +
                                               permit("X", "Kristianstadt", k_kristianstad_x, k_kristianstad_y));
    // By default a row of another kommun is quarantined, as other_municipality.
    const json r = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});
    EXPECT_EQ(r["inserted"], 1) << r.dump(2);
    EXPECT_EQ(r["rejected_by_reason"], (json{{"invalid_municipality", 1}, {"other_municipality", 1}})) << r.dump(2);
    EXPECT_EQ(r["skipped"], 0);
    // With other_municipalities = "skip" it is skipped and counted; a misspelt kommun is still rejected.
    const json k = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006", "--mapping", "skip"});
    EXPECT_EQ(k["skipped"], 1) << k.dump(2);
    EXPECT_EQ(k["skipped_by_reason"], (json{{"other_municipality", 1}}));
    ASSERT_EQ(k["skipped_samples"].size(), 1u);
    EXPECT_EQ(k["skipped_samples"][0]["key"], "C");
    EXPECT_NE(k["skipped_samples"][0]["message"].get<std::string>().find("Ängelholm (1292) is not one of the project's kommuner"),
              std::string::npos) << k["skipped_samples"];
    EXPECT_EQ(k["rejected_by_reason"], (json{{"invalid_municipality", 1}})) << "skipped rows are never also rejected";
    EXPECT_EQ(k["read"].get<int>(), k["inserted"].get<int>() + k["updated"].get<int>() + k["unchanged"].get<int>() +
                                        k["skipped"].get<int>() + k["rejected"].get<int>());
}

TEST_F(Kommuner, AProjectsKommunerScopeItsOutputsAndTheRestStaysStored) {
    const auto& angelholm = tatort("Ängelholm", "1292");
    // Stored while the project covered every kommun; then the config names two.
    write_file(dir.path() / "distrikt.csv", "area_id,name,municipality,wkt\nK1,Kristianstad,1290," +
                                                square(k_kristianstad_x, k_kristianstad_y, 2000) + "\nA1,Ängelholm,1292," +
                                                square(angelholm.x, angelholm.y, 2000) + "\n");
    write_file(dir.path() / "bostad.toml", config({}, "distrikt"));
    ingest({"distrikt.csv", "--kind", "areas", "--area-set", "distrikt", "--crs", "EPSG:3006"});
    write_file(dir.path() / "permits.csv", k_permit_header + permit("A", "1290", k_kristianstad_x, k_kristianstad_y) +
                                               permit("B", "1293", k_hassleholm_x, k_hassleholm_y, 3) +
                                               permit("C", "1292", angelholm.x, angelholm.y, 5) +
                                               permit("D", "1292", angelholm.x, angelholm.y, 1, "2024-11-01,2024-12-01,,"));
    const json r = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});
    EXPECT_EQ(r["inserted"], 4) << "a project of every kommun takes Ängelholm's rows";
    write_file(dir.path() / "bostad.toml", config({"1290", "1293"}, "distrikt"));
    const json a = ingest({"distrikt.csv", "--kind", "areas", "--area-set", "distrikt", "--crs", "EPSG:3006"});
    EXPECT_EQ(a["outside_project"], (json{{"1292", 1}})) << "areas are reference geometry: kept, and named";
    const json s = ok_json({"status", "--month", "2026-10"});
    EXPECT_EQ(codes_of(s), (std::set<std::string>{"1290", "1293"}));
    EXPECT_EQ(s["total"]["started"], 5) << "Ängelholm's 5 dwellings are left out";
    expect_conserved(s);
    // Nor does the report name them: D would lapse within 6 months.
    const auto rep = bostad({"report", "--month", "2026-10", "-o", "rapport", "--format", "csv"});
    ASSERT_EQ(rep.exit_code, 0) << rep.err;
    for (const auto& f : fs::directory_iterator(dir.path() / "rapport" / "csv")) {
        EXPECT_EQ(read_file(f.path()).find("1292"), std::string::npos) << f.path();
    }
    const auto ex = bostad({"export", "--month", "2026-10", "-o", "x.gpkg"});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_EQ(read_layer(dir.file("x.gpkg"), "permits").rows.size(), 2u);
    EXPECT_EQ(read_layer(dir.file("x.gpkg"), "areas").rows.size(), 1u) << "Ängelholm's area is left out";
}

TEST_F(Kommuner, AreasWithoutAKommunArePlacedByLocationAndOutlinedInExportAndReport) {
    write_file(dir.path() / "bostad.toml", config({"1290", "1293"}, "distrikt"));
    // A district layer as a planner draws it: no kommun column. One straddles the border.
    write_file(dir.path() / "distrikt.csv",
               "area_id,name,wkt\n"
               "K1,Kristianstad centrum," + square(k_kristianstad_x, k_kristianstad_y, 2000) + "\n"
               "H1,Hässleholm centrum," + square(k_hassleholm_x, k_hassleholm_y, 2000) + "\n"
               "G1,Gränsen," + square(436000, 6216000, 1000) + "\n");
    const json a = ingest({"distrikt.csv", "--kind", "areas", "--area-set", "distrikt", "--crs", "EPSG:3006"});
    EXPECT_EQ(a["placed_by_location"], (json{{"1290", 1}, {"1293", 2}})) << a.dump(2);
    ASSERT_EQ(a["split_areas"].size(), 1u);
    EXPECT_NE(a["split_areas"][0].get<std::string>().find("area 'G1' lies in Hässleholm (1293)"), std::string::npos) << a["split_areas"];
    write_file(dir.path() / "permits.csv", k_permit_header + permit("A", "1290", k_kristianstad_x, k_kristianstad_y) +
                                               permit("B", "1293", k_hassleholm_x, k_hassleholm_y, 3) +
                                               permit("C", "1290", k_border_x, k_border_y)); // just over the border
    ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});

    const json s = ok_json({"status", "--month", "2026-10"});
    std::map<std::string, std::string> kommun;
    for (const auto& area : s["areas"]) kommun[area["area_id"].get<std::string>()] = area["municipality"].get<std::string>();
    EXPECT_EQ(kommun, (std::map<std::string, std::string>{{"G1", "1293"}, {"H1", "1293"}, {"K1", "1290"}}));
    expect_conserved(s);

    // The export's municipalities have outlines (SCB's: the project gives none).
    ASSERT_EQ(bostad({"export", "--month", "2026-10", "-o", "x.gpkg"}).exit_code, 0);
    const OgrLayer m = read_layer(dir.file("x.gpkg"), "municipalities");
    ASSERT_EQ(m.rows.size(), 2u);
    for (const auto& row : m.rows) {
        EXPECT_TRUE(row.wkt.starts_with("MULTIPOLYGON")) << row.fields.at("code") << ": " << row.wkt.substr(0, 40);
    }
    // The report's maps are drawn, with tätorter named and the neighbours around.
    const auto rep = bostad({"report", "--month", "2026-10", "-o", "rapport"});
    ASSERT_EQ(rep.exit_code, 0) << rep.err;
    const std::string html = read_file(dir.path() / "rapport" / "rapport-2026-10.html");
    EXPECT_EQ(html.find("Inga områden att visa"), std::string::npos);
    EXPECT_NE(html.find(">Kristianstad</text>"), std::string::npos) << "the tätort is named on the map";
    EXPECT_NE(html.find(">Hässleholm</text>"), std::string::npos);
    EXPECT_NE(html.find("fill=\"#f2f2f2\""), std::string::npos) << "neighbouring kommuner drawn faintly";
    EXPECT_NE(html.find("Kommungränser: SCB:s generaliserade kommungränser (inbyggda)"), std::string::npos);
    // The permit just over the border is listed in the data quality.
    const std::string border = read_file(dir.path() / "rapport" / "csv" / "near_border.csv");
    EXPECT_NE(border.find("C"), std::string::npos) << border;
    EXPECT_NE(border.find("lies in Hässleholm (1293), 0.4 km inside its boundary"), std::string::npos) << border;
    EXPECT_EQ(border.find("\"A\""), std::string::npos) << border;
}

TEST_F(Kommuner, TheProjectsOwnBoundariesReplaceTheBuiltInOnesInTheCheck) {
    // The project's Kristianstad: SCB's outline with a bump over the border, where SCB's outline puts a point
    // 0.4 km inside Hässleholm. With a tolerance of 0.1 km the point is Kristianstad's only by the project's own.
    std::string wkt = sweden::find_kommun("1290")->wkt;
    wkt.pop_back(); // the MULTIPOLYGON's closing parenthesis
    wkt += fmt::format(", (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1})))", k_border_x - 1500, k_border_y - 1500, k_border_x + 1500,
                       k_border_y + 1500);
    write_file(dir.path() / "bostad.toml",
               config({"1290", "1293"}, "", "[[area_set]]\nname = \"granser\"\nfiles = [\"g.csv\"]\ncrs = \"EPSG:3006\"\n\n"
                                            "[boundaries]\narea_set = \"granser\"\ntolerance_km = 0.1\n"));
    write_file(dir.path() / "g.csv", "area_id,name,municipality,wkt\nK,Kristianstad,1290,\"" + wkt + "\"\n");
    const json set = ingest({"g.csv", "--kind", "areas", "--area-set", "granser", "--crs", "EPSG:3006"});
    ASSERT_EQ(set["inserted"], 1) << set.dump(2);
    write_file(dir.path() / "permits.csv", k_permit_header + permit("A", "1290", k_border_x, k_border_y));
    const json own = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006", "--dry-run"});
    EXPECT_EQ(own["rejected"], 0) << own["rejected_samples"];
    EXPECT_EQ(own["near_border"], 0);
    // Without the project's boundaries, SCB's outline rejects it.
    write_file(dir.path() / "bostad.toml", config({"1290", "1293"}, "", "[boundaries]\ntolerance_km = 0.1\n"));
    const json scb = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006", "--dry-run"});
    EXPECT_EQ(scb["rejected_by_reason"], (json{{"wrong_municipality", 1}})) << scb.dump(2);
}

TEST_F(Kommuner, ANationalKommunLayerStaysOutOfATwoKommunProject) {
    // The built-in outlines of all 290 kommuner as a national area set, with no kommun column.
    std::string csv = "area_id,name,wkt\n";
    for (const auto& k : sweden::kommuner()) csv += fmt::format("{},{},\"{}\"\n", k.code, k.name, k.wkt);
    write_file(dir.path() / "kommuner.csv", csv);
    write_file(dir.path() / "bostad.toml", config({"1290", "1293"}, "kommuner"));
    const json a = ingest({"kommuner.csv", "--kind", "areas", "--area-set", "kommuner", "--crs", "EPSG:3006"});
    EXPECT_EQ(a["inserted"], 290);
    EXPECT_EQ(a["placed_by_location"].size(), 290u) << "each kommun's area placed in itself";
    write_file(dir.path() / "permits.csv", k_permit_header + permit("A", "1290", k_kristianstad_x, k_kristianstad_y) +
                                               permit("B", "1293", k_hassleholm_x, k_hassleholm_y, 3));
    ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});

    const auto st = bostad({"--of", "json", "status", "--month", "2026-10"});
    ASSERT_EQ(st.exit_code, 0) << st.err;
    EXPECT_NE(st.err.find("288 areas of the set 'kommuner' lie in kommuner outside the project"), std::string::npos) << st.err;
    const json s = json::parse(st.out);
    ASSERT_EQ(s["areas"].size(), 2u);
    EXPECT_EQ(codes_of(s), (std::set<std::string>{"1290", "1293"}));
    expect_conserved(s);
    const json one = ok_json({"status", "--month", "2026-10", "--municipality", "1290"});
    ASSERT_EQ(one["areas"].size(), 1u) << "--municipality filters the areas too";
    EXPECT_EQ(one["areas"][0]["area_id"], "1290");

    const auto ex = bostad({"export", "--month", "2026-10", "-o", "x.gpkg"});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_NE(ex.err.find("288 areas of the set 'kommuner' lie in kommuner outside the project"), std::string::npos) << ex.err;
    EXPECT_EQ(read_layer(dir.file("x.gpkg"), "areas").rows.size(), 2u);
    EXPECT_EQ(read_layer(dir.file("x.gpkg"), "municipalities").rows.size(), 2u);
    ASSERT_EQ(bostad({"report", "--month", "2026-10", "-o", "rapport"}).exit_code, 0);
    const std::string areas_csv = read_file(dir.path() / "rapport" / "csv" / "areas.csv");
    EXPECT_EQ(std::count(areas_csv.begin(), areas_csv.end(), '\n'), 4) << "header, two areas, unassigned:\n" << areas_csv;
    const std::string html = read_file(dir.path() / "rapport" / "rapport-2026-10.html");
    EXPECT_EQ(html.find("Falkenberg"), std::string::npos) << "no kommun of the rest of Sweden in the report";
}

TEST_F(Kommuner, SkaneNordostsSixKommunerEndToEnd) {
    const std::vector<std::string> six{"1256", "1272", "1273", "1275", "1290", "1293"};
    // One permit in every tätort of the six, at its point.
    std::string rows = k_permit_header;
    std::map<std::string, int> per_kommun;
    int n = 0;
    for (const auto& t : sweden::tatorter()) {
        if (std::find(six.begin(), six.end(), t.kommun) == six.end()) continue;
        const char* dates[] = {"2026-02-01,,,", "2026-01-10,2026-03-01,,", "2026-01-10,2026-03-01,2026-05-01,",
                               "2025-01-10,2025-03-01,2025-05-01,2026-09-15"};
        ++n;
        rows += permit(fmt::format("SN-{}", n), t.kommun, t.x, t.y, 1 + n % 4, dates[n % 4]);
        ++per_kommun[t.kommun];
    }
    ASSERT_EQ(per_kommun.size(), 6u);
    write_file(dir.path() / "permits.csv", rows);
    std::string districts = "area_id,name,wkt\n";
    for (const auto& code : six) {
        const auto& centre = *std::max_element(sweden::tatorter().begin(), sweden::tatorter().end(), [&](const auto& a, const auto& b) {
            return (a.kommun == code ? a.population : -1) < (b.kommun == code ? b.population : -1);
        });
        districts += fmt::format("{}-C,{} centralort,{}\n", code, centre.name, square(centre.x, centre.y, 1500));
    }
    write_file(dir.path() / "distrikt.csv", districts);
    write_file(dir.path() / "bostad.toml", config(six, "distrikt"));
    ingest({"distrikt.csv", "--kind", "areas", "--area-set", "distrikt", "--crs", "EPSG:3006"});
    const json r = ingest({"permits.csv", "--kind", "permits", "--crs", "EPSG:3006"});
    EXPECT_EQ(r["rejected"], 0) << r["rejected_samples"];
    EXPECT_EQ(r["inserted"], n);

    const json s = ok_json({"status", "--month", "2026-10"});
    EXPECT_EQ(codes_of(s), std::set<std::string>(six.begin(), six.end()));
    EXPECT_EQ(s["areas"].size(), 6u);
    for (const auto& m : s["municipalities"]) {
        const json& c = m["permit_counts"];
        EXPECT_EQ(c["applied"].get<int>() + c["granted"].get<int>() + c["started"].get<int>() + c["completed"].get<int>(),
                  per_kommun[m["code"].get<std::string>()]) << m["code"];
    }
    expect_conserved(s);

    const std::string gpkg = dir.file("sn.gpkg");
    ASSERT_EQ(bostad({"export", "--month", "2026-10", "-o", gpkg}).exit_code, 0);
    EXPECT_EQ(validate_gpkg(gpkg), "");
    const fs::path pngs = dir.path() / "png";
    fs::create_directories(pngs);
    const auto q = run_process({k_debian_python, std::string(BOSTAD_SOURCE_DIR) + "/tests/qgis/qgis_check.py", gpkg, "bostad 2026-10",
                                pngs.string()});
    ASSERT_EQ(q.exit_code, 0) << q.err;
    const json seen = json::parse(q.out);
    const json& kommuner = seen["layers"]["municipalities"];
    EXPECT_TRUE(kommuner["valid"].get<bool>());
    EXPECT_EQ(kommuner["features"], 6);
    EXPECT_GT(kommuner["render"]["inked"].get<int>(), 0);
    EXPECT_EQ(seen["layers"]["permits"]["features"], n);

    const auto rep = bostad({"report", "--month", "2026-10", "-o", "rapport"});
    ASSERT_EQ(rep.exit_code, 0) << rep.err;
    const std::string html = read_file(dir.path() / "rapport" / "rapport-2026-10.html");
    EXPECT_EQ(html.find("Inga områden att visa"), std::string::npos);
    for (const auto& code : six) EXPECT_NE(html.find(sweden::find_kommun(code)->name), std::string::npos) << code;
    // Seven maps: all six together, then each.
    std::size_t maps = 0;
    for (auto at = html.find("class=\"map\""); at != std::string::npos; at = html.find("class=\"map\"", at + 1)) ++maps;
    EXPECT_EQ(maps, 7u);
}

} // namespace
} // namespace bostad::test
