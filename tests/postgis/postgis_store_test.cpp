// The PostGIS store against a throwaway PostgreSQL + PostGIS (scripts/pg-throwaway, started by ctest's
// "postgis" fixture): init and check, a lossless copy of the example store, and status parity with the
// GeoPackage store for several months, area sets and municipalities.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <memory>

#include "aggregate/status.hpp"
#include "core/gpkg_blob.hpp"
#include "pg/connection.hpp"
#include "store/feature_source.hpp"
#include "store/postgis/row_digests.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"
#include "sqlite/database.hpp"
#include "support/files.hpp"
#include "support/pg_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

std::string in_schema(const std::string& schema) { return pg_location(schema); }

std::string hex(std::span<const std::uint8_t> bytes) {
    std::string out;
    for (auto b : bytes) out += fmt::format("{:02x}", b);
    return out;
}

class PostgisStore : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = std::make_unique<TempDir>();
        s_opts = make_example_store(s_dir->path().string(), {"2026-09", "2026-10"});
        s_gpkg = s_dir->path().string() + "/ex/bostad.gpkg";
        s_location = in_schema(fmt::format("t_copy_{}", ::getpid()));
        const auto r = run_bostad({"copy", "--to", s_location, "-q"}, s_opts);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    static std::unique_ptr<TempDir> s_dir;
    static ProcessOptions s_opts;
    static std::string s_gpkg;
    static std::string s_location;
};
std::unique_ptr<TempDir> PostgisStore::s_dir;
ProcessOptions PostgisStore::s_opts;
std::string PostgisStore::s_gpkg;
std::string PostgisStore::s_location;

// The PostGIS store's row digests: a row remembered twice before a flush keeps the last digest (one COPY could
// not take its key twice), a forgotten row has none, and digests above 2^63 come back as they went in.
TEST(PostgisRowDigests, KeepTheLastDigestOfARowAndForgetOnRequest) {
    TempDir dir;
    ProcessOptions o;
    o.cwd = dir.path().string();
    const std::string location = in_schema("t_digests");
    ASSERT_EQ(run_bostad({"init", "--db", location, "-q"}, o).exit_code, 0);
    pg::Connection c = pg::Connection::open(location);
    store::postgis::PgRowDigests digests(c, "permit_digests");
    const auto stored = [&] {
        std::vector<std::pair<std::int64_t, std::uint64_t>> out;
        for (const auto& d : digests.load()) out.emplace_back(d.fid, d.digest);
        std::sort(out.begin(), out.end());
        return out;
    };
    constexpr std::uint64_t k_high = 0xF000000000000001ULL;
    digests.remember(2, "1290", "BN 2", 20);
    digests.remember(1, "1290", "BN 1", 10);
    digests.remember(2, "1290", "BN 2", 21);
    digests.remember(3, "1293", "BN 3", k_high);
    using Rows = std::vector<std::pair<std::int64_t, std::uint64_t>>;
    EXPECT_EQ(stored(), (Rows{{1, 10}, {2, 21}, {3, k_high}}));
    digests.remember(1, "1290", "BN 1", 11);
    digests.forget(2);
    EXPECT_EQ(stored(), (Rows{{1, 11}, {3, k_high}}));
}

