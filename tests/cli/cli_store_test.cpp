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
