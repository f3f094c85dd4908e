#pragma once
// The store export and report read a month from: the GeoPackage itself (assignments made first), or, for
// a PostGIS store, one consistent snapshot of it (REPEATABLE READ) written into a GeoPackage in a
// temporary folder that is removed afterwards. Export and report then run the same code on both stores
// and give the same files.

#include <filesystem>
#include <memory>
#include <optional>

namespace bostad::sqlite {
class Database;
class ReadSnapshot;
}
namespace bostad::store {
class Store;
}
namespace bostad::pgstore {
class PgStore;
}

namespace bostad::cli {

class Context;

class ReadableStore {
public:
    static ReadableStore open(Context& ctx);
    /// A snapshot of an open PostGIS store (for monthly, after its ingest).
    static ReadableStore snapshot(Context& ctx, pgstore::PgStore& store);
    ReadableStore(ReadableStore&&) noexcept;
    ReadableStore& operator=(ReadableStore&&) = delete;
    ~ReadableStore();

    sqlite::Database& db();

private:
    ReadableStore() = default;
    std::optional<std::filesystem::path> m_temp_dir;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<sqlite::ReadSnapshot> m_snapshot; ///< of a GeoPackage store, while it is read
};

} // namespace bostad::cli