TEST(PostgisInit, CreatesTheSchemaWithPostgisGeometriesAndGistIndexesOnce) {
    TempDir dir;
    ProcessOptions o;
    o.cwd = dir.path().string();
    const std::string location = in_schema("t_init");
    auto r = run_bostad({"init", "--db", location}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("created PostGIS store"), std::string::npos) << r.out;
    r = run_bostad({"init", "--db", location}, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("already exists in schema t_init"), std::string::npos) << r.out;

    pg::Connection c = pg::Connection::open(location);
    // The tables (the permit_stages view for QGIS aside).
    pg::Result geoms = c.exec("SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = 't_init' "
                              "AND f_table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 't_init') "
                              "ORDER BY f_table_name");
    std::map<std::string, std::pair<std::string, std::int64_t>> found;
    for (int i = 0; i < geoms.rows(); ++i) found[geoms.text(i, 0)] = {geoms.text(i, 1), geoms.int64(i, 2)};
    EXPECT_EQ(found["permits"], (std::pair<std::string, std::int64_t>{"POINT", 3006}));
    EXPECT_EQ(found["plans"], (std::pair<std::string, std::int64_t>{"MULTIPOLYGON", 3006}));
    EXPECT_EQ(found["areas"], (std::pair<std::string, std::int64_t>{"MULTIPOLYGON", 3006}));
    EXPECT_EQ(found["rejected_rows"], (std::pair<std::string, std::int64_t>{"GEOMETRY", 3006}));
    EXPECT_EQ(found.size(), 6u);
    for (const auto& [table, type] : found) {
        EXPECT_EQ(c.query_int("SELECT count(*) FROM pg_indexes WHERE schemaname = 't_init' AND tablename = $1 "
                              "AND indexdef LIKE '%USING gist (geom)%'",
                              {table}),
                  1)
            << table << " has no GiST index on geom";
    }
    const std::string version = std::to_string(store::current_schema_version());
    EXPECT_EQ(c.query_text("SELECT value FROM bostad_meta WHERE key = 'schema_version'"), version);

    r = run_bostad({"check", "--db", location, "--of", "json"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"permits\": 0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"schema_version\": " + version), std::string::npos) << r.out;
}

TEST(PostgisInit, AStoreWithoutTablesIsAClearError) {
    TempDir dir;
    ProcessOptions o;
    o.cwd = dir.path().string();
    const auto r = run_bostad({"status", "--db", in_schema("t_none"), "--month", "2026-10"}, o);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("schema 't_none' holds no bostad store"), std::string::npos) << r.err;
}

TEST_F(PostgisStore, CopyKeepsEveryRowAndValueOfEveryTable) {
    sqlite::Database gpkg(s_gpkg, sqlite::OpenMode::read_only);
    pg::Connection c = pg::Connection::open(s_location);
    std::int64_t compared = 0;
    for (const auto& table : store::store_tables()) {
        pg::Result cols = c.exec("SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = "
                                 "current_schema() AND table_name = $1 ORDER BY ordinal_position",
                                 {table});
        std::string pg_list, sqlite_list;
        std::vector<std::string> kinds;
        for (int i = 0; i < cols.rows(); ++i) {
            const std::string name = pg::quote_identifier(cols.text(i, 0));
            const std::string udt = cols.text(i, 1);
            std::string pg_expr = name, sqlite_expr = name;
            if (udt == "timestamptz") {
                pg_expr = fmt::format("to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", name);
                sqlite_expr = fmt::format("strftime('%Y-%m-%dT%H:%M:%fZ', {})", name);
            } else if (udt == "bool") {
                pg_expr = name + "::int";
            } else if (udt == "geometry") {
                pg_expr = fmt::format("encode(ST_AsBinary({}, 'NDR'), 'hex')", name);
            }
            pg_list += (i ? ", " : "") + pg_expr;
            sqlite_list += (i ? ", " : "") + sqlite_expr;
            kinds.push_back(udt);
        }
        const std::string order = cols.rows() >= 3 ? "1, 2, 3" : "1, 2";
        pg::Result rows = c.exec(fmt::format("SELECT {} FROM {} ORDER BY {}", pg_list, pg::quote_identifier(table), order));
        auto st = gpkg.prepare(fmt::format("SELECT {} FROM {} ORDER BY {}", sqlite_list, sqlite::quote_identifier(table), order));
        int row = 0;
        while (st.step()) {
            ASSERT_LT(row, rows.rows()) << table << ": PostGIS has fewer rows";
            for (int col = 0; col < cols.rows(); ++col) {
                const std::string& kind = kinds[static_cast<std::size_t>(col)];
                const std::string where = fmt::format("{}.{} row {}", table, cols.text(col, 0), row);
                ASSERT_EQ(st.is_null(col), rows.is_null(row, col)) << where;
                if (st.is_null(col)) continue;
                if (kind == "float8") {
                    EXPECT_EQ(st.column_double(col), rows.real(row, col)) << where;
                } else if (kind == "geometry") {
                    const auto blob = st.column_blob(col);
                    const auto header = parse_gpkg_header(blob);
                    ASSERT_TRUE(header) << where;
                    EXPECT_EQ(hex(blob.subspan(header->wkb_offset)), rows.text(row, col)) << where;
                } else {
                    EXPECT_EQ(st.column_text(col), rows.text(row, col)) << where;
                }
                ++compared;
            }
            ++row;
        }
        EXPECT_EQ(row, rows.rows()) << table << ": PostGIS has more rows";
    }
    EXPECT_GT(compared, 40000) << "the example store should give many values to compare";
}

