// Ingest straight into a PostGIS store (a throwaway server, ctest fixture "postgis"): the example project
// gives the same status and history as through a GeoPackage; re-ingests change nothing; a killed ingest
// leaves nothing; ingests of one source wait for each other, of different municipalities do not; `init`
// upgrades a store of an older schema version.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <future>
#include <fstream>
#include <memory>
#include <numeric>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pg/connection.hpp"
#include "sqlite/database.hpp"
#include "support/pg_server.hpp"
#include "support/process.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

using namespace std::chrono_literals;

class PostgisIngest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<TempDir>();
        // The GeoPackage side, and the same example ingested month by month straight into PostGIS.
        s_opts = make_example_store(s_dir->path().string(), {"2026-09", "2026-10"});
        s_location = pg_location(fmt::format("t_ingest_{}", ::getpid()));
        const auto init = run_bostad({"init", "--db", s_location, "-q"}, s_opts);
        ASSERT_EQ(init.exit_code, 0) << init.err;
        for (const char* month : {"2026-09", "2026-10"}) {
            const auto r = run_bostad({"ingest", "--month", month, "--db", s_location, "-q"}, s_opts);
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    /// A fresh store for a test that changes it.
    static std::string fresh_store(const std::string& name) {
        const std::string location = pg_location(fmt::format("{}_{}", name, ::getpid()));
        EXPECT_EQ(run_bostad({"init", "--db", location, "-q"}, s_opts).exit_code, 0);
        return location;
    }

    static std::unique_ptr<TempDir> s_dir;
    static ProcessOptions s_opts;
    static std::string s_location;
};
std::unique_ptr<TempDir> PostgisIngest::s_dir;
ProcessOptions PostgisIngest::s_opts;
std::string PostgisIngest::s_location;

TEST_F(PostgisIngest, GivesTheSameStatusAsTheGeoPackageForSeveralMonthsAndAreaSets) {
    int compared = 0;
    for (const char* month : {"2022-05", "2025-01", "2026-09", "2026-10"}) {
        for (const char* set : {"distrikt", "kommuner"}) {
            std::vector<std::string> args{"status", "--month", month, "--area-set", set, "--of", "json", "-q"};
            const auto g = run_bostad(args, s_opts);
            args.insert(args.end(), {"--db", s_location});
            const auto p = run_bostad(args, s_opts);
            ASSERT_EQ(p.exit_code, 0) << p.err;
            EXPECT_EQ(g.out, p.out) << month << " " << set;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 8);
}

TEST_F(PostgisIngest, KeepsTheSameRowsHistoryAndQuarantine) {
    pg::Connection c = pg::Connection::open(s_location);
    sqlite::Database db(s_dir->path().string() + "/ex/bostad.gpkg", sqlite::OpenMode::read_only);
    const auto gpkg = [&](const std::string& sql) { return db.query_int(sql); };
    for (const char* table : {"permits", "permit_seen", "plans", "plan_seen", "areas", "events", "rejected_rows", "ingest_runs",
                              "permit_areas", "permit_plans", "plan_area_shares"}) {
        EXPECT_EQ(c.query_int(fmt::format("SELECT count(*) FROM {}", table)), gpkg(fmt::format("SELECT count(*) FROM {}", table)))
            << table;
    }
    // The run that last delivered each permit and plan is the same in both stores (the runs are numbered alike).
    for (const char* table : {"permit", "plan"}) {
        const std::string seen = fmt::format("SELECT count(*) FROM {0}s x JOIN {0}_seen s ON s.fid = x.fid WHERE s.last_seen_run > "
                                             "x.last_changed_run",
                                             table);
        EXPECT_EQ(c.query_int(seen), gpkg(seen)) << table;
        EXPECT_GT(c.query_int(seen).value_or(0), 0) << table << ": the second month delivered unchanged rows again";
        const std::string sum = fmt::format("SELECT sum(last_seen_run) FROM {}_seen", table);
        EXPECT_EQ(c.query_int(sum), gpkg(sum)) << table;
    }
    // Every run accounts for every row it read.
    EXPECT_EQ(c.query_int("SELECT count(*) FROM ingest_runs WHERE rows_read <> rows_inserted + rows_updated + rows_unchanged "
                          "+ rows_rejected"),
              0);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM rejected_rows WHERE reason_code = 'duplicate_conflict'"),
              gpkg("SELECT count(*) FROM rejected_rows WHERE reason_code = 'duplicate_conflict'"));
    const auto key = c.query_text("SELECT entity_key FROM events WHERE kind = 'changed' ORDER BY id LIMIT 1");
    ASSERT_TRUE(key);
    const auto g = run_bostad({"history", *key, "--of", "json"}, s_opts);
    const auto p = run_bostad({"history", *key, "--of", "json", "--db", s_location}, s_opts);
    // The runs' start times differ (two ingests); everything else is the same.
    const auto without_times = [](std::string s) {
        std::string out;
        std::istringstream in(s);
        for (std::string line; std::getline(in, line);) {
            if (line.find("_at\"") == std::string::npos) out += line + "\n";
        }
        return out;
    };
    EXPECT_EQ(without_times(g.out), without_times(p.out));
}

