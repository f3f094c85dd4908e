#include "cli/store_snapshot.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "cli/context.hpp"
#include "cli/open_store.hpp"
#include "core/error.hpp"
#include "pg/conninfo.hpp"
#include "pg/connection.hpp"
#include "pgstore/pg_store.hpp"
#include "pgstore/to_geopackage.hpp"
#include "sqlite/database.hpp"
#include "store/store.hpp"

namespace bostad::cli {
namespace fs = std::filesystem;

ReadableStore ReadableStore::open(Context& ctx) {
    if (const std::string location = ctx.store_location(); pg::is_pg_location(location)) {
        pgstore::PgStore s = pgstore::PgStore::open(location);
        return snapshot(ctx, s);
    }
    ReadableStore r;
    r.m_store = std::make_unique<store::Store>(open_store_assigned(ctx));
    // Export and report read one consistent state while an ingest may be writing.
    r.m_snapshot = std::make_unique<sqlite::ReadSnapshot>(r.m_store->db());
    return r;
}

ReadableStore ReadableStore::snapshot(Context& ctx, pgstore::PgStore& s) {
    ReadableStore r;
    std::string pattern = (fs::temp_directory_path() / "bostad-snapshot-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw IoError(fmt::format("cannot make a temporary folder like {}", pattern));
    r.m_temp_dir = pattern;
    const std::string file = (fs::path(pattern) / "snapshot.gpkg").string();
    {
        pg::Transaction snapshot(s.conn(), pg::Transaction::Isolation::repeatable_read, true);
        pgstore::copy_to_geopackage(s, file);
    }
    ctx.note(fmt::format("read the PostGIS store in one snapshot into {}", file));
    r.m_store = std::make_unique<store::Store>(store::Store::open(file, store::Access::read_only));
    return r;
}

ReadableStore::ReadableStore(ReadableStore&& o) noexcept
    : m_temp_dir(std::move(o.m_temp_dir)), m_store(std::move(o.m_store)), m_snapshot(std::move(o.m_snapshot)) {
    o.m_temp_dir.reset();
}

ReadableStore::~ReadableStore() {
    m_snapshot.reset();
    m_store.reset();
    if (m_temp_dir) {
        std::error_code ec;
        fs::remove_all(*m_temp_dir, ec);
    }
}

sqlite::Database& ReadableStore::db() { return m_store->db(); }

} // namespace bostad::cli
