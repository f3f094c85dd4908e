// History over monthly snapshots: events per changed field, flags for dates moving back and cases missing
// from a full snapshot, idempotent re-ingests, dry runs that write nothing, and `bostad history`.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

const std::string k_header = "case_id,house_type,tenure,dwellings,applied_date,granted_date,started_date,completed_date,x,y\n";

class MonthlySnapshots : public ::testing::Test {
protected:
    void SetUp() override {
        store = dir.file("s.gpkg");
        make_store(store);
    }
    nlohmann::json ingest(const std::string& name, const std::string& rows, std::vector<std::string> extra = {}) {
        const std::string file = dir.file(name);
        write_file(file, k_header + rows);
        std::vector<std::string> args{"ingest", file, "--kind", "permits", "--municipality", "1290", "--crs", "EPSG:3006",
                                      "--full-snapshot", "--db", store, "--of", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_bostad(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out).at(0);
    }
    nlohmann::json history(const std::string& key) {
        const auto r = run_bostad({"history", key, "--db", store, "--of", "json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out).at(0);
    }

    TempDir dir;
    std::string store;
};

const std::string k_a1 = "BN 1,småhus,äganderätt,1,2024-01-10,,,,445500,6209000\n";
const std::string k_b1 = "BN 2,flerbostadshus,hyresrätt,24,2024-01-15,,,,445600,6209100\n";
const std::string k_a2 = "BN 1,småhus,äganderätt,1,2024-01-10,2024-02-20,,,445500,6209000\n";
const std::string k_c2 = "BN 3,småhus,äganderätt,1,2024-02-03,,,,445700,6209200\n";
const std::string k_a3 = "BN 1,småhus,äganderätt,1,2024-01-10,2024-02-18,2024-03-05,,445500,6209000\n";

TEST_F(MonthlySnapshots, RecordEventsFlagsAndNothingTwice) {
    const auto m1 = ingest("2024-01.csv", k_a1 + k_b1);
    EXPECT_EQ(m1["inserted"], 2);
    EXPECT_EQ(m1["events"], 0);

    const auto m2 = ingest("2024-02.csv", k_a2 + k_b1 + k_c2);
    EXPECT_EQ(m2["inserted"], 1);
    EXPECT_EQ(m2["updated"], 1);
    EXPECT_EQ(m2["unchanged"], 1);
    EXPECT_EQ(m2["events"], 1);

    // March: A starts and its decision date is corrected backwards; B is gone from the snapshot.
    const auto m3 = ingest("2024-03.csv", k_a3 + k_c2);
    EXPECT_EQ(m3["updated"], 1);
    EXPECT_EQ(m3["events"], 3);
    EXPECT_EQ(m3["missing_from_snapshot"], 1);
    EXPECT_EQ(m3["flagged_changes"], 1);
    EXPECT_EQ(query(store, "SELECT count(*) FROM permits"), "3") << "a missing case is flagged, not deleted";
    EXPECT_EQ(query(store, "SELECT missing_since_run IS NOT NULL FROM permits WHERE case_id = 'BN 2'"), "1");

    // The same file again changes nothing and records no event.
    const std::string before = dump_store(store, true);
    const auto again = ingest("2024-03.csv", k_a3 + k_c2);
    EXPECT_EQ(again["inserted"], 0);
    EXPECT_EQ(again["updated"], 0);
    EXPECT_EQ(again["events"], 0);
    EXPECT_EQ(again["missing_from_snapshot"], 0) << "already flagged";
    EXPECT_EQ(query(store, "SELECT count(*) FROM events"), "4");

    // B comes back.
    const auto m4 = ingest("2024-04.csv", k_a3 + k_b1 + k_c2);
    EXPECT_EQ(m4["reappeared"], 1);
    EXPECT_EQ(query(store, "SELECT missing_since_run IS NULL FROM permits WHERE case_id = 'BN 2'"), "1");

    const auto a = history("BN 1");
    ASSERT_EQ(a["events"].size(), 3u);
    EXPECT_EQ(a["events"][0]["field"], "granted_date");
    EXPECT_EQ(a["events"][0]["old"], nullptr);
    EXPECT_EQ(a["events"][0]["new"], "2024-02-20");
    EXPECT_EQ(a["events"][1]["kind"], "date_moved_back");
    EXPECT_EQ(a["events"][1]["old"], "2024-02-20");
    EXPECT_EQ(a["events"][1]["new"], "2024-02-18");
    EXPECT_EQ(a["events"][2]["field"], "started_date");
    EXPECT_EQ(a["current"]["started_date"], "2024-03-05");
    const auto b = history("BN 2");
    ASSERT_EQ(b["events"].size(), 2u);
    EXPECT_EQ(b["events"][0]["kind"], "missing_from_snapshot");
    EXPECT_EQ(b["events"][1]["kind"], "reappeared");
    EXPECT_EQ(check_store(store), "ok");
    EXPECT_EQ(validate_gpkg(store), "");
}

TEST_F(MonthlySnapshots, HistoryTextAndUnknownIds) {
    ingest("m1.csv", k_a1);
    ingest("m2.csv", k_a2);
    const auto text = run_bostad({"history", "BN 1", "--db", store});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("granted_date: – → 2024-02-20"), std::string::npos) << text.out;
    const auto unknown = run_bostad({"history", "BN 7", "--db", store});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("no permit or plan 'BN 7'"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("did you mean 'BN 1'?"), std::string::npos) << unknown.err;
}

TEST_F(MonthlySnapshots, DryRunReportsButWritesNothing) {
    ingest("m1.csv", k_a1 + k_b1);
    const std::string before = file_bytes(store);
    const auto dry = ingest("m2.csv", k_a2 + k_c2, {"--dry-run"});
    EXPECT_EQ(dry["dry_run"], true);
    EXPECT_EQ(dry["run_id"], nullptr);
    EXPECT_EQ(dry["inserted"], 1);
    EXPECT_EQ(dry["updated"], 1);
    EXPECT_EQ(dry["missing_from_snapshot"], 1);
    EXPECT_EQ(file_bytes(store), before);
    const auto real = ingest("m2.csv", k_a2 + k_c2);
    for (const char* k : {"read", "inserted", "updated", "unchanged", "rejected", "events", "missing_from_snapshot"}) {
        EXPECT_EQ(real[k], dry[k]) << k;
    }
}

TEST_F(MonthlySnapshots, PartialDeliveriesDoNotFlagMissingCases) {
    ingest("m1.csv", k_a1 + k_b1);
    const std::string file = dir.file("partial.csv");
    write_file(file, k_header + k_c2);
    const auto r = run_bostad({"ingest", file, "--kind", "permits", "--municipality", "1290", "--crs", "EPSG:3006",
                               "--db", store, "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at(0)["missing_from_snapshot"], 0);
}

TEST_F(MonthlySnapshots, AreaSetsAreReplacedAsAWhole) {
    const std::string areas = dir.file("areas.csv");
    const auto load = [&](const std::string& text, const std::string& vintage) {
        write_file(areas, "area_id;name;wkt\n" + text);
        const auto r = run_bostad({"ingest", areas, "--kind", "areas", "--area-set", "districts", "--vintage", vintage,
                                   "--crs", "EPSG:3006", "--db", store, "--of", "json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out).at(0);
    };
    const std::string a = "1;Centrum;\"POLYGON ((445000 6208000, 446000 6208000, 446000 6210000, 445000 6210000, 445000 6208000))\"\n";
    const std::string b = "2;Söder;\"POLYGON ((445000 6206000, 446000 6206000, 446000 6208000, 445000 6208000, 445000 6206000))\"\n";
    EXPECT_EQ(load(a + b, "2024")["inserted"], 2);
    const auto same = load(a + b, "2025");
    EXPECT_EQ(same["unchanged"], 2);
    EXPECT_EQ(query(store, "SELECT vintage FROM area_sets WHERE name = 'districts'"), "2024") << "nothing new, no new vintage";
    const auto replaced = load(a, "2025");
    EXPECT_EQ(replaced["replaced_areas"], 2);
    EXPECT_EQ(replaced["inserted"], 1);
    EXPECT_EQ(query(store, "SELECT count(*) FROM areas"), "1");
    EXPECT_EQ(query(store, "SELECT vintage FROM area_sets WHERE name = 'districts'"), "2025");
    EXPECT_EQ(check_store(store), "ok");
}

} // namespace
} // namespace bostad::test
