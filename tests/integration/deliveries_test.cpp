// Deliveries as municipalities really have them (issue 17), through the command line: a national decision
// list in WGS 84 with a row filter, other kommuner, "NULL" and "-" for empty, columns bostad must not read; the
// counts of each run add up, skipped rows are never rejected, and a re-ingest leaves the quarantine as it was.
#include <filesystem>
#include <map>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"
#include "sweden/kommuner.hpp"
#include "sweden/tatorter.hpp"

namespace bostad::test {
namespace {

using nlohmann::json;

const std::string k_config = R"toml(
[[municipality]]
code = "1290"

[[municipality]]
code = "1293"

[mapping.beslut]
crs = "EPSG:4326"
null_values = ["NULL", "-"]
other_municipalities = "skip"

[mapping.beslut.fields]
case_id = "municipal_case_id"
property = "property_name"
municipality = "municipality"
granted_date = "publication_date"
x = "longitude"
y = "latitude"
dwellings = "antal_lgh"
applied_date = "ansokan"
tenure = "upplatelse"

[mapping.beslut.keep]
permit_type = ["Bygglov"]

[mapping.beslut.values.tenure]
"Hyresrätt" = "hyresrätt"
"Uppgift saknas" = ""
)toml";

// A national list's shape: names in varying case, a permit type to filter on, columns bostad does not map
// (permit_id; house_type, named like a canonical field).
const std::string k_list =
    "permit_id,property_name,municipal_case_id,publication_date,municipality,permit_type,longitude,latitude,antal_lgh,"
    "ansokan,upplatelse,house_type\n"
    "1,BLÅSIPPAN 1,BN 2025-001,2025-11-03,Kristianstad,Bygglov,14.156,56.029,2,2025-09-01,NULL,flerbostadshus\n"
    "2,BLÅSIPPAN 2,BN 2025-002,2025-11-04,Kristianstad,Rivningslov,14.157,56.030,0,2025-09-02,-,\n"
    "3,NORRA 1:1,BN 2025-100,2025-11-05,hässleholm,Bygglov,13.766,56.159,1,2025-09-03,Hyresrätt,\n"
    "4,MALUNG 1:1,MBN 25/1,2025-11-06,Malung-sälen,Bygglov,13.72,60.68,1,2025-09-04,-,\n"
    "5,BLÅSIPPAN 3,BN 2025-003,2025-11-07,Kristianstad,Bygglov,14.158,56.031,1,2025-09-05,okänd,\n"
    "6,KNISLINGE 1:1,ÖG 25/9,2025-11-08,Östra göinge,Förhandsbesked,14.09,56.16,1,inget datum,-,\n"
    "7,SÖDRA 2:2,BN 2025-101,2025-11-09,Hässleholm,Bygglov,13.770,56.160,1,2025-09-06,Uppgift saknas,\n";

class Deliveries : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(dir.path() / "bostad.toml", k_config);
        write_file(dir.path() / "beslut.csv", k_list);
        ASSERT_EQ(bostad({"init"}).exit_code, 0);
    }
    ProcessResult bostad(std::vector<std::string> args) {
        ProcessOptions o;
        o.cwd = dir.path().string();
        return run_bostad(args, o);
    }
    json ingest(std::vector<std::string> args) {
        args.insert(args.begin(), {"--of", "json", "ingest"});
        const auto r = bostad(args);
        EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
        return r.exit_code == 0 ? json::parse(r.out).at(0) : json::object();
    }
    std::string store_value(const std::string& sql) { return query(dir.file("bostad.gpkg"), sql); }
    /// An area set "d" (one district around Kristianstad), which export and report need.
    void load_area_set() {
        write_file(dir.path() / "d.csv", "area_id,name,wkt\nK1,Kristianstad,\"POLYGON ((440000 6200000, 450000 6200000, "
                                         "450000 6215000, 440000 6215000, 440000 6200000))\"\n");
        ingest({"d.csv", "--kind", "areas", "--area-set", "d", "--crs", "EPSG:3006"});
    }
    TempDir dir;
};

/// A [mapping.NAME] with its keys and its fields, as config text.
std::string named_mapping(const std::string& name, const std::string& keys, const std::string& fields) {
    return "\n[mapping." + name + "]\n" + keys + "[mapping." + name + ".fields]\n" + fields;
}

