#include <fmt/format.h>
#include <gtest/gtest.h>

#include <functional>

#include "core/gpkg_blob.hpp"
#include "geos/context.hpp"
#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "store/gpkg/migrations.hpp"
#include "store/gpkg/store_file.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::store::gpkg {
namespace {

using test::file_bytes;
using test::TempDir;

/// A store as an older bostad (schema version `version`) would have written it.
void make_store_of_version(const std::string& path, int version) {
    sqlite::Database db(path, sqlite::OpenMode::create);
    sqlite::register_gpkg_functions(db);
    sqlite::Transaction tx(db);
    apply_migrations(db, 0, version);
    tx.commit();
}

/// A store of schema version `version` with ingest runs 1..`runs`, then filled by `fill` as that older bostad
/// would have written it (the R-tree triggers call the GeoPackage functions).
void write_older_store(const std::string& path, int version, int runs, const std::function<void(sqlite::Database&)>& fill) {
    make_store_of_version(path, version);
    sqlite::Database db(path, sqlite::OpenMode::read_write);
    sqlite::register_gpkg_functions(db);
    for (int run = 1; run <= runs; ++run) {
        db.exec(fmt::format("INSERT INTO ingest_runs (id, started_at, tool_version, kind, source_path) VALUES ({}, 'x', 'old', "
                            "'permits', 'p.csv')",
                            run));
    }
    fill(db);
}

template <typename Fn>
std::string error_message(Fn&& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(Store, CreateMakesACurrentBostadGeoPackage) {
    TempDir dir;
    const std::string path = dir.file("bostad.gpkg");
    StoreFile::create(path);
    const Identity id = identify(path);
    EXPECT_TRUE(id.is_sqlite);
    EXPECT_TRUE(id.is_geopackage);
    EXPECT_TRUE(id.is_bostad);
    EXPECT_EQ(id.schema_version, current_schema_version());
    StoreFile s = StoreFile::open(path, Access::read_only);
    for (const char* table : {"permits", "plans", "area_sets", "areas", "events", "ingest_runs", "rejected_rows"}) {
        EXPECT_TRUE(s.db().table_exists(table)) << table;
    }
    EXPECT_EQ(s.db().query_int("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'permits'"), 3006);
    EXPECT_EQ(s.db().query_int("SELECT count(DISTINCT srs_id) FROM gpkg_geometry_columns"), 1);
    EXPECT_EQ(s.db().query_text("SELECT value FROM bostad_meta WHERE key = 'created_with'"), "0.1.0");
    EXPECT_EQ(s.db().query_int("SELECT count(*) FROM bostad_schema_history"), current_schema_version());
    // Nothing is left beside the store.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(Store, CreateNeverReplacesAFile) {
    TempDir dir;
    const std::string path = dir.file("taken.gpkg");
    test::write_file(path, "my notes");
    EXPECT_THROW(StoreFile::create(path), UsageError);
    EXPECT_EQ(file_bytes(path), "my notes");
}

TEST(Store, CreateInAMissingFolderFailsCleanly) {
    TempDir dir;
    const std::string path = dir.file("no/such/folder/bostad.gpkg");
    EXPECT_THROW(StoreFile::create(path), IoError);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Store, SpatialIndexFollowsInsertsAndDeletes) {
    TempDir dir;
    const std::string path = dir.file("s.gpkg");
    StoreFile::create(path);
    StoreFile s = StoreFile::open(path, Access::read_write);
    geos::Context ctx;
    const auto blob = gpkg_blob_from_wkb(ctx.to_wkb(ctx.from_wkt("POINT(445500 6209000)").get()), 3006);
    auto& db = s.db();
    db.exec("INSERT INTO ingest_runs (started_at, tool_version, kind, source_path) "
            "VALUES ('2026-11-01T00:00:00.000Z', 'test', 'permits', 'x.csv')");
    db.prepare("INSERT INTO permits (geom, municipality, case_id, first_run, last_changed_run) "
               "VALUES (?, '1290', 'BN 2026-1', 1, 1)")
        .bind(1, std::span<const std::uint8_t>(blob))
        .run();
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom WHERE minx = 445500 AND maxy = 6209000"), 1);
    db.exec("DELETE FROM permits");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom"), 0);
}

TEST(Store, OpenMissingFileSaysHowToCreateOne) {
    TempDir dir;
    const std::string msg = error_message([&] { StoreFile::open(dir.file("none.gpkg"), Access::read_write); });
    EXPECT_NE(msg.find("bostad init"), std::string::npos) << msg;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.gpkg")));
}

TEST(Store, RefusesFilesThatAreNotBostadStoresAndLeavesThemAlone) {
    TempDir dir;
    const std::string text = dir.file("notes.gpkg");
    test::write_file(text, "this is not a database, just text that is long enough to have a header......");
    {
        sqlite::Database plain(dir.file("plain.sqlite"), sqlite::OpenMode::create);
        plain.exec("CREATE TABLE x (a INTEGER)");
    }
    {
        sqlite::Database gpkg(dir.file("other.gpkg"), sqlite::OpenMode::create);
        gpkg.exec("PRAGMA application_id = 1196444487; CREATE TABLE gpkg_contents (table_name TEXT)");
    }
    for (const auto& [file, expected] : std::vector<std::pair<std::string, std::string>>{
             {text, "not a SQLite/GeoPackage file"},
             {dir.file("plain.sqlite"), "not a GeoPackage"},
             {dir.file("other.gpkg"), "GeoPackage without bostad's tables"}}) {
        const std::string before = file_bytes(file);
        const std::string msg = error_message([&] { StoreFile::open(file, Access::read_write); });
        EXPECT_NE(msg.find(expected), std::string::npos) << msg;
        EXPECT_NE(msg.find(file), std::string::npos) << msg;
        EXPECT_EQ(file_bytes(file), before) << file;
        EXPECT_THROW(StoreFile::open(file, Access::read_write), InputError);
    }
}

TEST(Store, RefusesANewerStoreUnchanged) {
    TempDir dir;
    const std::string path = dir.file("future.gpkg");
    StoreFile::create(path);
    {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.exec("UPDATE bostad_meta SET value = '99' WHERE key = 'schema_version'");
    }
    const std::string before = file_bytes(path);
    const std::string msg = error_message([&] { StoreFile::open(path, Access::read_write); });
    EXPECT_NE(msg.find("schema version 99"), std::string::npos) << msg;
    EXPECT_NE(msg.find("upgrade bostad"), std::string::npos) << msg;
    EXPECT_EQ(file_bytes(path), before);
}

TEST(Store, MigratesAnOlderStoreForwardKeepingItsData) {
    TempDir dir;
    const std::string path = dir.file("old.gpkg");
    make_store_of_version(path, 1);
    {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.exec("INSERT INTO bostad_meta (key, value) VALUES ('note', 'kept across migrations')");
    }
    EXPECT_EQ(identify(path).schema_version, 1);

    // Read-only opening shows the old version and changes nothing.
    const std::string before = file_bytes(path);
    {
        StoreFile ro = StoreFile::open(path, Access::read_only);
        EXPECT_EQ(ro.schema_version(), 1);
        EXPECT_FALSE(ro.db().table_exists("permits"));
    }
    EXPECT_EQ(file_bytes(path), before);

    StoreFile s = StoreFile::open(path, Access::read_write);
    EXPECT_EQ(s.opened_schema_version(), 1);
    EXPECT_EQ(s.schema_version(), current_schema_version());
    EXPECT_TRUE(s.db().table_exists("permits"));
    EXPECT_TRUE(s.db().table_exists("rtree_permits_geom"));
    EXPECT_EQ(s.db().query_text("SELECT value FROM bostad_meta WHERE key = 'note'"), "kept across migrations");
    EXPECT_EQ(s.db().query_int("SELECT max(schema_version) FROM bostad_schema_history"), current_schema_version());
    EXPECT_EQ(identify(path).schema_version, current_schema_version());
}

TEST(Store, Version6KeepsEveryPermitAndLetsItsDwellingsBeUnknown) {
    TempDir dir;
    const std::string path = dir.file("v5.gpkg");
    write_older_store(path, 5, 1, [](sqlite::Database& db) {
        const auto a = gpkg_blob_from_wkb(wkb_point(445000, 6209000), 3006);
        const auto b = gpkg_blob_from_wkb(wkb_point(446000, 6210000), 3006);
        db.prepare("INSERT INTO permits (fid, geom, municipality, case_id, property, dwellings, dwellings_removed, applied_date, "
                   "granted_date, first_run, last_changed_run, last_seen_run) VALUES "
                   "(7, ?, '1290', 'BN 1', 'A 1:1', 4, 1, '2024-01-02', '2024-02-03', 1, 1, 1), "
                   "(9, ?, '1290', 'BN 2', NULL, 0, 0, '2024-01-05', NULL, 1, 1, 1)")
            .bind(1, std::span<const std::uint8_t>(a))
            .bind(2, std::span<const std::uint8_t>(b))
            .run();
        db.exec("INSERT INTO permit_footprints (geom, permit_fid) VALUES (NULL, 7)");
        db.exec("INSERT INTO rejected_rows (run_id, kind, source_file, reason_code, message, raw_attributes) "
                "VALUES (1, 'permits', 'p.csv', 'invalid_date', 'm', '{}')");
    });
    StoreFile s = StoreFile::open(path, Access::read_write);
    ASSERT_EQ(s.schema_version(), current_schema_version());
    auto& db = s.db();
    EXPECT_EQ(db.query_text("SELECT group_concat(fid || ':' || case_id || ':' || coalesce(dwellings, 'NULL') || ':' || "
                            "coalesce(granted_date, '-'), ' ') FROM (SELECT * FROM permits ORDER BY fid)"),
              "7:BN 1:4:2024-02-03 9:BN 2:0:-")
        << "every row and value kept (the old schema stored 0 where 6 stores NULL)";
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom"), 2) << "the R-tree is rebuilt";
    EXPECT_EQ(db.query_int("SELECT count(*) FROM permit_footprints f JOIN permits p ON p.fid = f.permit_fid"), 1);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(db.query_int("SELECT rows_skipped FROM ingest_runs"), 0);
    EXPECT_FALSE(db.query_text("SELECT content_key FROM rejected_rows").has_value()) << "rows before 6 have no content key";
    db.exec("UPDATE permits SET dwellings = NULL WHERE fid = 7");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM permits WHERE dwellings IS NULL"), 1) << "unknown dwellings are NULL";
    EXPECT_THROW(db.exec("UPDATE permits SET dwellings = -1 WHERE fid = 7"), sqlite::Error) << "the check stays";
    EXPECT_EQ(db.query_int("SELECT count(*) FROM gpkg_extensions WHERE table_name = 'permits' AND extension_name = 'gpkg_rtree_index'"), 1);
}

// Version 7 keeps each permit's and plan's last_seen_run in a narrow table beside it when it is later than its last
// change (else the last change is the last delivery): every value is kept.
TEST(Store, Version7KeepsTheLastSeenRunOfEveryPermitAndPlanApart) {
    TempDir dir;
    const std::string path = dir.file("v6.gpkg");
    write_older_store(path, 6, 3, [](sqlite::Database& db) {
        const auto a = gpkg_blob_from_wkb(wkb_point(445000, 6209000), 3006);
        db.prepare("INSERT INTO permits (fid, geom, municipality, case_id, first_run, last_changed_run, last_seen_run) VALUES "
                   "(4, ?, '1290', 'BN 1', 1, 1, 3), (5, NULL, '1290', 'BN 2', 1, 2, 2)")
            .bind(1, std::span<const std::uint8_t>(a))
            .run();
        db.exec("INSERT INTO plans (fid, municipality, plan_id, status, first_run, last_changed_run, last_seen_run) "
                "VALUES (8, '1293', 'P 1', 'laga_kraft', 1, 1, 3)");
    });
    StoreFile s = StoreFile::open(path, Access::read_write);
    auto& db = s.db();
    EXPECT_EQ(db.query_text("SELECT group_concat(fid || ':' || last_seen_run, ' ') FROM (SELECT * FROM permit_seen ORDER BY fid)"),
              "4:3") << "5 was last delivered when it last changed";
    EXPECT_EQ(db.query_text("SELECT group_concat(fid || ':' || last_seen_run, ' ') FROM plan_seen"), "8:3");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM pragma_table_info('permits') WHERE name = 'last_seen_run'"), 0);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM pragma_table_info('plans') WHERE name = 'last_seen_run'"), 0);
    EXPECT_EQ(db.query_text("SELECT group_concat(fid || ':' || case_id || ':' || last_changed_run, ' ') FROM "
                            "(SELECT * FROM permits ORDER BY fid)"),
              "4:BN 1:1 5:BN 2:2");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom"), 1) << "the R-tree and its triggers survive";
    db.exec("UPDATE permits SET geom = NULL WHERE fid = 4");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_permits_geom"), 0);
}

TEST(Store, AFailedMigrationLeavesTheStoreAsItWas) {
    TempDir dir;
    const std::string path = dir.file("blocked.gpkg");
    make_store_of_version(path, 1);
    {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.exec("CREATE TABLE permits (something_else TEXT)"); // migration 2 cannot create its permits table
    }
    const std::string before = file_bytes(path);
    EXPECT_THROW(StoreFile::open(path, Access::read_write), InternalError);
    EXPECT_EQ(file_bytes(path), before);
    EXPECT_EQ(identify(path).schema_version, 1);
}

} // namespace
} // namespace bostad::store::gpkg
