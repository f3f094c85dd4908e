// The example project ingests with the mappings of its own bostad.toml: every source and area set, both
// monthly exports, with the deliberate defects in the quarantine.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

class ExampleIngest : public ::testing::Test {
protected:
    void SetUp() override {
        opts.cwd = dir.path().string();
        ASSERT_EQ(run_bostad({"example", "ex"}, opts).exit_code, 0);
        opts.cwd = dir.file("ex");
        ASSERT_EQ(run_bostad({"init"}, opts).exit_code, 0);
        store = dir.file("ex/bostad.gpkg");
    }
    nlohmann::json ingest(const std::string& month) {
        const auto r = run_bostad({"ingest", "--month", month, "--of", "json"}, opts);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    static const nlohmann::json& by_source(const nlohmann::json& reports, const std::string& file_part) {
        for (const auto& r : reports) {
            if (r["files"][0].get<std::string>().find(file_part) != std::string::npos) return r;
        }
        throw std::runtime_error("no report for " + file_part);
    }

    TempDir dir;
    ProcessOptions opts;
    std::string store;
};

TEST_F(ExampleIngest, BothMonthsIngestWithTheirDefectsQuarantined) {
    const auto sep = ingest("2026-09");
    ASSERT_EQ(sep.size(), 6u) << "two area sets and four sources";
    const auto& k = by_source(sep, "kristianstad_bygglov.csv");
    EXPECT_EQ(k["crs"], "EPSG:3008 (SWEREF 99 13 30)");
    EXPECT_EQ(k["rejected_by_reason"], (nlohmann::json{{"conflicting_duplicate", 2}, {"invalid_date", 1}, {"missing_geometry", 1}}));
    const auto& h = by_source(sep, "hassleholm_bygglov.shp");
    EXPECT_EQ(h["rejected_by_reason"], (nlohmann::json{{"conflicting_duplicate", 2}, {"invalid_date", 1}, {"missing_geometry", 1}}));
    const auto& hp = by_source(sep, "hassleholm_detaljplaner.gpkg");
    EXPECT_EQ(hp["rejected_by_reason"], (nlohmann::json{{"dates_out_of_order", 1}, {"unrepairable_geometry", 1}}));
    EXPECT_EQ(hp["repaired_geometries"], 1);
    for (const auto& r : sep) {
        EXPECT_EQ(r["read"].get<int>(), r["inserted"].get<int>() + r["updated"].get<int>() + r["unchanged"].get<int>() +
                                            r["rejected"].get<int>());
    }
    EXPECT_GT(std::stoi(query(store, "SELECT count(*) FROM permits")), 1500);
    EXPECT_EQ(query(store, "SELECT count(*) FROM area_sets"), "2");
    // Latin-1 text from the Shapefile arrives as UTF-8.
    EXPECT_NE(query(store, "SELECT count(*) FROM permits WHERE municipality = '1293' AND tenure = 'äganderätt'"), "0");

    // Re-ingesting the same month changes nothing.
    const std::string before = dump_store(store, true);
    const auto again = ingest("2026-09");
    for (const auto& r : again) {
        EXPECT_EQ(r["inserted"], 0);
        EXPECT_EQ(r["updated"], 0);
        EXPECT_EQ(r["events"], 0);
    }

    // October: some permits move on, one plan gains legal force.
    const auto oct = ingest("2026-10");
    EXPECT_GT(by_source(oct, "kristianstad_bygglov.csv")["updated"].get<int>(), 0);
    EXPECT_GT(by_source(oct, "hassleholm_bygglov.shp")["inserted"].get<int>(), 0);
    EXPECT_EQ(query(store, "SELECT count(*) FROM events WHERE entity = 'plan' AND field = 'status' "
                           "AND old_value = 'antagen' AND new_value = 'laga_kraft'"),
              "1");
    EXPECT_EQ(check_store(store), "ok");
    EXPECT_EQ(validate_gpkg(store), "");
}

TEST_F(ExampleIngest, ConfigSelectionAndMonthErrors) {
    auto r = run_bostad({"ingest"}, opts);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("depends on the month: pass --month YYYY-MM"), std::string::npos) << r.err;
    r = run_bostad({"ingest", "--month", "2031-01"}, opts);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("not found (for 2031-01)"), std::string::npos) << r.err;
    r = run_bostad({"ingest", "--source", "hassleholm-bygglov", "--month", "2026-10", "--of", "json"}, opts);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 1u);
    r = run_bostad({"ingest", "--source", "nosuch"}, opts);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("no [[source]] named 'nosuch'"), std::string::npos) << r.err;
    r = run_bostad({"ingest", "--area-set", "distrikt", "--of", "json"}, opts);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).at(0)["kind"], "areas");
}

} // namespace
} // namespace bostad::test