std::int64_t sum_of_parts(const json& r) {
    return r["inserted"].get<std::int64_t>() + r["updated"].get<std::int64_t>() + r["unchanged"].get<std::int64_t>() +
           r["skipped"].get<std::int64_t>() + r["rejected"].get<std::int64_t>();
}

TEST_F(Deliveries, ANationalDecisionListIsFilteredAndItsEmptyValuesAreEmpty) {
    const json r = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(r["read"], 7);
    EXPECT_EQ(r["read"], sum_of_parts(r)) << r.dump(2);
    EXPECT_EQ(r["inserted"], 3) << r.dump(2);
    EXPECT_EQ(r["skipped"], 3);
    EXPECT_EQ(r["skipped_by_reason"], (json{{"filtered", 2}, {"other_municipality", 1}}));
    // Row 6 also has a bad application date: skipped before any check, it is not rejected too.
    EXPECT_EQ(r["rejected_by_reason"], (json{{"unknown_code", 1}})) << r.dump(2);
    EXPECT_EQ(store_value("SELECT group_concat(case_id || '=' || coalesce(tenure, 'NULL'), ' ') FROM "
                          "(SELECT * FROM permits ORDER BY case_id)"),
              "BN 2025-001=NULL BN 2025-100=hyresrätt BN 2025-101=NULL")
        << "\"NULL\" is a null value; \"Uppgift saknas\" translates to empty";
    EXPECT_EQ(store_value("SELECT count(*) FROM permits WHERE house_type IS NOT NULL"), "0")
        << "a column named like a canonical field is not read when the mapping does not name it";
    EXPECT_EQ(store_value("SELECT count(*) FROM permits WHERE municipality = '1293'"), "2") << "'hässleholm' is Hässleholm";
}

// The issue's "done when": a decision-only list for the whole country, in every kommun's name as the list spells
// it, ingests without editing the file, adds up, shows the project's Bygglov with their dwellings unknown, and
// a second ingest changes nothing.
TEST_F(Deliveries, AWholeCountrysDecisionListIngestsAsItComes) {
    write_file(dir.path() / "bostad.toml", R"toml(
[[municipality]]
code = "1290"
[[municipality]]
code = "1293"
[mapping.national]
crs = "EPSG:3006"
null_values = ["", "NULL"]
other_municipalities = "skip"
[mapping.national.fields]
case_id = "municipal_case_id"
property = "property_name"
municipality = "municipality"
granted_date = "publication_date"
x = "e"
y = "n"
[mapping.national.keep]
permit_type = ["Bygglov"]
)toml");
    std::string list = "permit_id,property_name,municipal_case_id,publication_date,municipality,permit_type_num,permit_type,e,n\n";
    std::map<std::string, const sweden::Tatort*> largest;
    for (const auto& t : sweden::tatorter()) {
        auto& l = largest[t.kommun];
        if (!l || t.population > l->population) l = &t;
    }
    std::int64_t rows = 0, filtered = 0, other = 0, without_place = 0;
    std::map<std::string, std::int64_t> bygglov; // per project kommun, with coordinates
    for (const auto& k : sweden::kommuner()) {
        const auto it = largest.find(k.code);
        if (it == largest.end()) continue;
        const bool project = k.code == "1290" || k.code == "1293";
        for (int i = 0; i < (project ? 12 : 3); ++i) {
            const bool is_bygglov = i % 3 != 2;
            const bool no_place = project && i == 4;
            // Names as the list spells them: lower case or as written.
            const std::string name = (rows % 2 == 0) ? lower_sv(k.name) : k.name;
            list += fmt::format("{},{} {}:{},{} {}/25,2025-11-{:02},{},{},{},{},{}\n", rows + 1, k.name, i, i + 1, k.code, i,
                                1 + i, name, is_bygglov ? 1 : 2, is_bygglov ? "Bygglov" : "Rivningslov",
                                no_place ? "" : fmt::format("{:.0f}", it->second->x + i * 10),
                                no_place ? "NULL" : fmt::format("{:.0f}", it->second->y));
            ++rows;
            if (!is_bygglov) ++filtered;
            else if (!project) ++other;
            else if (no_place) ++without_place;
            else ++bygglov[k.code];
        }
    }
    write_file(dir.path() / "national.csv", list);
    const json r = ingest({"national.csv", "--kind", "permits", "--mapping", "national"});
    EXPECT_EQ(r["read"], rows);
    EXPECT_EQ(r["read"], sum_of_parts(r)) << r.dump(2);
    EXPECT_EQ(r["skipped_by_reason"], (json{{"filtered", filtered}, {"other_municipality", other}}));
    EXPECT_EQ(r["rejected_by_reason"], (json{{"missing_geometry", without_place}})) << r.dump(2);
    EXPECT_EQ(r["inserted"], bygglov["1290"] + bygglov["1293"]);

    const auto st = bostad({"--of", "json", "status", "--month", "2025-11"});
    ASSERT_EQ(st.exit_code, 0) << st.err;
    const json status = json::parse(st.out);
    for (const auto& m : status["municipalities"]) {
        const std::string code = m["code"];
        EXPECT_EQ(m["unknown_dwellings"]["granted"], bygglov[code]) << code;
        EXPECT_EQ(m["permit_counts"]["granted"], bygglov[code]) << code;
        EXPECT_EQ(m["granted"], 0) << code;
    }
    const json again = ingest({"national.csv", "--kind", "permits", "--mapping", "national"});
    EXPECT_EQ(again["unchanged"], r["inserted"]) << again.dump(2);
    EXPECT_EQ(again["events"], 0);
    EXPECT_EQ(again["rejected_known"], without_place);
    EXPECT_EQ(store_value("SELECT count(*) FROM rejected_rows"), std::to_string(without_place));
}