TEST_F(PostgisStore, SerialIdsContinueAfterTheCopiedOnes) {
    pg::Connection c = pg::Connection::open(s_location);
    const auto max_run = c.query_int("SELECT max(id) FROM ingest_runs");
    pg::Transaction tx(c);
    const auto next = c.query_int("SELECT nextval(pg_get_serial_sequence('ingest_runs', 'id'))");
    EXPECT_EQ(next, *max_run + 1);
}

TEST_F(PostgisStore, ASecondCopyIntoTheSameStoreIsRefusedAndChangesNothing) {
    pg::Connection c = pg::Connection::open(s_location);
    const auto before = c.query_int("SELECT count(*) FROM permits");
    const auto r = run_bostad({"copy", "--to", s_location}, s_opts);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("holds data already"), std::string::npos) << r.err;
    EXPECT_EQ(c.query_int("SELECT count(*) FROM permits"), before);
}

TEST_F(PostgisStore, CheckShowsTheSameCountsAsTheGeoPackage) {
    const auto g = run_bostad({"check", "--of", "json"}, s_opts);
    const auto p = run_bostad({"check", "--db", s_location, "--of", "json"}, s_opts);
    ASSERT_EQ(g.exit_code, 0) << g.err;
    ASSERT_EQ(p.exit_code, 0) << p.err;
    for (const char* table : {"\"permits\": ", "\"events\": ", "\"rejected_rows\": ", "\"areas\": ", "\"plans\": "}) {
        const auto at = g.out.find(table);
        ASSERT_NE(at, std::string::npos) << table;
        const std::string line = g.out.substr(at, g.out.find('\n', at) - at);
        EXPECT_NE(p.out.find(line), std::string::npos) << "PostGIS check lacks " << line << "\n" << p.out;
    }
}