TEST_F(PostgisIngest, ASecondIngestOfTheSameMonthChangesNothing) {
    const std::string location = fresh_store("t_again");
    ASSERT_EQ(run_bostad({"ingest", "--month", "2026-10", "--db", location, "-q"}, s_opts).exit_code, 0);
    pg::Connection c = pg::Connection::open(location);
    const auto permits = c.query_int("SELECT count(*) FROM permits");
    const auto events = c.query_int("SELECT count(*) FROM events");
    const auto rejected = c.query_int("SELECT count(*) FROM rejected_rows");
    ASSERT_GT(rejected.value_or(0), 0) << "the example's deliveries have rejected rows";
    const auto r = run_bostad({"ingest", "--month", "2026-10", "--db", location, "--of", "json", "-q"}, s_opts);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("\"inserted\": 1"), std::string::npos);
    // Unchanged rows are recognised by their digests, without decoding, as many as in a GeoPackage store. (Not yet in
    // the second ingest: the first loaded the project's kommun outlines, which rows are judged against, so the
    // second decodes every row once more.)
    const auto recognized = [](const std::string& out) {
        std::vector<std::int64_t> per_run;
        for (const auto& run : nlohmann::json::parse(out)) per_run.push_back(run.at("recognized").get<std::int64_t>());
        return per_run;
    };
    const std::string gpkg = (s_dir->path() / "again.gpkg").string();
    ASSERT_EQ(run_bostad({"init", "--db", gpkg, "-q"}, s_opts).exit_code, 0);
    std::string g;
    for (int i = 0; i < 3; ++i) g = run_bostad({"ingest", "--month", "2026-10", "--db", gpkg, "--of", "json", "-q"}, s_opts).out;
    const auto third = run_bostad({"ingest", "--month", "2026-10", "--db", location, "--of", "json", "-q"}, s_opts);
    ASSERT_EQ(third.exit_code, 0) << third.err;
    const auto per_run = recognized(third.out);
    EXPECT_EQ(per_run, recognized(g));
    EXPECT_GT(std::accumulate(per_run.begin(), per_run.end(), std::int64_t{0}), 1000) << third.out;
    EXPECT_EQ(c.query_int("SELECT (SELECT count(*) FROM permit_digests) + (SELECT count(*) FROM plan_digests)"),
              c.query_int("SELECT (SELECT count(*) FROM permits WHERE missing_since_run IS NULL) + (SELECT count(*) FROM plans "
                          "WHERE missing_since_run IS NULL)"))
        << "a digest for every row that is not missing";
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permits"), permits);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM events"), events);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM rejected_rows"), rejected) << "the same rejected rows move to the new runs";
    EXPECT_EQ(c.query_int("SELECT count(*) FROM rejected_rows WHERE run_id <= (SELECT max(id) - 6 FROM ingest_runs)"), 0);
    EXPECT_EQ(c.query_int("SELECT sum(rows_inserted + rows_updated) FROM ingest_runs WHERE id > (SELECT max(id) - 6 FROM "
                          "ingest_runs)"),
              0);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permits p LEFT JOIN permit_seen s ON s.fid = p.fid WHERE p.missing_since_run IS "
                          "NULL AND greatest(p.last_changed_run, s.last_seen_run) <= (SELECT max(id) - 6 FROM ingest_runs)"),
              0)
        << "every permit delivered again is marked seen by the last ingest";
    // A dry run writes nothing at all.
    const auto runs = c.query_int("SELECT count(*) FROM ingest_runs");
    ASSERT_EQ(run_bostad({"ingest", "--month", "2026-09", "--dry-run", "--db", location, "-q"}, s_opts).exit_code, 0);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM ingest_runs"), runs);
}

