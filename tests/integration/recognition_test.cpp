// Re-ingests that recognise unchanged rows by their digest instead of decoding them again (issue 18): every
// delivery gives the same report and the same store as when every row is decoded (the digests cleared before
// each ingest), through repeats, rejected rows, conflicting versions of a recognised row, full snapshots
// with missing and reappearing cases, dry runs, a changed config and a changed keep-filter column.
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

using nlohmann::json;

const std::string k_header = "case_id,house_type,tenure,dwellings,applied_date,granted_date,started_date,completed_date,x,y\n";
const std::string k_a1 = "BN 1,småhus,äganderätt,1,2024-01-10,,,,445500,6209000\n";
const std::string k_a2 = "BN 1,småhus,äganderätt,1,2024-01-10,2024-02-20,,,445500,6209000\n";
const std::string k_b1 = "BN 2,flerbostadshus,hyresrätt,24,2024-01-15,,,,445600,6209100\n";
const std::string k_b_other = "BN 2,flerbostadshus,hyresrätt,26,2024-01-15,,,,445600,6209100\n";
const std::string k_c1 = "BN 3,småhus,äganderätt,1,2024-02-03,,,,445700,6209200\n";
const std::string k_bad = "BN 4,småhus,äganderätt,1,2024-13-45,,,,445800,6209300\n";
const std::string k_e1 = "BN 5,småhus,bostadsrätt,2,2024-03-01,,,,445900,6209400\n";
const std::string k_e_other = "BN 5,småhus,bostadsrätt,3,2024-03-01,,,,445900,6209400\n";

/// The run that last delivered each permit: the later of its last change and its last unchanged delivery.
const std::string k_last_delivered = "SELECT max(p.last_changed_run, coalesce(s.last_seen_run, 0)) AS run FROM permits p "
                                     "LEFT JOIN permit_seen s ON s.fid = p.fid";
const std::string k_last_delivered_runs = "SELECT count(DISTINCT run) FROM (" + k_last_delivered + ")";
const std::string k_f1 = "BN 6,flerbostadshus,hyresrätt,40,2024-04-01,,,,446000,6209500\n";

/// The store as text without the digest tables (a cache whose rows depend on what was decoded when).
std::string without_digests(std::string dump) {
    for (const std::string table : {"== permit_digests\n", "== plan_digests\n"}) {
        const auto at = dump.find(table);
        if (at == std::string::npos) continue;
        const auto next = dump.find("\n== ", at + table.size() - 1);
        dump.erase(at, next == std::string::npos ? std::string::npos : next + 1 - at);
    }
    return dump;
}

/// The first line where two dumps differ, or "" when they do not.
std::string first_difference(const std::string& a, const std::string& b) {
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] != b[i]) return a.substr(line_start, a.find('\n', i) - line_start) + "\n  vs\n" + b.substr(line_start, b.find('\n', i) - line_start);
        if (a[i] == '\n') line_start = i + 1;
    }
    return a.size() == b.size() ? "" : "one dump is longer";
}

/// A report without what differs between recognising and decoding: the count recognised, the timings.
json comparable(json report) {
    report.erase("recognized");
    report.erase("seconds");
    return report;
}

class Recognition : public ::testing::Test {
protected:
    void SetUp() override {
        recognising = dir.file("recognising.gpkg");
        decoding = dir.file("decoding.gpkg");
        make_store(recognising);
        make_store(decoding);
    }