TEST_F(Deliveries, RejectedRowsKeepTheirPlaceAndTheirColumnsOnlyAndAreQuarantinedOnce) {
    const json first = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    ASSERT_EQ(first["rejected"], 1);
    EXPECT_EQ(store_value("SELECT count(*) FROM rejected_rows WHERE geom IS NOT NULL"), "1")
        << "a row rejected for its tenure had good coordinates: QGIS shows it";
    const json raw = json::parse(store_value("SELECT raw_attributes FROM rejected_rows"));
    EXPECT_EQ(raw["upplatelse"], "okänd");
    EXPECT_FALSE(raw.contains("permit_type")) << "a keep column is read to filter, never stored: " << raw.dump();
    EXPECT_FALSE(raw.contains("permit_id")) << raw.dump();
    EXPECT_FALSE(raw.contains("house_type")) << raw.dump();

    const json again = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(again["read"], sum_of_parts(again)) << again.dump(2);
    EXPECT_EQ(again["inserted"], 0);
    EXPECT_EQ(again["unchanged"], 3);
    EXPECT_EQ(again["skipped"], 3);
    EXPECT_EQ(again["rejected"], 1);
    EXPECT_EQ(again["rejected_known"], 1);
    EXPECT_EQ(store_value("SELECT count(*) FROM rejected_rows"), "1") << "the quarantine does not grow on a re-ingest";
    EXPECT_EQ(store_value("SELECT run_id FROM rejected_rows"), std::to_string(again["run_id"].get<int>()))
        << "the row moves to the latest run that delivered it";
    EXPECT_EQ(store_value("SELECT rows_skipped FROM ingest_runs ORDER BY id DESC LIMIT 1"), "3");

    // A case that never got in is found in the quarantine, not called unknown.
    const auto h = bostad({"history", "BN 2025-003"});
    ASSERT_EQ(h.exit_code, 0) << h.err;
    EXPECT_NE(h.out.find("'BN 2025-003' is not stored: it is only in the quarantine (rejected_rows), 1 row:"), std::string::npos)
        << h.out;
    EXPECT_NE(h.out.find(fmt::format("run {} (", again["run_id"].get<int>())), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("beslut.csv row 5: unknown_code: tenure 'okänd'"), std::string::npos) << h.out;
    const auto hj = bostad({"--of", "json", "history", "BN 2025-003"});
    ASSERT_EQ(hj.exit_code, 0) << hj.err;
    EXPECT_EQ(json::parse(hj.out).at(0)["reason"], "unknown_code");
    EXPECT_EQ(bostad({"history", "BN 2025-999"}).exit_code, 2) << "in neither: a usage error";
}