TEST_F(PostgisIngest, ADecisionListWithoutDwellingsGivesTheSameStatusAsTheGeoPackage) {
    const std::string csv = (s_dir->path() / "beslut.csv").string();
    write_file(csv, "case_id,municipality,granted_date,tenure,x,y\n"
                    "B 1,Kristianstad,2026-10-03,,14.156,56.029\nB 2,hässleholm,2026-10-05,,13.766,56.159\n"
                    "B 3,Hässleholm,2026-09-07,hyresrätt,13.770,56.160\nB 4,Kristianstad,2026-10-09,okänd,14.158,56.031\n");
    const std::string pg = fresh_store("t_beslut");
    const std::string gpkg = (s_dir->path() / "beslut.gpkg").string();
    ASSERT_EQ(run_bostad({"init", "--db", gpkg, "-q"}, s_opts).exit_code, 0);
    const std::string areas = (s_dir->path() / "d.csv").string();
    write_file(areas, "area_id,name,wkt\nK1,Kristianstad,\"POLYGON ((440000 6200000, 450000 6200000, 450000 6215000, "
                      "440000 6215000, 440000 6200000))\"\n");
    for (const std::string& db : {pg, gpkg}) {
        ASSERT_EQ(run_bostad({"ingest", areas, "--kind", "areas", "--area-set", "distrikt", "--crs", "EPSG:3006", "--db", db,
                              "-q"}, s_opts).exit_code, 0);
        for (int i = 0; i < 2; ++i) {
            const auto r = run_bostad({"ingest", csv, "--kind", "permits", "--crs", "EPSG:4326", "--db", db, "--of", "json"}, s_opts);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const auto report = nlohmann::json::parse(r.out).at(0);
            if (i == 1) {
                EXPECT_EQ(report["unchanged"], 3) << db << ": unknown dwellings read back as unknown\n" << report.dump(2);
            }
        }
    }
    pg::Connection c = pg::Connection::open(pg);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permits WHERE dwellings IS NULL"), 3);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM rejected_rows"), 1) << "quarantined once, not once per ingest";
    const auto g = run_bostad({"status", "--month", "2026-10", "--db", gpkg, "--of", "json"}, s_opts);
    const auto p = run_bostad({"status", "--month", "2026-10", "--db", pg, "--of", "json"}, s_opts);
    ASSERT_EQ(g.exit_code, 0) << g.err;
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(g.out, p.out);
    EXPECT_NE(p.out.find("\"unknown_dwellings\""), std::string::npos);
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["total"]["unknown_dwellings"]["granted"], 3) << p.out;
}