TEST_F(PostgisStore, StatusIsTheSameAsOnTheGeoPackageForSeveralMonthsAndAreaSets) {
    int compared = 0;
    for (const char* month : {"2021-03", "2023-12", "2025-06", "2026-09", "2026-10"}) {
        for (const char* set : {"distrikt", "kommuner"}) {
            for (const char* municipality : {"", "1293"}) {
                std::vector<std::string> args{"status", "--month", month, "--area-set", set, "--of", "json", "-q"};
                if (*municipality) args.insert(args.end(), {"--municipality", municipality});
                const auto g = run_bostad(args, s_opts);
                args.insert(args.end(), {"--db", s_location});
                const auto p = run_bostad(args, s_opts);
                ASSERT_EQ(g.exit_code, 0) << g.err;
                ASSERT_EQ(p.exit_code, 0) << p.err;
                EXPECT_EQ(g.out, p.out) << month << " " << set << " " << municipality;
                EXPECT_NE(g.out.find("\"completed\""), std::string::npos);
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, 20);
}

TEST_F(PostgisStore, ListsAreTheSameAsOnTheGeoPackage) {
    std::size_t listed = 0;
    for (const char* list : {"lapsed", "overdue", "stalled", "new", "completed", "plans"}) {
        for (const char* month : {"2024-06", "2026-10"}) {
            std::vector<std::string> args{"status", "--month", month, "--list", list, "--of", "json", "-q"};
            const auto g = run_bostad(args, s_opts);
            args.insert(args.end(), {"--db", s_location});
            const auto p = run_bostad(args, s_opts);
            ASSERT_EQ(p.exit_code, 0) << p.err;
            EXPECT_EQ(g.out, p.out) << list << " " << month;
            for (std::size_t at = g.out.find("\"municipality\""); at != std::string::npos; at = g.out.find("\"municipality\"", at + 1)) {
                ++listed;
            }
        }
    }
    EXPECT_GT(listed, 100u) << "the lists should name many permits and plans";
}

TEST_F(PostgisStore, PermitPlanLinksAreTheSameAsOnTheGeoPackage) {
    std::vector<std::array<std::string, 4>> links[2];
    std::size_t at = 0;
    for (const std::string& location : {s_gpkg, s_location}) {
        const auto store = store::open(location, {store::Access::read_only, {}, {}});
        const auto snapshot = store->read_snapshot();
        store->features().permit_plans([&](const store::PermitPlanLink& l) {
            links[at].push_back({std::string(l.municipality), std::string(l.case_id), std::string(l.plan_municipality),
                                 std::string(l.plan_id)});
        });
        ++at;
    }
    EXPECT_GT(links[0].size(), 50u) << "the example's permits lie in its plans";
    EXPECT_TRUE(std::is_sorted(links[0].begin(), links[0].end()));
    EXPECT_EQ(links[0], links[1]);
    sqlite::Database gpkg(s_gpkg, sqlite::OpenMode::read_only);
    EXPECT_EQ(links[0].size(), static_cast<std::size_t>(*gpkg.query_int("SELECT count(*) FROM permit_plans")));
}

TEST_F(PostgisStore, ForecastIsTheSameAsOnTheGeoPackage) {
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--month", "2026-10"},
                                                  {"--month", "2026-10", "--municipality", "Hässleholm", "--years", "1"},
                                                  {"--backtest", "2025-01..2025-03", "--horizon", "6"}}) {
        std::vector<std::string> args{"forecast", "--of", "json", "--draws", "300", "-q"};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto g = run_bostad(args, s_opts);
        ASSERT_EQ(g.exit_code, 0) << g.err;
        args.insert(args.end(), {"--db", s_location});
        const auto p = run_bostad(args, s_opts);
        ASSERT_EQ(p.exit_code, 0) << p.err;
        EXPECT_EQ(g.out, p.out);
        EXPECT_NE(g.out.find(extra[0] == "--month" ? "\"plans\"" : "\"mean_36_months\""), std::string::npos);
    }
}

TEST_F(PostgisStore, StatusSeesACopyWholeOrNotAtAll) {
    // A status runs in one read-only snapshot: while a writer holds uncommitted rows, it sees the store as it was.
    pg::Connection writer = pg::Connection::open(s_location);
    const std::vector<std::string> args{"status", "--month", "2026-10", "--area-set", "distrikt", "--of", "json", "-q",
                                        "--db", s_location};
    const auto before = run_bostad(args, s_opts);
    {
        pg::Transaction tx(writer);
        writer.exec("UPDATE permits SET completed_date = '2026-10-15' WHERE completed_date IS NULL AND started_date IS NOT NULL");
        const auto during = run_bostad(args, s_opts);
        EXPECT_EQ(during.out, before.out);
    } // rolled back
    EXPECT_EQ(run_bostad(args, s_opts).out, before.out);
}

