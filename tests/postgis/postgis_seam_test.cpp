// The store seam on PostGIS beyond the example's size: a bulk load (indexes dropped and built after the rows)
// leaves the same indexes and gives the GeoPackage store's status; a copy from one PostGIS schema into another,
// and from a GeoPackage into a new GeoPackage, carries the whole store.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "pg/connection.hpp"
#include "support/files.hpp"
#include "support/pg_server.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

/// `n` permits of Kristianstad as a CSV in EPSG:3006, at every stage, some with dates that do not parse.
void write_permits(const std::string& path, int n) {
    std::mt19937 rng(1290);
    const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::ofstream out(path);
    out << "case_id,municipality,house_type,dwellings,applied_date,granted_date,started_date,completed_date,x,y\n";
    for (int i = 0; i < n; ++i) {
        const Date applied = Date::from_ymd(2019, 1, 1).plus_days(pick(0, 2800));
        const int stage = pick(0, 3);
        const auto later = [&](Date d, int k) { return stage >= k ? d.plus_days(pick(20, 300)).iso() : std::string(); };
        const std::string granted = later(applied, 1);
        const std::string started = stage >= 2 ? later(*Date::parse_iso(granted), 2) : "";
        const std::string completed = stage >= 3 ? later(*Date::parse_iso(started), 3) : "";
        out << fmt::format("BN {},1290,{},{},{},{},{},{},{},{}\n", i, pick(0, 1) ? "småhus" : "flerbostadshus", pick(1, 12),
                           applied.iso(), granted, started, completed, 440000 + pick(0, 10000), 6200000 + pick(0, 15000));
    }
}

std::vector<std::string> index_definitions(pg::Connection& c) {
    std::vector<std::string> out;
    pg::Result r = c.exec("SELECT indexname, replace(indexdef, schemaname || '.', '') FROM pg_indexes WHERE schemaname = $1 "
                          "AND tablename = 'permits' ORDER BY indexname",
                          {c.schema()});
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0) + ": " + r.text(i, 1));
    // The keys of the table, and those of other tables that point at it.
    pg::Result k = c.exec("SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'permits'::regclass "
                          "OR confrelid = 'permits'::regclass ORDER BY conname");
    for (int i = 0; i < k.rows(); ++i) out.push_back(k.text(i, 0) + " " + k.text(i, 1) + ": " + k.text(i, 2));
    return out;
}