TEST_F(PostgisIngest, YearsAloneCountTheSameAsInTheGeoPackage) {
    // The status pass (C++ on both stores) and the permit lists (SQL in PostGIS) read years alone alike.
    const std::string csv = (s_dir->path() / "years.csv").string();
    write_file(csv, "case_id,municipality,applied,granted,started,completed,x,y\n"
                    "Y 1,Kristianstad,2024-03-01,2024-05-02,2024-09-01,2025,14.156,56.029\n"
                    "Y 2,Kristianstad,2025-02-01,2025-03-01,2025-04-01,2025-12-10,14.157,56.030\n"
                    "Y 3,Hässleholm,2016,2025,,,13.766,56.159\n");
    const std::string config = (s_dir->path() / "years.toml").string();
    write_file(config, "[mapping.years]\ncrs = \"EPSG:4326\"\ndate_formats = [\"YYYY-MM-DD\", \"YYYY\"]\n"
                       "[mapping.years.fields]\ncase_id = \"case_id\"\nmunicipality = \"municipality\"\n"
                       "applied_date = \"applied\"\ngranted_date = \"granted\"\nstarted_date = \"started\"\n"
                       "completed_date = \"completed\"\nx = \"x\"\ny = \"y\"\n");
    const std::string pg = fresh_store("t_years");
    const std::string gpkg = (s_dir->path() / "years.gpkg").string();
    ASSERT_EQ(run_bostad({"init", "--db", gpkg, "-q"}, s_opts).exit_code, 0);
    for (const std::string& db : {pg, gpkg}) {
        const auto r = run_bostad({"--config", config, "ingest", csv, "--kind", "permits", "--mapping", "years", "--db", db, "-q"},
                                  s_opts);
        ASSERT_EQ(r.exit_code, 0) << db << ": " << r.err;
    }
    for (const char* month : {"2025-11", "2025-12"}) {
        for (const char* list : {"", "completed", "new", "stalled"}) {
            std::vector<std::string> args{"--config", config, "--of", "json", "status", "--month", month};
            if (*list) args.insert(args.end(), {"--list", list});
            args.push_back("--db");
            args.push_back(gpkg);
            const auto g = run_bostad(args, s_opts);
            args.back() = pg;
            const auto p = run_bostad(args, s_opts);
            ASSERT_EQ(g.exit_code, 0) << g.err;
            ASSERT_EQ(p.exit_code, 0) << p.err;
            EXPECT_EQ(g.out, p.out) << month << " " << list;
        }
    }
    const auto dec = run_bostad({"--config", config, "--of", "json", "status", "--month", "2025-12", "--db", pg}, s_opts);
    const auto total = nlohmann::json::parse(dec.out)["total"];
    EXPECT_EQ(total["permit_counts"]["completed_in_month"], 1) << dec.out;
    EXPECT_EQ(total["permit_counts"]["granted_in_month"], 0) << "granted \"2025\" is in no month";
    EXPECT_EQ(total["permit_counts"]["completed_year_to_date"], 2);
}

TEST_F(PostgisIngest, AKilledIngestLeavesTheStoreAsItWas) {
    const std::string location = fresh_store("t_killed");
    for (const char* point : {"ingest.run_started", "ingest.rows_written", "ingest.before_commit"}) {
        ProcessOptions o = s_opts;
        o.env_extra["BOSTAD_CRASH_AT"] = point;
        const auto r = run_bostad({"ingest", "--month", "2026-10", "--db", location, "-q"}, o);
        EXPECT_EQ(r.signal, SIGKILL) << point << ": " << r.err;
        pg::Connection c = pg::Connection::open(location);
        EXPECT_EQ(c.query_int("SELECT count(*) FROM ingest_runs"), 0) << point;
        EXPECT_EQ(c.query_int("SELECT count(*) FROM permits"), 0) << point;
        EXPECT_EQ(c.query_int("SELECT count(*) FROM assignment_queue"), 0) << point;
    }
}

