#pragma once
// The embedded store's file: one GeoPackage that is also the bostad database (product.md, "The store").
// Opening checks what the file is, refuses what is not a bostad store or is newer than this build, and
// migrates an older store forward in one transaction.

#include <memory>
#include <string>

#include "sqlite/database.hpp"
#include "store/store.hpp"

namespace bostad::store::gpkg {

/// What a file on disk turned out to be.
struct Identity {
    bool exists = false;
    bool is_sqlite = false;
    bool is_geopackage = false; ///< application_id 'GPKG'
    bool is_bostad = false;     ///< bostad_meta says store = bostad
    int schema_version = 0;
};

/// Looks at a file without changing it (but for rolling back the journal of an interrupted writer).
Identity identify(const std::string& path);

/// Rolls back what an interrupted writer left (a hot rollback journal), so that readers can open the store.
void recover_after_crash(const std::string& path);

class StoreFile {
public:
    /// Creates a new store at `path`; the file appears complete or not at all. Fails if `path` exists.
    static void create(const std::string& path);

    /// Opens an existing store. Throws InputError (exit 3) when the file is missing, not a bostad store,
    /// or of a newer schema version; a refused file is never changed.
    static StoreFile open(const std::string& path, Access access);

    sqlite::Database& db() { return *m_db; }
    /// Another connection, prepared as this one is, reading its state (sqlite::share_read); null when none can.
    std::unique_ptr<sqlite::SharedRead> share_read();
    const std::string& path() const { return m_path; }
    int schema_version() const { return m_schema_version; }
    /// The schema version the store had before this open migrated it (same as schema_version() if none).
    int opened_schema_version() const { return m_opened_schema_version; }

private:
    StoreFile(std::string path, std::unique_ptr<sqlite::Database> db, int version, int opened_version);

    std::string m_path;
    std::unique_ptr<sqlite::Database> m_db;
    int m_schema_version;
    int m_opened_schema_version;
};

} // namespace bostad::store::gpkg
