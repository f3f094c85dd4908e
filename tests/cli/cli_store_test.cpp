// init and check through the real executable, on stores of every kind.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "store/gpkg/migrations.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

void make_v1_store(const std::string& path) {
    sqlite::Database db(path, sqlite::OpenMode::create);
    sqlite::register_gpkg_functions(db);
    sqlite::Transaction tx(db);
    store::gpkg::apply_migrations(db, 0, 1);
    tx.commit();
}

TEST(CliStore, InitWritesAStoreThatGdalValidates) {
    TempDir dir;
    const auto r = run_bostad({"init", "--db", dir.file("b.gpkg")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(validate_gpkg(dir.file("b.gpkg")), "");
}

TEST(CliStore, InitLeavesAForeignFileUnchanged) {
    TempDir dir;
    {
        sqlite::Database db(dir.file("other.sqlite"), sqlite::OpenMode::create);
        db.exec("CREATE TABLE mine (a INTEGER); INSERT INTO mine VALUES (7)");
    }
    const std::string before = file_bytes(dir.file("other.sqlite"));
    const auto r = run_bostad({"init", "--db", dir.file("other.sqlite")});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("not a GeoPackage"), std::string::npos) << r.err;
    EXPECT_EQ(file_bytes(dir.file("other.sqlite")), before);
}

TEST(CliStore, CheckShowsAnOlderStoreWithoutMigratingIt) {
    TempDir dir;
    const std::string path = dir.file("old.gpkg");
    make_v1_store(path);
    const std::string before = file_bytes(path);
    const auto r = run_bostad({"check", "--db", path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("schema version  1 (older than this bostad's " + std::to_string(store::current_schema_version()) +
                         "; the next write migrates it)"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(file_bytes(path), before);
}

TEST(CliStore, InitMigratesAnOlderStore) {
    TempDir dir;
    const std::string path = dir.file("old.gpkg");
    make_v1_store(path);
    const auto r = run_bostad({"init", "--db", path, "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["migrated_from"], 1);
    EXPECT_EQ(j["schema_version"], store::current_schema_version());
    EXPECT_EQ(j["created"], false);
    const auto check = run_bostad({"check", "--db", path, "--of", "json"});
    ASSERT_EQ(check.exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(check.out)["tables"]["permits"], 0);
    EXPECT_EQ(validate_gpkg(path), "");
}

TEST(CliStore, NewerStoreIsRefusedByEveryCommand) {
    TempDir dir;
    const std::string path = dir.file("new.gpkg");
    ASSERT_EQ(run_bostad({"init", "--db", path}).exit_code, 0);
    {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.exec("UPDATE bostad_meta SET value = '70' WHERE key = 'schema_version'");
    }
    const std::string before = file_bytes(path);
    for (const char* cmd : {"init", "check"}) {
        const auto r = run_bostad({cmd, "--db", path});
        EXPECT_EQ(r.exit_code, 3) << cmd;
        EXPECT_NE(r.err.find("schema version 70, newer than this bostad knows (" +
                             std::to_string(store::current_schema_version()) + ")"),
                  std::string::npos)
            << r.err;
    }
    EXPECT_EQ(file_bytes(path), before);
}

TEST(CliStore, CheckJsonIsMachineReadable) {
    TempDir dir;
    const std::string path = dir.file("s.gpkg");
    ASSERT_EQ(run_bostad({"init", "--db", path}).exit_code, 0);
    const auto r = run_bostad({"check", "--db", path, "--of", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["schema_version"], store::current_schema_version());
    EXPECT_EQ(j["created_with"], "0.1.0");
    for (const char* t : {"permits", "plans", "areas", "area_sets", "events", "ingest_runs", "rejected_rows"}) {
        EXPECT_EQ(j["tables"][t], 0) << t;
    }
    EXPECT_TRUE(j["last_runs"].empty());
}

} // namespace
} // namespace bostad::test

namespace bostad::test {
namespace {

TEST(CliStore, CheckFindsRowsThatNameNoRun) {
    TempDir dir;
    ProcessOptions o;
    o.cwd = dir.path().string();
    write_file(dir.file("p.csv"), "case_id,municipality,dwellings,applied_date,x,y\nBN 1,1290,2,2024-01-01,445500,6209000\n"
                                  "BN 2,1290,1,2024-02-01,445600,6209100\n");
    ASSERT_EQ(run_bostad({"init", "-q"}, o).exit_code, 0);
    ASSERT_EQ(run_bostad({"ingest", "p.csv", "--kind", "permits", "--crs", "EPSG:3006", "-q"}, o).exit_code, 0);
    auto sound = run_bostad({"check", "--of", "json"}, o);
    ASSERT_EQ(sound.exit_code, 0) << sound.err;
    const auto j = nlohmann::json::parse(sound.out);
    EXPECT_EQ(j["run_references"]["permits.first_run"], 0);
    EXPECT_EQ(j["run_references"].size(), 11u);
    EXPECT_NE(run_bostad({"check"}, o).out.find("every run id in the store names an ingest run"), std::string::npos);
    {
        sqlite::Database db(dir.file("bostad.gpkg"), sqlite::OpenMode::read_write);
        sqlite::register_gpkg_functions(db); // the R-tree triggers call them
        db.exec("INSERT INTO permit_seen (fid, last_seen_run) SELECT fid, 99 FROM permits WHERE case_id = 'BN 2'");
    }
    const auto broken = run_bostad({"check"}, o);
    EXPECT_EQ(broken.exit_code, 1) << "found data problems";
    EXPECT_NE(broken.out.find("permit_seen.last_seen_run: 1 row(s)"), std::string::npos) << broken.out;
    EXPECT_NE(broken.err.find("1 row(s) in bostad.gpkg name an ingest run that is not there"), std::string::npos) << broken.err;
}

} // namespace
} // namespace bostad::test