TEST_F(PostgisStore, AReaderBesideTheSnapshotSeesWhatTheSnapshotSeesAfterAnotherCommit) {
    // The report reads the store from several connections at once; each must see the one snapshot, even when a
    // writer commits in between (PostgreSQL lets it: readers do not block writers).
    const auto s = store::open(s_location, {store::Access::read_only, {}, {}});
    EXPECT_FALSE(s->share_snapshot()) << "no read snapshot, nothing to share";
    aggregate::StatusRequest req;
    req.month = *Month::parse("2026-10");
    req.area_set = "distrikt";
    pg::Connection writer = pg::Connection::open(s_location);
    const std::string bump = "UPDATE permits SET dwellings = dwellings + $1 WHERE fid = (SELECT min(fid) FROM permits "
                             "WHERE dwellings IS NOT NULL AND completed_date IS NOT NULL AND missing_since_run IS NULL)";
    std::optional<aggregate::StatusResult> seen, beside;
    {
        const auto snapshot = s->read_snapshot();
        seen = aggregate::compute_status(s->status(), req);
        writer.exec(bump, {"1000"}); // committed
        const auto shared = s->share_snapshot();
        ASSERT_TRUE(shared);
        beside = aggregate::compute_status(shared->status(), req);
    }
    const auto after = [&] {
        const auto snapshot = s->read_snapshot();
        return aggregate::compute_status(s->status(), req);
    }();
    writer.exec(bump, {"-1000"});
    EXPECT_EQ(beside->total.dwellings, seen->total.dwellings) << "the shared reader sees the snapshot, not the commit";
    EXPECT_EQ(after.total.dwellings[Figure::completed], seen->total.dwellings[Figure::completed] + 1000) << "the commit happened";
}

TEST_F(PostgisStore, HistoryIsTheSameAsOnTheGeoPackage) {
    sqlite::Database gpkg(s_gpkg, sqlite::OpenMode::read_only);
    std::vector<std::string> keys;
    for (const char* entity : {"permit", "plan"}) {
        const auto key = gpkg.query_text("SELECT entity_key FROM events WHERE entity = ? AND kind <> 'created' "
                                         "ORDER BY id LIMIT 1",
                                         entity);
        ASSERT_TRUE(key) << "the example store has no changed " << entity;
        keys.push_back(*key);
    }
    for (const auto& key : keys) {
        const auto g = run_bostad({"history", key, "--of", "json"}, s_opts);
        const auto p = run_bostad({"history", key, "--of", "json", "--db", s_location}, s_opts);
        ASSERT_EQ(g.exit_code, 0) << g.err;
        EXPECT_EQ(g.out, p.out) << key;
        EXPECT_NE(p.out.find("\"kind\": \"changed\""), std::string::npos) << p.out;
    }
    const auto missing = run_bostad({"history", keys[0] + "x", "--db", s_location}, s_opts);
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("did you mean"), std::string::npos) << missing.err;
}

/// Every file under `dir`, relative path → bytes, with the report's "generated" stamp (to the minute, so two
/// runs a second apart may straddle one) written as a placeholder.
std::map<std::string, std::string> files_under(const std::filesystem::path& dir) {
    static const std::regex stamp(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC)");
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::string bytes = read_file(e.path());
        if (e.path().extension() == ".html") bytes = std::regex_replace(bytes, stamp, "GENERATED");
        out[std::filesystem::relative(e.path(), dir).string()] = std::move(bytes);
    }
    return out;
}