TEST_F(PostgisIngest, TwoIngestsOfOneSourceWaitForEachOtherWithANote) {
    const std::string location = fresh_store("t_lock");
    pg::Connection holder = pg::Connection::open(location);
    pg::Transaction tx(holder);
    // What `bostad ingest` of Kristianstad's permits locks (store::postgis::PgStore::lock_for_writing).
    holder.exec("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ' ingest permits 1290'))");
    auto waiting = std::async(std::launch::async, [&] {
        return run_bostad({"ingest", "--month", "2026-10", "--source", "kristianstad-bygglov", "--db", location}, s_opts);
    });
    EXPECT_EQ(waiting.wait_for(3s), std::future_status::timeout) << "the second ingest did not wait";
    // Another municipality's ingest goes ahead meanwhile.
    const auto other = run_bostad({"ingest", "--month", "2026-10", "--source", "hassleholm-bygglov", "--db", location, "-q"},
                                  s_opts);
    EXPECT_EQ(other.exit_code, 0) << other.err;
    tx.commit();
    const auto r = waiting.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("another bostad is writing ingest permits 1290 to this store; waiting"), std::string::npos) << r.err;
    pg::Connection c = pg::Connection::open(location);
    EXPECT_EQ(c.query_int("SELECT count(DISTINCT municipality) FROM permits"), 2);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permits p CROSS JOIN area_sets s WHERE NOT EXISTS (SELECT 1 FROM "
                          "permit_areas a WHERE a.permit_fid = p.fid AND a.area_set_id = s.id)"),
              0)
        << "every permit has its row in every area set";
}

TEST_F(PostgisIngest, CheckWarnsAboutPersonnummerInStoredText) {
    const auto clean = run_bostad({"check", "--db", s_location, "--of", "json"}, s_opts);
    ASSERT_EQ(clean.exit_code, 0) << clean.err;
    EXPECT_EQ(nlohmann::json::parse(clean.out)["personal_data"]["personnummer_like"], 0) << "the example holds none";

    // A delivery whose property column holds applicants' personnummer: one row stored, one quarantined.
    const std::string location = fresh_store("t_pnr");
    const auto csv = s_dir->path() / "pnr.csv";
    {
        std::ofstream out(csv);
        out << "case_id,municipality,dwellings,applied_date,property,x,y\n"
               "BN 1,1290,1,2026-03-02,19811218-9876,445500,6209000\n"
               "BN 2,1290,1,2026-04-31,850412-1230,445510,6209000\n";
    }
    const auto in = run_bostad({"ingest", csv.string(), "--kind", "permits", "--crs", "EPSG:3006", "--db", location}, s_opts);
    ASSERT_EQ(in.exit_code, 0) << in.err;
    const auto r = run_bostad({"check", "--db", location, "--of", "json"}, s_opts);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto pd = nlohmann::json::parse(r.out)["personal_data"];
    EXPECT_EQ(pd["personnummer_like"], 2) << pd.dump();
    std::set<std::string> where;
    for (const auto& h : pd["samples"]) {
        where.insert(h["table"].get<std::string>() + "." + h["column"].get<std::string>() + " " + h["masked"].get<std::string>());
        EXPECT_TRUE(h["row"].is_number()) << h.dump();
    }
    EXPECT_EQ(where, (std::set<std::string>{"permits.property 19811218-****", "rejected_rows.raw_attributes 850412-****"}));
    EXPECT_NE(r.err.find("2 value(s) in"), std::string::npos) << r.err;
}

