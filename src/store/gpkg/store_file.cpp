#include "store/gpkg/store_file.hpp"

#include <filesystem>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

#include "sqlite/gpkg_functions.hpp"
#include "store/gpkg/migrations.hpp"

namespace bostad::store::gpkg {
namespace fs = std::filesystem;

namespace {

std::string describe_refusal(const std::string& path, const Identity& id) {
    if (!id.is_sqlite) return fmt::format("'{}' is not a bostad store: it is not a SQLite/GeoPackage file", path);
    if (!id.is_geopackage) return fmt::format("'{}' is not a bostad store: it is an SQLite database but not a GeoPackage", path);
    return fmt::format("'{}' is not a bostad store: it is a GeoPackage without bostad's tables "
                       "(create a store with `bostad init --db NEW.gpkg`)",
                       path);
}

void prepare_connection(sqlite::Database& db) {
    sqlite::register_gpkg_functions(db);
    // Foreign keys are declared in the schema but not enforced on every statement: enforcement needs a
    // statement journal per row and halves the speed of bulk loads. bostad writes every reference itself;
    // `PRAGMA foreign_key_check` (run by GDAL's validator and by the tests) verifies them.
    db.exec("PRAGMA foreign_keys = OFF");
    // A large page cache keeps a whole ingest in memory until commit, instead of spilling pages early.
    db.exec("PRAGMA cache_size = -262144");
    // Statement journals and temporary indexes stay in memory rather than in temp files.
    db.exec("PRAGMA temp_store = MEMORY");
}

} // namespace

void recover_after_crash(const std::string& path) {
    std::error_code ec;
    const fs::path journal = path + "-journal";
    if (!fs::exists(journal, ec) || fs::file_size(journal, ec) == 0) return;
    // A writer was interrupted: its rollback journal is "hot". SQLite rolls it back when a connection that
    // may write reads the file; a read-only connection would refuse to open it instead.
    try {
        sqlite::Database db(path, sqlite::OpenMode::read_write);
        db.query_int("SELECT count(*) FROM sqlite_master");
    } catch (const sqlite::Error&) {
        // not a database, or not writable: identify() reports what it is
    }
}

Identity identify(const std::string& path) {
    Identity id;
    std::error_code ec;
    if (!fs::exists(path, ec)) return id;
    recover_after_crash(path);
    id.exists = true;
    if (fs::is_directory(path, ec) || fs::file_size(path, ec) == 0) return id;
    try {
        sqlite::Database db(path, sqlite::OpenMode::read_only);
        const auto app_id = db.query_int("PRAGMA application_id");
        id.is_sqlite = true; // the header was readable
        id.is_geopackage = app_id == k_gpkg_application_id;
        if (db.table_exists("bostad_meta")) {
            id.is_bostad = db.query_text("SELECT value FROM bostad_meta WHERE key = 'store'") == "bostad";
            if (auto v = db.query_text("SELECT value FROM bostad_meta WHERE key = 'schema_version'")) {
                id.schema_version = std::stoi(*v);
            }
        }
    } catch (const sqlite::Error&) {
        // SQLITE_NOTADB and friends: not a database we can read
    } catch (const std::logic_error&) {
        id.is_bostad = false; // a schema_version that is not a number
    }
    return id;
}

StoreFile::StoreFile(std::string path, std::unique_ptr<sqlite::Database> db, int version, int opened_version)
    : m_path(std::move(path)), m_db(std::move(db)), m_schema_version(version), m_opened_schema_version(opened_version) {}

std::unique_ptr<sqlite::SharedRead> StoreFile::share_read() {
    auto read = sqlite::share_read(*m_db);
    if (!read) return nullptr;
    prepare_connection(read->db());
    // A reader beside another: its pages are mostly read once, and the file is in the OS's cache anyway.
    read->db().exec("PRAGMA cache_size = -32768; PRAGMA mmap_size = 0");
    return read;
}

void StoreFile::create(const std::string& path) {
    const fs::path target(path);
    std::error_code ec;
    if (fs::exists(target, ec)) throw UsageError(fmt::format("'{}' already exists; bostad never overwrites a file", path));
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(dir, ec)) throw IoError(fmt::format("cannot create '{}': folder '{}' does not exist", path, dir.string()));

    // Build the store under a temporary name beside the target, then link it into place: the target
    // appears complete or not at all, and an existing file is never replaced.
    const fs::path tmp = dir / fmt::format(".{}.bostad-init-{}", target.filename().string(), ::getpid());
    fs::remove(tmp, ec);
    try {
        {
            sqlite::Database db(tmp.string(), sqlite::OpenMode::create);
            prepare_connection(db);
            sqlite::Transaction tx(db);
            apply_migrations(db, 0, current_schema_version());
            tx.commit();
        }
        fs::create_hard_link(tmp, target);
    } catch (const fs::filesystem_error& e) {
        fs::remove(tmp, ec);
        if (fs::exists(target, ec)) throw UsageError(fmt::format("'{}' already exists; bostad never overwrites a file", path));
        throw IoError(fmt::format("cannot create '{}': {}", path, e.code().message()));
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::remove(tmp, ec);
}

StoreFile StoreFile::open(const std::string& path, Access access) {
    const Identity id = identify(path);
    if (!id.exists) {
        throw InputError(fmt::format("no store at '{}': create one with `bostad init --db {}`", path, path));
    }
    if (!id.is_bostad) throw InputError(describe_refusal(path, id));
    const int current = current_schema_version();
    if (id.schema_version > current) {
        throw InputError(fmt::format("'{}' has schema version {}, newer than this bostad knows ({}): "
                                     "upgrade bostad to open it",
                                     path, id.schema_version, current));
    }
    const auto mode = access == Access::read_only ? sqlite::OpenMode::read_only : sqlite::OpenMode::read_write;
    auto db = std::make_unique<sqlite::Database>(path, mode);
    prepare_connection(*db);
    int version = id.schema_version;
    if (access == Access::read_write && version < current) {
        sqlite::Transaction tx(*db);
        apply_migrations(*db, version, current);
        tx.commit();
        version = current;
    }
    return StoreFile(path, std::move(db), version, id.schema_version);
}

} // namespace bostad::store::gpkg