TEST_F(PostgisStore, ExportAndReportAreTheSameAsFromTheGeoPackage) {
    const std::string base = s_opts.cwd + "/";
    for (const auto& [name, db] : {std::pair<std::string, std::string>{"g", ""}, {"p", s_location}}) {
        std::vector<std::string> ex{"export", "--month", "2026-10", "--format", "csv", "-o", "export-" + name, "-q"};
        std::vector<std::string> rep{"report", "--month", "2026-10", "--format", "csv,html", "-o", "report-" + name, "-q"};
        if (!db.empty()) {
            ex.insert(ex.end(), {"--db", db});
            rep.insert(rep.end(), {"--db", db});
        }
        const auto e = run_bostad(ex, s_opts);
        ASSERT_EQ(e.exit_code, 0) << e.err;
        const auto r = run_bostad(rep, s_opts);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    for (const char* what : {"export-", "report-"}) {
        const auto g = files_under(base + what + "g");
        const auto p = files_under(base + what + "p");
        EXPECT_GE(g.size(), 5u) << what;
        ASSERT_EQ(g.size(), p.size()) << what;
        for (const auto& [file, bytes] : g) EXPECT_TRUE(p.count(file) && p.at(file) == bytes) << what << file << " differs";
    }
}

TEST_F(PostgisStore, CopyingBackGivesTheSameRowsInEveryTable) {
    const std::string back = s_opts.cwd + "/back.gpkg";
    const auto r = run_bostad({"copy", "--from", s_location, "--to", back, "-q"}, s_opts);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    sqlite::Database db(back, sqlite::OpenMode::read_write);
    db.exec(fmt::format("ATTACH DATABASE '{}' AS original", s_gpkg));
    for (const auto& table : store::store_tables()) {
        const std::string t = sqlite::quote_identifier(table);
        EXPECT_EQ(db.query_int(fmt::format("SELECT count(*) FROM main.{}", t)),
                  db.query_int(fmt::format("SELECT count(*) FROM original.{}", t)))
            << table;
        EXPECT_EQ(db.query_int(fmt::format("SELECT count(*) FROM (SELECT * FROM original.{0} EXCEPT SELECT * FROM main.{0})", t)), 0)
            << table << ": rows of the original that the copy lacks";
    }
    db.exec("DETACH DATABASE original");
    // The copy is a valid store: check reads it, and an existing file is never overwritten.
    EXPECT_EQ(run_bostad({"check", "--db", back, "-q"}, s_opts).exit_code, 0);
    const auto again = run_bostad({"copy", "--from", s_location, "--to", back}, s_opts);
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
}

TEST_F(PostgisStore, QgisConnectedToTheDatabaseGetsTheExportsStyles) {
    // The server's host and port, and this suite's schema, from the location.
    const std::regex keyword(R"((\w+)=(\S+))");
    std::map<std::string, std::string> parts;
    for (std::sregex_iterator it(s_location.begin(), s_location.end(), keyword), end; it != end; ++it) {
        parts[(*it)[1].str()] = (*it)[2].str();
    }
    const auto r = run_process({k_debian_python, std::string(BOSTAD_SOURCE_DIR) + "/tests/qgis/qgis_postgis_check.py",
                                parts["host"], parts["port"], parts["dbname"], parts["user"], parts["active_schema"],
                                "permit_stages", "plans", "areas"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto seen = nlohmann::json::parse(r.out);
    const std::map<std::string, std::pair<std::string, std::string>> expected{
        {"permit_stages", {"stage", "completed"}}, {"plans", {"status", "laga_kraft"}}, {"areas", {"municipality", "1290"}}};
    pg::Connection c = pg::Connection::open(s_location);
    for (const auto& [table, want] : expected) {
        const auto& layer = seen.at(table);
        ASSERT_TRUE(layer.at("valid").get<bool>()) << table << ": " << r.out;
        EXPECT_EQ(layer.at("crs"), "EPSG:3006") << table;
        EXPECT_EQ(layer.at("renderer"), "categorizedSymbol") << table << " was not drawn with the stored style";
        EXPECT_EQ(layer.at("attribute"), want.first) << table;
        const auto categories = layer.at("categories").get<std::vector<std::string>>();
        EXPECT_NE(std::find(categories.begin(), categories.end(), want.second), categories.end()) << table;
        EXPECT_EQ(layer.at("stored_styles").size(), 1u) << table;
        EXPECT_EQ(layer.at("features").get<std::int64_t>(), c.query_int(fmt::format("SELECT count(*) FROM {}", table)))
            << table;
    }
    // The rows name the real database and schema.
    EXPECT_EQ(c.query_int("SELECT count(*) FROM public.layer_styles WHERE f_table_catalog = current_database() "
                          "AND f_table_schema = current_schema() AND useasdefault"),
              3);
}

} // namespace
} // namespace bostad::test