TEST_F(PostgisIngest, MonthlyRunsOnPostgisAndCreatesTheStoreOnItsFirstRun) {
    const std::string location = pg_location(fmt::format("t_monthly_{}", ::getpid()));
    ProcessOptions o = s_opts;
    const auto r = run_bostad({"monthly", "--month", "2026-10", "--db", location, "--overwrite"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("created PostGIS store"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("QGIS export"), std::string::npos) << r.out;
    for (const char* file : {"/out/2026-10/bostad-2026-10.gpkg", "/out/2026-10/rapport/rapport-2026-10.html",
                             "/out/2026-10/rapport/rapport-2026-10.pdf"}) {
        EXPECT_TRUE(std::filesystem::exists(o.cwd + file)) << file;
    }
    pg::Connection c = pg::Connection::open(location);
    EXPECT_GT(c.query_int("SELECT count(*) FROM permits").value_or(0), 1000);
}

// A store as schema version 6 kept it (each row's last_seen_run in the row, no row digests): refused with a
// pointer to `init`, which upgrades it in place, keeping every run and giving the same status; the next ingest
// fills the digests.
TEST_F(PostgisIngest, InitUpgradesAStoreOfSchemaVersion6) {
    const std::string location = fresh_store("t_upgrade");
    for (const char* month : {"2026-09", "2026-10"}) {
        ASSERT_EQ(run_bostad({"ingest", "--month", month, "--db", location, "-q"}, s_opts).exit_code, 0);
    }
    const std::vector<std::string> status{"status", "--month", "2026-10", "--area-set", "distrikt", "--of", "json", "-q",
                                          "--db", location};
    const auto before = run_bostad(status, s_opts);
    ASSERT_EQ(before.exit_code, 0) << before.err;
    constexpr const char* k_seen = "SELECT string_agg(fid || ':' || last_seen_run, ' ' ORDER BY fid) FROM {}_seen";
    pg::Connection c = pg::Connection::open(location);
    const auto permits_seen = c.query_text(fmt::format(k_seen, "permit"));
    const auto plans_seen = c.query_text(fmt::format(k_seen, "plan"));
    ASSERT_TRUE(permits_seen && plans_seen) << "the second month delivered unchanged permits and plans again";
    for (const char* t : {"permit", "plan"}) {
        c.exec_script(fmt::format("ALTER TABLE {0}s ADD COLUMN last_seen_run bigint; "
                                  "UPDATE {0}s x SET last_seen_run = greatest(x.last_changed_run, (SELECT s.last_seen_run FROM "
                                  "{0}_seen s WHERE s.fid = x.fid)); "
                                  "ALTER TABLE {0}s ALTER COLUMN last_seen_run SET NOT NULL; DROP TABLE {0}_seen; "
                                  "DROP TABLE {0}_digests",
                                  t));
    }
    c.exec_script("UPDATE bostad_meta SET value = '6' WHERE key = 'schema_version'; DELETE FROM bostad_schema_history WHERE "
                  "schema_version = 7");

    const auto refused = run_bostad(status, s_opts);
    EXPECT_EQ(refused.exit_code, 3) << refused.err;
    EXPECT_NE(refused.err.find("schema version 6, this bostad writes 7: upgrade it with `bostad init --db"), std::string::npos)
        << refused.err;
    const auto init = run_bostad({"init", "--db", location}, s_opts);
    ASSERT_EQ(init.exit_code, 0) << init.err;
    EXPECT_NE(init.out.find("migrated from schema version 6 to 7"), std::string::npos) << init.out;
    EXPECT_EQ(c.query_text(fmt::format(k_seen, "permit")), permits_seen);
    EXPECT_EQ(c.query_text(fmt::format(k_seen, "plan")), plans_seen);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
                          "column_name = 'last_seen_run' AND table_name IN ('permits', 'plans')"),
              0);
    EXPECT_EQ(c.query_text("SELECT max(schema_version)::text FROM bostad_schema_history"), "7");
    EXPECT_EQ(run_bostad(status, s_opts).out, before.out);
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permit_digests"), 0) << "a cache, empty until the next ingest";
    ASSERT_EQ(run_bostad({"ingest", "--month", "2026-10", "--db", location, "-q"}, s_opts).exit_code, 0);
    EXPECT_GT(c.query_int("SELECT count(*) FROM permit_digests").value_or(0), 1000);
    const auto again = run_bostad({"init", "--db", location}, s_opts);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out.find("migrated"), std::string::npos) << again.out;
}

} // namespace
} // namespace bostad::test
