// Readers and writers of one GeoPackage store at once: a status or report that runs while an ingest
// writes sees the state before it or after it, never a mix; two ingests take turns, the second saying that
// it waits, and the store is intact after both. The tests pause a process at a named point
// (BOSTAD_PAUSE_AT) so that the overlap is certain, not a matter of timing.
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "support/example_months.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

class Concurrency : public ExampleMonthsSuite {
protected:
    static std::string fresh_store(const std::string& name) { return store_copy(s_before, name); }
    static ProcessOptions paused_at(const std::string& point) {
        ProcessOptions o = s_opts;
        o.env_extra["BOSTAD_PAUSE_AT"] = point;
        return o;
    }
    std::string status_json(const std::string& store) {
        const ProcessResult r = run_bostad({"status", "--month", "2026-10", "--of", "json", "--db", store}, s_opts);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out;
    }
};

TEST_F(Concurrency, AStatusDuringAnIngestSeesTheStateBeforeItWhole) {
    const std::string before = status_json(s_before);
    const std::string after = status_json(s_after);
    ASSERT_NE(before, after);
    const std::string store = fresh_store("status-during-ingest.gpkg");
    // The status stops half-way: permits counted, plans not read yet.
    BackgroundBostad status({"status", "--month", "2026-10", "--of", "json", "--db", store}, paused_at("status.permits_counted"),
                            s_dir->file("status"));
    ASSERT_TRUE(status.wait_stopped(30s)) << status.err_so_far();
    BackgroundBostad ingest({"ingest", "--month", "2026-10", "-q", "--db", store}, s_opts, s_dir->file("ingest"));
    // The ingest does all its work but cannot commit while the status reads the state before it.
    std::this_thread::sleep_for(3s);
    EXPECT_TRUE(ingest.running()) << "the ingest committed under a reader: " << ingest.err_so_far();
    status.resume();
    const ProcessResult s = status.wait();
    EXPECT_EQ(s.exit_code, 0) << s.err;
    EXPECT_EQ(s.out, before) << "the status mixed two states of the store";
    const ProcessResult i = ingest.wait();
    EXPECT_EQ(i.exit_code, 0) << i.err;
    EXPECT_EQ(status_json(store), after);
    EXPECT_EQ(check_store(store), "ok");
}

TEST_F(Concurrency, AReportDuringAnIngestIsTheReportOfTheStateBeforeIt) {
    const std::vector<std::string> report = {"report", "--month", "2026-10", "--format", "csv", "--output"};
    auto run_report = [&](const std::string& store, const std::string& out) {
        std::vector<std::string> args = report;
        args.push_back(s_dir->file(out));
        args.push_back("--db");
        args.push_back(store);
        return args;
    };
    ASSERT_EQ(run_bostad(run_report(s_before, "report-before"), s_opts).exit_code, 0);
    const std::string store = fresh_store("report-during-ingest.gpkg");
    BackgroundBostad reader(run_report(store, "report-during"), paused_at("status.permits_counted"), s_dir->file("report"));
    ASSERT_TRUE(reader.wait_stopped(30s)) << reader.err_so_far();
    BackgroundBostad ingest({"ingest", "--month", "2026-10", "-q", "--db", store}, s_opts, s_dir->file("ingest2"));
    std::this_thread::sleep_for(3s);
    EXPECT_TRUE(ingest.running()) << ingest.err_so_far();
    reader.resume();
    const ProcessResult r = reader.wait();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& e : fs::directory_iterator(s_dir->file("report-before/csv"))) {
        const fs::path during = fs::path(s_dir->file("report-during/csv")) / e.path().filename();
        EXPECT_EQ(read_file(during), read_file(e.path())) << e.path().filename();
    }
    EXPECT_EQ(ingest.wait().exit_code, 0);
}

TEST_F(Concurrency, TwoIngestsIntoOneGeoPackageTakeTurnsAndSaySo) {
    const std::string store = fresh_store("two-ingests.gpkg");
    // The first ingest holds the write lock, stopped just before its commit.
    BackgroundBostad first({"ingest", "--month", "2026-10", "-q", "--db", store}, paused_at("ingest.before_commit"),
                           s_dir->file("first"));
    ASSERT_TRUE(first.wait_stopped(30s)) << first.err_so_far();
    BackgroundBostad second({"ingest", "--month", "2026-10", "--db", store}, s_opts, s_dir->file("second"));
    std::string note;
    for (int i = 0; i < 300 && note.find("waiting") == std::string::npos; ++i) {
        std::this_thread::sleep_for(100ms);
        note = second.err_so_far();
    }
    EXPECT_NE(note.find("is being written by another process"), std::string::npos) << note;
    EXPECT_TRUE(second.running());
    first.resume();
    const ProcessResult a = first.wait();
    const ProcessResult b = second.wait();
    EXPECT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(check_store(store), "ok");
    // The second ingest found the first one's rows: the same month again adds runs to the log, nothing else —
    // its rejected rows are the first one's again and move to its runs instead of growing the quarantine.
    const auto count = [](const std::string& path, const char* table) {
        return std::stoi(query(path, std::string("SELECT count(*) FROM ") + table));
    };
    EXPECT_EQ(count(store, "ingest_runs"), 2 * count(s_after, "ingest_runs") - count(s_before, "ingest_runs"));
    for (const char* table : {"permits", "plans", "events", "areas", "rejected_rows"}) {
        EXPECT_EQ(count(store, table), count(s_after, table)) << table;
    }
}

TEST_F(Concurrency, ASecondIngestGivesUpAfterTheLockTimeoutAndWritesNothing) {
    const std::string store = fresh_store("timeout.gpkg");
    BackgroundBostad first({"ingest", "--month", "2026-10", "-q", "--db", store}, paused_at("ingest.before_commit"),
                           s_dir->file("holder"));
    ASSERT_TRUE(first.wait_stopped(30s)) << first.err_so_far();
    ProcessOptions o = s_opts;
    o.env_extra["BOSTAD_LOCK_TIMEOUT"] = "1";
    const ProcessResult r = run_bostad({"ingest", "--month", "2026-10", "-q", "--db", store}, o);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("was still being written by another process after 1 s; nothing was written"), std::string::npos) << r.err;
    first.resume();
    EXPECT_EQ(first.wait().exit_code, 0);
    EXPECT_EQ(dump_store(store, true), dump_store(s_after, true));
    o.env_extra["BOSTAD_LOCK_TIMEOUT"] = "soon";
    const ProcessResult bad = run_bostad({"ingest", "--month", "2026-10", "-q", "--db", store}, o);
    EXPECT_NE(bad.err.find("BOSTAD_LOCK_TIMEOUT: 'soon' is not a whole number of seconds"), std::string::npos) << bad.err;
}

} // namespace
} // namespace bostad::test