TEST(PostgisSeam, ABulkLoadBuildsTheSameIndexesAndCountsAsTheGeoPackage) {
    TempDir dir;
    ProcessOptions o;
    o.cwd = dir.path().string();
    const std::string csv = dir.file("permits.csv");
    write_permits(csv, 60000);
    const std::string pg = pg_location(fmt::format("t_bulk_{}", ::getpid()));
    const std::string fresh = pg_location(fmt::format("t_fresh_{}", ::getpid()));
    for (const auto& store : {pg, fresh, dir.file("s.gpkg")}) ASSERT_EQ(run_bostad({"init", "--db", store, "-q"}, o).exit_code, 0);
    for (const auto& store : {pg, dir.file("s.gpkg")}) {
        const auto r = run_bostad({"ingest", csv, "--kind", "permits", "--crs", "EPSG:3006", "--db", store, "-q"}, o);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // Six districts of 4 km over part of the permits (the rest in none): the status reads the assignments in parts.
    std::ofstream areas(dir.file("areas.csv"));
    areas << "area_id,name,wkt\n";
    for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 3; ++j) {
            const int x = 440000 + i * 4000, y = 6200000 + j * 4000;
            areas << fmt::format("D{}{},District,\"POLYGON(({} {},{} {},{} {},{} {},{} {}))\"\n", i, j, x, y, x + 4000, y, x + 4000, y + 4000,
                                 x, y + 4000, x, y);
        }
    }
    areas.close();
    for (const auto& store : {pg, dir.file("s.gpkg")}) {
        const auto r = run_bostad({"ingest", dir.file("areas.csv"), "--kind", "areas", "--area-set", "grid", "--crs", "EPSG:3006",
                                   "--db", store, "-q"},
                                  o);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    pg::Connection loaded = pg::Connection::open(pg);
    pg::Connection empty = pg::Connection::open(fresh);
    EXPECT_EQ(index_definitions(loaded), index_definitions(empty));
    EXPECT_EQ(index_definitions(loaded).size(), 8u) << "3 indexes; the key, the case key, 2 checks and the footprints' key";
    EXPECT_EQ(loaded.query_int("SELECT count(*) FROM permits"), 60000);
    const auto with = [&](const std::string& store, std::vector<std::string> more) {
        std::vector<std::string> a{"status", "--month", "2026-06", "--of", "json", "-q", "--db", store};
        a.insert(a.end(), more.begin(), more.end());
        return run_bostad(a, o);
    };
    const auto g = with(dir.file("s.gpkg"), {});
    const auto p = with(pg, {});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_EQ(g.out, p.out);
    EXPECT_NE(g.out.find("\"completed\": "), std::string::npos);
    const auto ga = with(dir.file("s.gpkg"), {"--area-set", "grid"});
    const auto pa = with(pg, {"--area-set", "grid"});
    ASSERT_EQ(pa.exit_code, 0) << pa.err;
    EXPECT_EQ(ga.out, pa.out);
    EXPECT_NE(ga.out.find("\"area_id\": \"D12\""), std::string::npos) << ga.out.substr(0, 400);

    // A second load of the same file finds every row through the kept indexes and changes nothing.
    const auto again = run_bostad({"ingest", csv, "--kind", "permits", "--crs", "EPSG:3006", "--db", pg, "--of", "json", "-q"}, o);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("\"unchanged\": 60000"), std::string::npos) << again.out;
}

TEST(PostgisSeam, CopiesGoFromAnyStoreToAnyOther) {
    TempDir dir;
    const ProcessOptions o = make_example_store(dir.path().string(), {"2026-09", "2026-10"});
    const std::string gpkg = dir.path().string() + "/ex/bostad.gpkg";
    const std::string first = pg_location(fmt::format("t_copy_a_{}", ::getpid()));
    const std::string second = pg_location(fmt::format("t_copy_b_{}", ::getpid()));
    const std::string back = dir.path().string() + "/back.gpkg";
    ASSERT_EQ(run_bostad({"copy", "--from", gpkg, "--to", first, "-q"}, o).exit_code, 0);
    const auto pg_to_pg = run_bostad({"copy", "--from", first, "--to", second, "-q"}, o);
    ASSERT_EQ(pg_to_pg.exit_code, 0) << pg_to_pg.err;
    EXPECT_NE(pg_to_pg.out.find("(schema t_copy_b_"), std::string::npos) << pg_to_pg.out;
    ASSERT_EQ(run_bostad({"copy", "--from", gpkg, "--to", back, "-q"}, o).exit_code, 0);
    EXPECT_EQ(validate_gpkg(back), "");
    std::vector<std::string> outputs;
    for (const auto& store : {gpkg, second, back}) {
        const auto r = run_bostad({"status", "--month", "2026-10", "--of", "json", "-q", "--db", store}, o);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        outputs.push_back(r.out);
    }
    EXPECT_EQ(outputs[0], outputs[1]);
    EXPECT_EQ(outputs[0], outputs[2]);
    // Every run id the copies' rows name is a run of theirs.
    for (const auto& store : {second, back}) {
        const auto h = run_bostad({"check", "--db", store, "--of", "json"}, o);
        ASSERT_EQ(h.exit_code, 0) << h.err;
        const auto refs = nlohmann::json::parse(h.out)["run_references"];
        EXPECT_EQ(refs.size(), 11u);
        for (const auto& [column, rows] : refs.items()) EXPECT_EQ(rows, 0) << column;
    }
}

} // namespace
} // namespace bostad::test