    json run_ingest(const std::string& store, const std::string& file, const std::vector<std::string>& extra) {
        std::vector<std::string> args{"ingest", file, "--kind", "permits", "--municipality", "1290", "--crs", "EPSG:3006",
                                      "--db", store, "--of", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run_bostad(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.exit_code == 0 ? json::parse(r.out).at(0) : json::object();
    }

    /// Ingests the rows into both stores (the decoding one with its digests cleared first); expects the same
    /// report and the same store; returns the recognising store's report.
    json ingest(const std::string& name, const std::string& rows, const std::vector<std::string>& extra = {}) {
        const std::string file = dir.file(name);
        write_file(file, k_header + rows);
        sqlite::Database(decoding, sqlite::OpenMode::read_write).exec("DELETE FROM permit_digests");
        const json seen = run_ingest(recognising, file, extra);
        const json decoded = run_ingest(decoding, file, extra);
        EXPECT_EQ(decoded["recognized"], 0);
        EXPECT_EQ(comparable(seen), comparable(decoded)) << name;
        EXPECT_EQ(first_difference(without_digests(dump_store(recognising, true)), without_digests(dump_store(decoding, true))), "")
            << name;
        return seen;
    }

    TempDir dir;
    std::string recognising;
    std::string decoding;
};

TEST_F(Recognition, RecognisedRowsGiveTheSameReportAndStoreAsDecodedOnes) {
    const std::vector<std::string> snapshot{"--full-snapshot"};
    // A repeat (C twice), a rejected row, and two versions of E (both rejected).
    const json m1 = ingest("m1.csv", k_a1 + k_b1 + k_c1 + k_c1 + k_bad + k_e1 + k_e_other, snapshot);
    EXPECT_EQ(m1["inserted"], 3);
    EXPECT_EQ(m1["recognized"], 0);
    EXPECT_EQ(query(recognising, "SELECT count(*) FROM permit_seen"), "0") << "a first delivery is the rows' last change";

    // The same rows again: A, B and C are recognised (C's repeat counted as a repeat), the others decoded.
    const json m2 = ingest("m2.csv", k_a1 + k_b1 + k_c1 + k_c1 + k_bad + k_e1 + k_e_other, snapshot);
    EXPECT_EQ(m2["recognized"], 3) << m2.dump(2);
    EXPECT_EQ(m2["unchanged"], 4);
    EXPECT_EQ(m2["repeated"], 1);
    EXPECT_EQ(m2["rejected"], 3);

    // A changes, F is new, and B comes in a second version beside its recognised one: every row is decoded
    // so that both versions of B are rejected as conflicting, as without recognition.
    const json m3 = ingest("m3.csv", k_a2 + k_b1 + k_c1 + k_f1 + k_b_other, snapshot);
    EXPECT_EQ(m3["recognized"], 0) << m3.dump(2);
    EXPECT_EQ(m3["rejected_by_reason"]["conflicting_duplicate"], 2) << m3.dump(2);
    EXPECT_EQ(m3["updated"], 1);
    EXPECT_EQ(query(recognising, k_last_delivered + " WHERE p.case_id = 'BN 1'"), "3") << "changed in the third run";
    EXPECT_EQ(query(recognising, k_last_delivered + " WHERE p.case_id = 'BN 3'"), "3") << "delivered unchanged in it";

    // B is gone from the snapshot: flagged missing while the others are recognised.
    const json m4 = ingest("m4.csv", k_a2 + k_c1 + k_f1, snapshot);
    EXPECT_EQ(m4["missing_from_snapshot"], 1) << m4.dump(2);
    EXPECT_EQ(m4["recognized"], 3) << m4.dump(2);

    // B comes back as it was: a missing row is never recognised, so it is decoded and reappears.
    const json m5 = ingest("m5.csv", k_a2 + k_b1 + k_c1 + k_f1, snapshot);
    EXPECT_EQ(m5["reappeared"], 1) << m5.dump(2);
    EXPECT_EQ(m5["recognized"], 3);

    // A dry run recognises as a real one and writes nothing.
    const std::string before = file_bytes(recognising);
    const json dry = run_ingest(recognising, dir.file("m5.csv"), {"--full-snapshot", "--dry-run"});
    EXPECT_EQ(dry["recognized"], 4);
    EXPECT_EQ(dry["unchanged"], 4);
    EXPECT_EQ(file_bytes(recognising), before);

    const json m6 = ingest("m6.csv", k_a2 + k_b1 + k_c1 + k_f1, snapshot);
    EXPECT_EQ(m6["recognized"], 4);
    EXPECT_EQ(m6["events"], 0);
    EXPECT_EQ(query(recognising, k_last_delivered_runs), "1")
        << "every recognised row is marked as delivered by the last run";
    EXPECT_EQ(check_store(recognising), "ok");
    EXPECT_EQ(validate_gpkg(recognising), "");
}

// A rejected row (a bad date) with the key of a recognised one makes every version a conflict, as when decoded.
TEST_F(Recognition, ARejectedVersionOfARecognisedCaseIsAConflict) {
    ingest("m1.csv", k_a1 + k_b1);
    const json m2 = ingest("m2.csv", k_a1 + k_b1 + "BN 2,flerbostadshus,hyresrätt,24,2024-13-15,,,,445600,6209100\n");
    EXPECT_EQ(m2["recognized"], 0) << m2.dump(2);
    EXPECT_EQ(m2["rejected_by_reason"]["conflicting_duplicate"], 1) << m2.dump(2);
}

TEST_F(Recognition, WithoutSnapshotUnchangedAndNewRowsMix) {
    ingest("m1.csv", k_a1 + k_b1);
    const json m2 = ingest("m2.csv", k_a1 + k_b1 + k_c1);
    EXPECT_EQ(m2["recognized"], 2);
    EXPECT_EQ(m2["inserted"], 1);
    const json m3 = ingest("m3.csv", k_c1);
    EXPECT_EQ(m3["recognized"], 1);
    EXPECT_EQ(m3["missing_from_snapshot"], 0) << "not a full snapshot";
}

// Many recognised rows are marked seen in permit_seen, beside the permits: the permits' R-tree and its triggers
// are left whole, and the index still follows an edited geometry.
TEST_F(Recognition, ManyRecognisedRowsLeaveTheSpatialIndexAndItsTriggersWhole) {
    std::string rows;
    for (int i = 0; i < 12000; ++i) {
        rows += fmt::format("BN {},småhus,äganderätt,1,2024-01-10,,,,{},{}\n", i, 440000 + i % 100 * 10, 6200000 + i / 100 * 10);
    }
    ingest("m1.csv", rows);
    const json again = ingest("m2.csv", rows);
    EXPECT_EQ(again["recognized"], 12000);
    EXPECT_EQ(query(recognising, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'permits'"), "6");
    EXPECT_EQ(query(recognising, k_last_delivered_runs), "1");
    sqlite::Database db(recognising, sqlite::OpenMode::read_write);
    register_gpkg_functions(db);
    db.exec("UPDATE permits SET geom = (SELECT geom FROM permits WHERE fid = 12000) WHERE fid = 1");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom r JOIN permits p ON p.fid = r.id WHERE p.fid = 1 AND "
                           "r.minx <= ST_MinX(p.geom) AND r.maxx >= ST_MaxX(p.geom) AND r.miny <= ST_MinY(p.geom) AND "
                           "r.maxy >= ST_MaxY(p.geom)"),
              1);
    EXPECT_EQ(check_store(recognising), "ok");
}

// What decides a row's record besides the row — here the config — is part of its digest: after the config
// changes, every row is decoded again; and a change in a keep filter's column (read to filter, never stored)
// makes the row a different row.
TEST_F(Recognition, AChangedConfigOrFilterColumnIsDecodedAgain) {
    const std::string config = R"toml(
[[municipality]]
code = "1290"

[mapping.list]
crs = "EPSG:3006"
municipality = "1290"

[mapping.list.fields]
case_id = "diarienr"
dwellings = "lgh"
applied_date = "ansokan"
x = "x"
y = "y"

[mapping.list.keep]
permit_type = ["Bygglov"]
)toml";
    write_file(dir.path() / "bostad.toml", config);
    const std::string header = "diarienr,lgh,ansokan,permit_type,x,y\n";
    const std::string rows = "BN 1,1,2024-01-10,Bygglov,445500,6209000\nBN 2,4,2024-01-11,Bygglov,445600,6209100\n";
    write_file(dir.path() / "list.csv", header + rows);
    ProcessOptions o;
    o.cwd = dir.path().string();
    const auto ingest_list = [&] {
        const auto r = run_bostad({"--of", "json", "ingest", "list.csv", "--kind", "permits", "--mapping", "list"}, o);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.exit_code == 0 ? json::parse(r.out).at(0) : json::object();
    };
    ASSERT_EQ(run_bostad({"init"}, o).exit_code, 0);
    EXPECT_EQ(ingest_list()["inserted"], 2);
    EXPECT_EQ(ingest_list()["recognized"], 2);

    write_file(dir.path() / "bostad.toml", config + "# a comment changes the file\n");
    const json after_config = ingest_list();
    EXPECT_EQ(after_config["recognized"], 0);
    EXPECT_EQ(after_config["unchanged"], 2);
    EXPECT_EQ(ingest_list()["recognized"], 2) << "decoded once, recognised again";

    write_file(dir.path() / "list.csv", header + "BN 1,1,2024-01-10,Marklov,445500,6209000\nBN 2,4,2024-01-11,Bygglov,445600,6209100\n");
    const json filtered = ingest_list();
    EXPECT_EQ(filtered["recognized"], 1);
    EXPECT_EQ(filtered["skipped_by_reason"]["filtered"], 1) << filtered.dump(2);
}

} // namespace
} // namespace bostad::test
