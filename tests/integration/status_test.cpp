// `bostad status` on small stores: hand-computed cases (every stage across months, exits, lapses, boundary
// points, a plan across two districts, lead times, targets), the area assignment when permits move and area
// sets are replaced, the lists, and the edges (a month before any data, a month not yet begun).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sqlite/database.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

using json = nlohmann::json;

const std::string k_permit_header = "case_id,house_type,tenure,dwellings,applied_date,granted_date,started_date,completed_date,"
                                    "refused_date,withdrawn_date,x,y\n";

/// West and East, two 5 km squares in Kristianstad that share the line x = 445000.
const std::string k_districts = "area_id,name,wkt\n"
                                "W,West,\"POLYGON((440000 6200000,445000 6200000,445000 6205000,440000 6205000,440000 6200000))\"\n"
                                "E,East,\"POLYGON((445000 6200000,450000 6200000,450000 6205000,445000 6205000,445000 6200000))\"\n";

class Status : public ::testing::Test {
protected:
    void SetUp() override {
        store = dir.file("s.gpkg");
        make_store(store);
        ingest("districts.csv", k_districts, {"--kind", "areas", "--area-set", "d"});
    }
    void ingest(const std::string& name, const std::string& text, std::vector<std::string> extra) {
        write_file(dir.file(name), text);
        std::vector<std::string> args{"--db", store, "ingest", dir.file(name), "--crs", "EPSG:3006", "--municipality", "1290"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_bostad(args);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    void permits(const std::string& rows) { ingest("permits.csv", k_permit_header + rows, {"--kind", "permits"}); }
    void plans(const std::string& rows) {
        ingest("plans.csv", "plan_id,name,status,legal_date,planned_dwellings,wkt\n" + rows, {"--kind", "plans"});
    }
    json status(const std::string& month, std::vector<std::string> extra = {"--area-set", "d"}) {
        std::vector<std::string> args{"--db", store, "status", "--month", month, "--of", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_bostad(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }
    static const json& area(const json& s, const std::string& id) {
        for (const auto& a : s["areas"]) {
            if (a["area_id"] == id) return a;
        }
        throw std::runtime_error("no area " + id);
    }
    std::vector<std::string> listed(const std::string& month, const std::string& list) {
        const auto s = status(month, {"--area-set", "d", "--list", list});
        std::vector<std::string> ids;
        for (const auto& p : s["permits"]) ids.push_back(p["case_id"]);
        return ids;
    }

    TempDir dir;
    std::string store;
};

/// The stage keys of a figures object, as "key=value" for every non-zero one (compact expectations).
std::string nonzero(const json& f) {
    std::string out;
    for (const char* key : {"applied", "granted", "started", "completed", "started_in_month", "completed_in_month",
                            "completed_year_to_date", "lapsed", "overdue", "stalled"}) {
        if (f[key].get<long>() != 0) out += std::string(out.empty() ? "" : " ") + key + "=" + std::to_string(f[key].get<long>());
    }
    return out;
}

TEST_F(Status, APermitGoesThroughEveryStageAcrossTheMonths) {
    permits("BN 1,småhus,äganderätt,3,2024-01-10,2024-02-20,2024-04-01,2025-03-31,,,444500,6201500\n");
    EXPECT_EQ(nonzero(area(status("2023-12"), "W")), "");
    EXPECT_EQ(nonzero(area(status("2024-01"), "W")), "applied=3");
    EXPECT_EQ(nonzero(area(status("2024-02"), "W")), "granted=3");
    EXPECT_EQ(nonzero(area(status("2024-03"), "W")), "granted=3");
    EXPECT_EQ(nonzero(area(status("2024-04"), "W")), "started=3 started_in_month=3");
    EXPECT_EQ(nonzero(area(status("2025-02"), "W")), "started=3");
    EXPECT_EQ(nonzero(area(status("2025-03"), "W")), "completed=3 completed_in_month=3 completed_year_to_date=3");
    EXPECT_EQ(nonzero(area(status("2025-12"), "W")), "completed=3 completed_year_to_date=3");
    EXPECT_EQ(nonzero(area(status("2026-01"), "W")), "completed=3");
    const auto s = status("2024-04");
    EXPECT_EQ(nonzero(area(s, "E")), "");
    EXPECT_EQ(s["area_set"], "d");
    EXPECT_EQ(s["measure"], "dwellings");
    EXPECT_EQ(area(s, "W")["permit_counts"]["started"], 1);
    EXPECT_EQ(area(s, "W")["by_house_type"]["småhus"]["started"], 3);
    EXPECT_EQ(area(s, "W")["by_tenure"]["äganderätt"]["started"], 3);
}

TEST_F(Status, RefusedWithdrawnAndLapsedLeaveThePipeline) {
    permits("REF,småhus,,1,2024-01-05,,,,2024-03-01,,441000,6201000\n"
            "WD,småhus,,2,2024-01-05,2024-02-01,,,,2024-06-10,441000,6201000\n"
            "LAP,flerbostadshus,,10,2022-01-20,2022-03-15,,,,,441000,6201000\n");
    EXPECT_EQ(nonzero(area(status("2024-02"), "W")), "applied=1 granted=12 stalled=10");
    EXPECT_EQ(nonzero(area(status("2024-03"), "W")), "granted=2 lapsed=10") << "LAP's two years ran out on 2024-03-15";
    EXPECT_EQ(nonzero(area(status("2024-06"), "W")), "lapsed=10");
    EXPECT_EQ(listed("2024-02", "lapsed"), std::vector<std::string>{});
    EXPECT_EQ(listed("2024-03", "lapsed"), std::vector<std::string>{"LAP"});
    EXPECT_EQ(listed("2024-01", "new"), (std::vector<std::string>{"REF", "WD"}));
}

TEST_F(Status, OverdueAndStalledAreFlagsOnTopOfTheStage) {
    permits("OLD,flerbostadshus,hyresrätt,40,2019-01-10,2019-06-01,2019-09-01,,,,446000,6201000\n"
            "NEW,småhus,,1,2024-01-10,2024-02-01,2024-03-01,,,,446000,6201000\n");
    EXPECT_EQ(nonzero(area(status("2024-05"), "E")), "started=41 stalled=40");
    EXPECT_EQ(nonzero(area(status("2024-06"), "E")), "started=41 overdue=40 stalled=40") << "5 years from 2019-06-01";
    EXPECT_EQ(listed("2024-06", "overdue"), std::vector<std::string>{"OLD"});
    EXPECT_EQ(listed("2025-03", "stalled"), (std::vector<std::string>{"NEW", "OLD"}));
    EXPECT_EQ(listed("2025-02", "stalled"), std::vector<std::string>{"OLD"});
}

TEST_F(Status, StalledAfterTheConfiguredMonths) {
    permits("NEW,småhus,,1,2024-01-10,2024-02-01,,,,,446000,6201000\n");
    write_file(dir.file("bostad.toml"), "[status]\nstalled_after_months = 6\n");
    const auto with_config = [&](const std::string& month) {
        const auto r = run_bostad({"--config", dir.file("bostad.toml"), "--db", store, "status", "--month", month, "--area-set",
                                   "d", "--of", "json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    };
    EXPECT_EQ(area(with_config("2024-07"), "E")["stalled"], 0);
    EXPECT_EQ(area(with_config("2024-08"), "E")["stalled"], 1);
    EXPECT_EQ(area(status("2024-08"), "E")["stalled"], 0) << "12 months without the config";
}

TEST_F(Status, PointsOnTheSharedBoundaryGoToTheSmallestAreaIdAndTheRestIsUnassigned) {
    permits("EDGE,småhus,,1,2024-01-10,,,,,,445000,6201500\n"
            "CORNER,småhus,,2,2024-01-10,,,,,,445000,6205000\n"
            "WEST_EDGE,småhus,,4,2024-01-10,,,,,,440000,6201500\n"
            "OUT,småhus,,8,2024-01-10,,,,,,452000,6201500\n");
    const auto s = status("2024-01");
    EXPECT_EQ(area(s, "E")["applied"], 3) << "E < W: the edge and the shared corner go to E";
    EXPECT_EQ(area(s, "W")["applied"], 4) << "a point on an outer edge belongs to its one area";
    EXPECT_EQ(s["unassigned"]["applied"], 8);
    EXPECT_EQ(s["total"]["applied"], 15);
    EXPECT_EQ(query(store, "SELECT count(*) FROM permit_areas"), "4") << "each permit assigned once per area set";
}

TEST_F(Status, APlanAcrossTwoDistrictsIsSharedOutByArea) {
    plans("ACROSS,Över gränsen,laga_kraft,2020-05-01,100,\"POLYGON((444000 6201000,446000 6201000,446000 6202000,444000 6202000,444000 6201000))\"\n"
          "SPILL,Utanför,laga_kraft,2021-01-01,40,\"POLYGON((449000 6201000,451000 6201000,451000 6202000,449000 6202000,449000 6201000))\"\n"
          "DRAFT,Samråd,samrad,,500,\"POLYGON((441000 6201000,442000 6201000,442000 6202000,441000 6202000,441000 6201000))\"\n");
    permits("IN,flerbostadshus,,30,2023-01-10,2023-03-01,,,,,445500,6201500\n"
            "APPLIED,flerbostadshus,,7,2023-01-10,,,,,,445500,6201500\n");
    const auto before = status("2020-04");
    EXPECT_EQ(before["total"]["planned"], 0.0) << "not yet laga kraft";
    const auto s = status("2023-03");
    EXPECT_NEAR(area(s, "W")["planned"].get<double>(), 50, 1e-9);
    EXPECT_NEAR(area(s, "E")["planned"].get<double>(), 50 + 20, 1e-9);
    EXPECT_NEAR(s["unassigned"]["planned"].get<double>(), 20, 1e-9);
    EXPECT_NEAR(s["total"]["planned"].get<double>(), 140, 1e-9) << "the draft plan has no legal force";
    // ACROSS: 100 − 30 granted = 70 left, half each; the applied permit uses nothing yet.
    EXPECT_NEAR(area(s, "W")["remaining_capacity"].get<double>(), 35, 1e-9);
    EXPECT_NEAR(area(s, "E")["remaining_capacity"].get<double>(), 35 + 20, 1e-9);
    EXPECT_NEAR(status("2023-02")["total"]["remaining_capacity"].get<double>(), 140, 1e-9);

    const auto listed_plans = status("2023-03", {"--list", "plans"});
    ASSERT_EQ(listed_plans["plans"].size(), 2u);
    EXPECT_EQ(listed_plans["plans"][0]["plan_id"], "ACROSS");
    EXPECT_EQ(listed_plans["plans"][0]["capacity_source"], "delivered");
    EXPECT_EQ(listed_plans["plans"][0]["used"], 30);
    EXPECT_EQ(listed_plans["plans"][0]["remaining"], 70);
}

TEST_F(Status, AssignmentFollowsMovedPermitsAndReplacedAreaSets) {
    permits("A,småhus,,1,2024-01-10,,,,,,444000,6201000\n");
    EXPECT_EQ(area(status("2024-01"), "W")["applied"], 1);
    permits("A,småhus,,1,2024-01-10,,,,,,446000,6201000\n");
    EXPECT_EQ(area(status("2024-01"), "E")["applied"], 1) << "the permit moved east";
    EXPECT_EQ(area(status("2024-01"), "W")["applied"], 0);

    plans("P,Plan,laga_kraft,2020-01-01,10,\"POLYGON((446000 6201000,448000 6201000,448000 6202000,446000 6202000,446000 6201000))\"\n");
    EXPECT_NEAR(area(status("2024-01"), "E")["planned"].get<double>(), 10, 1e-9);
    // The boundary moves east to x = 447000: the permit is now in W, the plan half in each.
    ingest("districts2.csv",
           "area_id,name,wkt\n"
           "W,West,\"POLYGON((440000 6200000,447000 6200000,447000 6205000,440000 6205000,440000 6200000))\"\n"
           "E,East,\"POLYGON((447000 6200000,450000 6200000,450000 6205000,447000 6205000,447000 6200000))\"\n",
           {"--kind", "areas", "--area-set", "d"});
    const auto s = status("2024-01");
    EXPECT_EQ(area(s, "W")["applied"], 1);
    EXPECT_NEAR(area(s, "W")["planned"].get<double>(), 5, 1e-9);
    EXPECT_NEAR(area(s, "E")["planned"].get<double>(), 5, 1e-9);
    EXPECT_EQ(query(store, "SELECT count(*) FROM assignment_queue"), "0");
}

TEST_F(Status, AssignmentsLeftPendingAreMadeBeforeTheStatus) {
    permits("A,småhus,,1,2024-01-10,,,,,,444000,6201000\n");
    {
        // As a store of schema 4 migrated forward, or a writer that stopped short, would leave it.
        sqlite::Database db(store, sqlite::OpenMode::read_write);
        db.exec("DELETE FROM permit_areas; INSERT INTO assignment_queue (kind, fid) VALUES ('all_permits', 0)");
    }
    const auto r = run_bostad({"--db", store, "status", "--month", "2024-01", "--area-set", "d", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(area(json::parse(r.out), "W")["applied"], 1);
    EXPECT_NE(r.err.find("assigned 1 permits"), std::string::npos) << r.err;
    EXPECT_EQ(query(store, "SELECT count(*) FROM assignment_queue"), "0");
}

TEST_F(Status, LeadTimesOverTheLastTwelveMonths) {
    permits("A,småhus,,1,2024-01-01,2024-01-11,,,,,441000,6201000\n"
            "B,småhus,,1,2024-02-01,2024-02-21,,,,,441000,6201000\n"
            "C,småhus,,1,2024-03-01,2024-05-20,,,,,441000,6201000\n"
            "OLD,småhus,,1,2022-01-01,2022-12-31,,,,,441000,6201000\n");
    const auto s = status("2024-06");
    ASSERT_EQ(s["municipalities"].size(), 1u);
    const auto& t = s["municipalities"][0]["lead_times"]["applied_to_granted"];
    EXPECT_EQ(t["count"], 3) << "OLD was granted more than 12 months before";
    EXPECT_EQ(t["median_days"], 20.0);
    EXPECT_EQ(t["p90_days"], 80.0);
    EXPECT_NEAR(t["share_within_10_weeks"].get<double>(), 2.0 / 3.0, 1e-12);
    EXPECT_EQ(s["municipalities"][0]["lead_times"]["granted_to_started"]["count"], 0);
}

TEST_F(Status, TargetsOnTheirStraightPath) {
    write_file(dir.file("bostad.toml"), "[[municipality]]\ncode = \"1290\"\nname = \"Kristianstad\"\n"
                                        "[[municipality.target]]\nfrom = \"2024-01\"\nto = \"2024-12\"\ndwellings = 1200\n"
                                        "description = \"Test\"\n");
    permits("A,småhus,,100,2023-01-01,2023-02-01,2023-03-01,2023-12-31,,,441000,6201000\n"
            "B,småhus,,250,2023-01-01,2023-02-01,2023-03-01,2024-02-01,,,441000,6201000\n"
            "C,småhus,,500,2023-01-01,2023-02-01,2023-03-01,2024-07-01,,,441000,6201000\n");
    const auto r = run_bostad({"--config", dir.file("bostad.toml"), "--db", store, "status", "--month", "2024-06", "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto s = json::parse(r.out);
    const auto& m = s["municipalities"][0];
    EXPECT_EQ(m["name"], "Kristianstad");
    const auto& t = m["targets"][0];
    EXPECT_EQ(t["completed_since_from"], 250);
    EXPECT_NEAR(t["expected_by_now"].get<double>(), 600, 1e-9) << "6 of 12 months";
    EXPECT_NEAR(t["difference"].get<double>(), -350, 1e-9);
    EXPECT_EQ(s["area_set"], "") << "no --area-set and no [report] area_set: everything unassigned";
    EXPECT_EQ(s["unassigned"]["completed"], 350);
}

TEST_F(Status, AMonthBeforeAnyDataIsZeroAndAMonthNotBegunIsAnError) {
    permits("A,småhus,,1,2024-01-10,,,,,,441000,6201000\n");
    const auto early = status("1999-01");
    EXPECT_EQ(nonzero(early["total"]), "");
    EXPECT_EQ(early["areas"].size(), 2u);
    const auto r = run_bostad({"--db", store, "status", "--month", "2999-01"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("2999-01 has not ended yet"), std::string::npos) << r.err;
    const auto bad = run_bostad({"--db", store, "status", "--month", "2024-13"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("is not a month"), std::string::npos) << bad.err;
    const auto unknown = run_bostad({"--db", store, "status", "--month", "2024-01", "--area-set", "nope"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("no area set 'nope' (it has: d)"), std::string::npos) << unknown.err;
}

TEST_F(Status, CasesMissingFromAFullSnapshotAreLeftOut) {
    permits("A,småhus,,1,2024-01-10,,,,,,441000,6201000\nB,småhus,,2,2024-01-10,,,,,,441000,6201000\n");
    ingest("snapshot.csv", k_permit_header + "A,småhus,,1,2024-01-10,,,,,,441000,6201000\n", {"--kind", "permits", "--full-snapshot"});
    EXPECT_EQ(area(status("2024-01"), "W")["applied"], 1);
}

TEST_F(Status, CsvAndTextOutputs) {
    ingest("named.csv",
           "area_id,name,wkt\n=1,=HYPERLINK(\"x\"),\"POLYGON((440000 6200000,445000 6200000,445000 6205000,440000 6205000,440000 6200000))\"\n",
           {"--kind", "areas", "--area-set", "odd"});
    permits("A,småhus,,1,2024-01-10,,,,,,441000,6201000\n");
    const auto csv = run_bostad({"--db", store, "status", "--month", "2024-01", "--area-set", "odd", "--of", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.substr(0, csv.out.find('\r')), "scope,area_id,name,municipality,planned,remaining_capacity,applied,granted,started,"
                                                    "completed,applied_in_month,granted_in_month,started_in_month,completed_in_month,"
                                                    "completed_year_to_date,lapsed,overdue,stalled,net_applied,net_granted,net_started,"
                                                    "net_completed,net_applied_in_month,net_granted_in_month,net_started_in_month,"
                                                    "net_completed_in_month,net_completed_year_to_date,net_lapsed,net_overdue,net_stalled,"
                                                    "unknown_dwellings_applied,unknown_dwellings_granted,unknown_dwellings_started,"
                                                    "unknown_dwellings_completed,unknown_dwellings_applied_in_month,"
                                                    "unknown_dwellings_granted_in_month,unknown_dwellings_started_in_month,"
                                                    "unknown_dwellings_completed_in_month,unknown_dwellings_completed_year_to_date,"
                                                    "unknown_dwellings_lapsed,unknown_dwellings_overdue,unknown_dwellings_stalled");
    // Applied in the month: applied 1, granted 0, started 0, completed 0, applied_in_month 1, granted_in_month 0.
    EXPECT_NE(csv.out.find("\r\narea,'=1,\"'=HYPERLINK(\"\"x\"\")\",1290,0.00,0.00,1,0,0,0,1,0,"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("\r\ntotal,,,,0.00,0.00,1,"), std::string::npos) << csv.out;
    const auto text = run_bostad({"--db", store, "status", "--month", "2024-01", "--area-set", "d"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Status at the end of 2024-01, area set d"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("West"), std::string::npos);
    EXPECT_NE(text.out.find("appl/m grant/m start/m"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("  flows           applied_in_month 1, granted_in_month 0, started_in_month 0"), std::string::npos)
        << text.out;
    const auto list = run_bostad({"--db", store, "status", "--month", "2024-01", "--list", "new", "--of", "csv"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("\r\n1290,A,,småhus,,1,,2024-01-10,"), std::string::npos) << list.out;
}

} // namespace
} // namespace bostad::test
