// GDAL's own GeoPackage validator as a real client (python3-gdal, installed by scripts/setup).
#include <gtest/gtest.h>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "store/gpkg/migrations.hpp"
#include "store/gpkg/store_file.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::store::gpkg {
namespace {

TEST(StoreValidator, NewStorePassesGdalValidator) {
    test::TempDir dir;
    const std::string path = dir.file("bostad.gpkg");
    StoreFile::create(path);
    EXPECT_EQ(test::validate_gpkg(path), "");
}

TEST(StoreValidator, MigratedStorePassesGdalValidator) {
    test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    {
        sqlite::Database db(path, sqlite::OpenMode::create);
        sqlite::register_gpkg_functions(db);
        sqlite::Transaction tx(db);
        apply_migrations(db, 0, 1);
        tx.commit();
    }
    EXPECT_EQ(test::validate_gpkg(path), "");
    { StoreFile s = StoreFile::open(path, Access::read_write); }
    EXPECT_EQ(test::validate_gpkg(path), "");
}

TEST(StoreValidator, ValidatorCatchesABrokenGeoPackage) {
    // The validator must be able to fail, or the tests above prove nothing.
    test::TempDir dir;
    const std::string path = dir.file("broken.gpkg");
    StoreFile::create(path);
    {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.exec("UPDATE gpkg_geometry_columns SET srs_id = 99999 WHERE table_name = 'permits'");
    }
    EXPECT_NE(test::validate_gpkg(path), "");
}

} // namespace
} // namespace bostad::store::gpkg