TEST_F(Deliveries, TheTextSummaryAddsUpAndADryRunSaysNothingWasWritten) {
    std::string many = "municipal_case_id,municipality,permit_type,longitude,latitude,antal_lgh,ansokan\n";
    for (int i = 0; i < 12; ++i) many += "BN " + std::to_string(i) + ",Kristianstad,Bygglov,14.15,56.02,x,2025-01-01\n";
    write_file(dir.path() / "many.csv", many);
    write_file(dir.path() / "bostad.toml", k_config + "\n[mapping.many]\ncrs = \"EPSG:4326\"\n[mapping.many.fields]\n"
                                                      "case_id = \"municipal_case_id\"\nmunicipality = \"municipality\"\n"
                                                      "x = \"longitude\"\ny = \"latitude\"\ndwellings = \"antal_lgh\"\n"
                                                      "applied_date = \"ansokan\"\n");
    const auto r = bostad({"ingest", "many.csv", "--kind", "permits", "--mapping", "many", "--dry-run"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("read 12 = inserted 0 + updated 0 + unchanged 0 + skipped 0 + rejected 12"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("and 2 more rejected rows (nothing was written"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("more rejected rows in the store"), std::string::npos) << r.out;
    const auto s = bostad({"ingest", "beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    ASSERT_EQ(s.exit_code, 0) << s.err;
    EXPECT_NE(s.out.find("read 7 = inserted 3 + updated 0 + unchanged 0 + skipped 3 + rejected 1"), std::string::npos) << s.out;
    EXPECT_NE(s.out.find("skipped by reason: filtered 2, other_municipality 1"), std::string::npos) << s.out;
}

TEST_F(Deliveries, OneCaseOfSeveralPropertiesIsSeveralPermitsWhenTheKeySaysSo) {
    const std::string rows = "municipal_case_id,property_name,municipality,publication_date,permit_type,longitude,latitude\n"
                             "K822505/25,BLÅSIPPAN 1,Kristianstad,2025-11-03,Bygglov,14.156,56.029\n"
                             "K822505/25,BLÅSIPPAN 2,Kristianstad,2025-11-03,Bygglov,14.157,56.030\n"
                             "K822501/25,BLÅSIPPAN 3,Kristianstad,2025-11-04,Bygglov,14.158,56.031\n";
    write_file(dir.path() / "cases.csv", rows);
    const auto mapping = [](const std::string& name, const std::string& keys) {
        return named_mapping(name, keys + "crs = \"EPSG:4326\"\n",
                             "case_id = \"municipal_case_id\"\nproperty = \"property_name\"\nmunicipality = \"municipality\"\n"
                             "granted_date = \"publication_date\"\nx = \"longitude\"\ny = \"latitude\"\n");
    };
    write_file(dir.path() / "bostad.toml", k_config + mapping("by_case", "") +
                                                      mapping("by_property", "key = [\"case_id\", \"property\"]\n"));
    // By case alone, the two properties are two versions of one case: neither is kept.
    const json one = ingest({"cases.csv", "--kind", "permits", "--mapping", "by_case"});
    EXPECT_EQ(one["rejected_by_reason"], (json{{"conflicting_duplicate", 2}})) << one.dump(2);

    const std::string other = dir.file("other.gpkg");
    ASSERT_EQ(bostad({"init", "--db", other}).exit_code, 0);
    const json both = ingest({"cases.csv", "--kind", "permits", "--mapping", "by_property", "--db", other});
    EXPECT_EQ(both["inserted"], 3) << both.dump(2);
    EXPECT_EQ(both["rejected"], 0);
    EXPECT_EQ(query(other, "SELECT group_concat(case_id || ' ' || key_extra, ', ') FROM (SELECT * FROM permits ORDER BY key_extra)"),
              "K822505/25 BLÅSIPPAN 1, K822505/25 BLÅSIPPAN 2, K822501/25 BLÅSIPPAN 3");
    const auto h = bostad({"--of", "json", "history", "K822505/25", "--db", other});
    ASSERT_EQ(h.exit_code, 0) << h.err;
    const json hist = json::parse(h.out);
    ASSERT_EQ(hist.size(), 2u) << "every permit of the case";
    EXPECT_EQ(hist[0]["key"], "K822505/25 | BLÅSIPPAN 1");
    EXPECT_EQ(hist[1]["key"], "K822505/25 | BLÅSIPPAN 2");
    // A change to one property's permit is an event of that permit only.
    std::string changed = rows;
    changed.replace(changed.find("2025-11-03,Bygglov,14.157"), 10, "2025-11-05");
    write_file(dir.path() / "cases.csv", changed);
    const json again = ingest({"cases.csv", "--kind", "permits", "--mapping", "by_property", "--db", other});
    EXPECT_EQ(again["updated"], 1) << again.dump(2);
    EXPECT_EQ(again["unchanged"], 2);
    const json after = json::parse(bostad({"--of", "json", "history", "K822505/25", "--db", other}).out);
    EXPECT_EQ(after[0]["events"].size(), 0u);
    ASSERT_EQ(after[1]["events"].size(), 1u);
    EXPECT_EQ(after[1]["events"][0]["field"], "granted_date");

    write_file(dir.path() / "bostad.toml", k_config + mapping("bad", "key = [\"property\", \"case_id\"]\n"));
    const auto bad = bostad({"ingest", "cases.csv", "--kind", "permits", "--mapping", "bad"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("mapping.bad.key: a permit's key starts with case_id"), std::string::npos) << bad.err;
}

TEST_F(Deliveries, ADefaultIsAssumedOnlyWhereTheValueIsMissingAndSaysSo) {
    std::string config = k_config + "\n[mapping.beslut.defaults]\nhouse_type = \"småhus\"\ntenure = \"äganderätt\"\n";
    write_file(dir.path() / "bostad.toml", config);
    const json r = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    ASSERT_EQ(r["inserted"], 3) << r.dump(2);
    EXPECT_EQ(store_value("SELECT group_concat(case_id || '=' || house_type || '/' || tenure || '/' || assumed, ' ') FROM "
                          "(SELECT * FROM permits ORDER BY case_id)"),
              "BN 2025-001=småhus/äganderätt/house_type,tenure BN 2025-100=småhus/hyresrätt/house_type "
              "BN 2025-101=småhus/äganderätt/house_type,tenure")
        << "a delivered tenure is kept; \"NULL\" and a translation to \"\" are empty, so the default is used";
    const auto h = bostad({"history", "BN 2025-100"});
    EXPECT_NE(h.out.find("assumed"), std::string::npos) << h.out;
    EXPECT_NE(h.out.find("house_type"), std::string::npos) << h.out;
    load_area_set();
    const auto ex = bostad({"export", "--month", "2025-11", "-o", "x.gpkg", "--area-set", "d"});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_EQ(query(dir.file("x.gpkg"), "SELECT assumed FROM permits WHERE case_id = 'BN 2025-100'"), "house_type");
    const auto plans = bostad({"ingest", "beslut.csv", "--kind", "plans", "--mapping", "beslut"});
    EXPECT_EQ(plans.exit_code, 2);
    EXPECT_NE(plans.err.find("mapping 'beslut' has [defaults], which apply to permits only"), std::string::npos) << plans.err;

    // Defaults that cannot work are refused when the config loads.
    write_file(dir.path() / "bostad.toml", k_config + "\n[mapping.beslut.defaults]\nhouse_type = \"villa\"\ncase_id = \"X\"\n");
    const auto bad = bostad({"ingest", "beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("mapping.beslut.defaults.house_type: 'villa' is not a value of house_type"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("mapping.beslut.defaults.case_id: case_id identifies or places a permit"), std::string::npos) << bad.err;
}

TEST_F(Deliveries, AMappingThatCannotWorkIsRefusedWhenTheConfigLoadsOrTheFileOpens) {
    write_file(dir.path() / "bostad.toml", k_config + "\n[mapping.beslut.values.decision]\n\"Rivningslov\" = \"skip\"\n");
    auto r = bostad({"ingest", "beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("mapping.beslut.values.decision.\"Rivningslov\": 'skip' is not a value of decision"), std::string::npos)
        << r.err;

    std::string config = k_config;
    config.replace(config.find("permit_type = "), 11, "permit_typ");
    write_file(dir.path() / "bostad.toml", config);
    r = bostad({"ingest", "beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("mapping 'beslut': keep column 'permit_typ' is not in beslut.csv"), std::string::npos) << r.err;
    EXPECT_EQ(store_value("SELECT count(*) FROM ingest_runs"), "0");
}

TEST_F(Deliveries, AFileInTheWrongEncodingIsRefusedWholeAndHintsNameTheFix) {
    const auto with = [](const std::string& name, const std::string& keys) {
        return named_mapping(name, keys + "crs = \"EPSG:4326\"\n",
                             "case_id = \"diarienr\"\nmunicipality = \"kommun\"\nx = \"lon\"\ny = \"lat\"\n"
                             "dwellings = \"lgh\"\napplied_date = \"inkom\"\n");
    };
    write_file(dir.path() / "bostad.toml", k_config + with("utf8", "") + with("cp1252", "encoding = \"CP1252\"\n") +
                                                      with("comma", "separator = \",\"\n"));
    // Windows-1252 bytes: "Hässleholm" with ä as 0xE4, one row of two.
    write_file(dir.path() / "ansi.csv", "diarienr,kommun,lon,lat,lgh,inkom\nBN 1,Kristianstad,14.15,56.02,1,2025-01-01\n"
                                        "BN 2,H\xe4ssleholm,13.76,56.15,1,2025-01-01\n");
    auto r = bostad({"ingest", "ansi.csv", "--kind", "permits", "--mapping", "utf8"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("ansi.csv: 1 of its 2 rows are not valid UTF-8: the file is refused whole and nothing was stored. "
                         "Row 2: field 'kommun' is not valid UTF-8 but reads as Windows-1252 (\"Hässleholm\")"),
              std::string::npos) << r.err;
    EXPECT_NE(r.err.find("set encoding = \"CP1252\" (or \"ISO-8859-1\") in [mapping.utf8]"), std::string::npos) << r.err;
    EXPECT_EQ(store_value("SELECT count(*) FROM permits"), "0") << "not even the good row";
    EXPECT_EQ(store_value("SELECT count(*) FROM ingest_runs"), "0");
    const json ok = ingest({"ansi.csv", "--kind", "permits", "--mapping", "cp1252"});
    EXPECT_EQ(ok["inserted"], 2) << ok.dump(2);

    // A semicolon file read with a comma: its header is one field.
    write_file(dir.path() / "semi.csv", "diarienr;kommun;lon;lat;lgh;inkom\nBN 3;Kristianstad;14,15;56,02;1;2025-01-01\n");
    r = bostad({"ingest", "semi.csv", "--kind", "permits", "--mapping", "comma"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("the file seems to be separated by ';' (set separator = \";\" in the mapping)"), std::string::npos) << r.err;
    // Read with its separator but without decimal = ",": the coordinates say why they are refused.
    const json d = ingest({"semi.csv", "--kind", "permits", "--mapping", "utf8"});
    ASSERT_EQ(d["rejected"], 1) << d.dump(2);
    EXPECT_NE(d["rejected_samples"][0]["message"].get<std::string>().find(
                  "x '14,15' (source field 'lon') is not a coordinate (it has a decimal comma: set decimal = \",\" in the mapping)"),
              std::string::npos) << d["rejected_samples"];
}

TEST_F(Deliveries, ADecisionOnlyListCountsItsPermitsWithTheirDwellingsAndApplicationsUnknown) {
    // The real list's shape: no dwelling count, no application date.
    std::string config = k_config;
    config.replace(config.find("dwellings = \"antal_lgh\"\n"), std::string("dwellings = \"antal_lgh\"\n").size(), "");
    config.replace(config.find("applied_date = \"ansokan\"\n"), std::string("applied_date = \"ansokan\"\n").size(), "");
    write_file(dir.path() / "bostad.toml", config);
    const json r = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(r["inserted"], 3) << r.dump(2);
    EXPECT_EQ(r["read"], sum_of_parts(r));
    EXPECT_EQ(store_value("SELECT count(*) FROM permits WHERE dwellings IS NULL AND applied_date IS NULL"), "3")
        << "unknown stays unknown: never 0";

    const auto st = bostad({"--of", "json", "status", "--month", "2025-11"});
    ASSERT_EQ(st.exit_code, 0) << st.err;
    const json s = json::parse(st.out);
    std::map<std::string, json> by_code;
    for (const auto& m : s["municipalities"]) by_code[m["code"].get<std::string>()] = m;
    EXPECT_EQ(by_code["1290"]["unknown_dwellings"]["granted"], 1);
    EXPECT_EQ(by_code["1293"]["unknown_dwellings"]["granted"], 2);
    EXPECT_EQ(by_code["1293"]["permit_counts"]["granted"], 2);
    EXPECT_EQ(by_code["1293"]["granted"], 0) << "no dwellings are invented";
    EXPECT_EQ(s["total"]["unknown_dwellings"]["granted_in_month"], 3);
    EXPECT_EQ(s["total"]["applied_in_month"], 0) << "a decision is not an application";
    EXPECT_EQ(s["total"]["permit_counts"]["applied_in_month"], 0);
    EXPECT_EQ(by_code["1290"]["lead_times"]["applied_to_granted"]["count"], 0) << "no step without both its dates";
    const auto text = bostad({"status", "--month", "2025-11"});
    EXPECT_NE(text.out.find("permits with unknown dwellings (counted as 0 above): applied 0, granted 2"), std::string::npos)
        << text.out;
    const auto list = bostad({"--of", "json", "status", "--month", "2025-11", "--list", "stalled"});
    ASSERT_EQ(list.exit_code, 0) << list.err;

    // The report says how many bygglov lack a dwelling count; the export keeps the count empty.
    load_area_set();
    const auto rep = bostad({"report", "--month", "2025-11", "-o", "rapport", "--format", "csv", "--area-set", "d"});
    ASSERT_EQ(rep.exit_code, 0) << rep.err;
    const std::string municipalities = read_file(dir.path() / "rapport" / "csv" / "municipalities.csv");
    EXPECT_NE(municipalities.find("Bygglov utan antal bostäder"), std::string::npos) << municipalities;
    const auto ex = bostad({"export", "--month", "2025-11", "-o", "x.gpkg", "--area-set", "d"});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_EQ(query(dir.file("x.gpkg"), "SELECT count(*) FROM permits WHERE dwellings IS NULL"), "3");
    EXPECT_EQ(query(dir.file("x.gpkg"), "SELECT sum(unknown_dwellings_granted) FROM municipalities"), "3");

    // Re-ingesting it changes nothing, the quarantine included.
    const std::string quarantine = store_value("SELECT count(*) FROM rejected_rows");
    const json again = ingest({"beslut.csv", "--kind", "permits", "--mapping", "beslut"});
    EXPECT_EQ(again["unchanged"], 3);
    EXPECT_EQ(again["events"], 0);
    EXPECT_EQ(store_value("SELECT count(*) FROM rejected_rows"), quarantine);
}

/// Permits whose dates are partly years alone (the case-system extracts' and old plans' shape), and the mapping
/// that allows YYYY.
const std::string k_years_csv =
    "case_id,municipality,applied,granted,started,completed,dwellings,x,y\n"
    "Y 1,Kristianstad,2024-03-01,2024-05-02,2024-09-01,2025,4,14.156,56.029\n"         // completed some day of 2025
    "Y 2,Kristianstad,2025-02-01,2025-03-01,2025-04-01,2025-12-10,2,14.157,56.030\n"   // completed in December
    "Y 3,Kristianstad,2016,2016-06-01,,,1,14.158,56.031\n"                            // applied some day of 2016
    "Y 4,Kristianstad,2024-01-01,2023,,,1,14.159,56.032\n";                           // granted a year before applied
const std::string k_years_mapping =
    named_mapping("years", "crs = \"EPSG:4326\"\ndate_formats = [\"YYYY-MM-DD\", \"YYYY\"]\n",
                  "case_id = \"case_id\"\nmunicipality = \"municipality\"\napplied_date = \"applied\"\n"
                  "granted_date = \"granted\"\nstarted_date = \"started\"\ncompleted_date = \"completed\"\n"
                  "dwellings = \"dwellings\"\nx = \"x\"\ny = \"y\"\n");

TEST_F(Deliveries, AYearAloneKeepsItsPrecisionAndCountsInNoMonthItMayNotBelongTo) {
    write_file(dir.path() / "years.csv", k_years_csv);
    write_file(dir.path() / "bostad.toml", k_config + k_years_mapping +
                                                      named_mapping("days", "crs = \"EPSG:4326\"\n",
                                                                    "case_id = \"case_id\"\napplied_date = \"applied\"\n"
                                                                    "granted_date = \"granted\"\nx = \"x\"\ny = \"y\"\n"));
    // Without YYYY in the mapping's date_formats a year alone is not a date.
    const std::string other = dir.file("other.gpkg");
    ASSERT_EQ(bostad({"init", "--db", other}).exit_code, 0);
    const json refused = ingest({"years.csv", "--kind", "permits", "--mapping", "days", "--municipality", "1290", "--db", other});
    EXPECT_EQ(refused["rejected_by_reason"]["invalid_date"], 2) << refused.dump(2);

    const json r = ingest({"years.csv", "--kind", "permits", "--mapping", "years"});
    EXPECT_EQ(r["inserted"], 3) << r.dump(2);
    EXPECT_EQ(r["rejected_by_reason"], (json{{"dates_out_of_order", 1}})) << "the order is checked by year";
    EXPECT_NE(r.dump().find("granted_date 2023 is before applied_date 2024-01-01"), std::string::npos) << r.dump(2);
    EXPECT_EQ(store_value("SELECT group_concat(case_id || '=' || coalesce(year_only, '-') || '@' || coalesce(completed_date, '') || "
                          "'/' || applied_date, ' ') FROM (SELECT * FROM permits ORDER BY case_id)"),
              "Y 1=completed_date@2025-12-31/2024-03-01 Y 2=-@2025-12-10/2025-02-01 Y 3=applied_date@/2016-12-31")
        << "stored as the year's last day, with the field named";

    const auto status = [&](const char* month) {
        const auto st = bostad({"--of", "json", "status", "--month", month});
        EXPECT_EQ(st.exit_code, 0) << st.err;
        return st.exit_code == 0 ? json::parse(st.out)["total"] : json::object();
    };
    const json nov = status("2025-11");
    EXPECT_EQ(nov["completed"], 0) << "not known to be completed before 2025 has ended";
    EXPECT_EQ(nov["started"], 6);
    EXPECT_EQ(nov["completed_year_to_date"], 0);
    const json dec = status("2025-12");
    EXPECT_EQ(dec["completed"], 6);
    EXPECT_EQ(dec["completed_in_month"], 2) << "the year alone may belong to any month of 2025";
    EXPECT_EQ(dec["completed_year_to_date"], 6) << "December closes the year";
    const json jan = status("2016-12");
    EXPECT_EQ(jan["applied_in_month"], 0);
    EXPECT_EQ(jan["granted"], 1);
    const auto st = bostad({"--of", "json", "status", "--month", "2025-12"});
    const json lead = json::parse(st.out)["municipalities"][0]["lead_times"];
    EXPECT_EQ(lead["started_to_completed"]["count"], 1) << "a year alone gives no lead time";
    const auto listed = bostad({"--of", "json", "status", "--month", "2025-12", "--list", "completed"});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    EXPECT_EQ(listed.out.find("Y 1"), std::string::npos) << "completed in the month: not the year alone\n" << listed.out;
    EXPECT_NE(listed.out.find("Y 2"), std::string::npos) << listed.out;

    const auto h = bostad({"history", "Y 1"});
    EXPECT_NE(h.out.find("year_only"), std::string::npos) << h.out;
    load_area_set();
    const auto ex = bostad({"export", "--month", "2025-12", "-o", "x.gpkg", "--area-set", "d"});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_EQ(query(dir.file("x.gpkg"), "SELECT year_only FROM permits WHERE case_id = 'Y 1'"), "completed_date");
    const json again = ingest({"years.csv", "--kind", "permits", "--mapping", "years"});
    EXPECT_EQ(again["unchanged"], 3) << "read back as years alone: " << again.dump(2);
}

} // namespace
} // namespace bostad::test
