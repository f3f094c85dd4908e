#pragma once
// The PostGIS store: the same tables as the GeoPackage store (schemas/postgis/store.sql) in one schema of a
// PostgreSQL database with PostGIS. Creating it is one transaction; opening checks that the schema holds a
// bostad store of this build's schema version; `bostad init` upgrades an older one (schemas/postgis/upgrade/).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pg/connection.hpp"

namespace bostad::store::postgis {

class PgStore {
public:
    /// Creates the store in the location's schema (creating the schema and the postgis extension when
    /// missing). Throws UsageError when the schema holds a bostad store already.
    static PgStore create(std::string_view location);

    /// Connects to a location whose schema may hold no store yet (for create and copy); then, inside the
    /// caller's transaction, create_schema() makes the store there.
    static PgStore connect(std::string_view location);
    /// Creates the tables and records the versions; UsageError when the schema holds a store already.
    void create_schema();
    /// InputError unless the schema holds a store of this build's schema version.
    void check_version();
    /// Brings an older store to this build's schema version, one upgrade file after another, inside the
    /// caller's transaction; returns the version it had. InputError when a step has no upgrade file.
    int upgrade();

    /// Opens an existing store; InputError when the schema has none, or one of another schema version.
    static PgStore open(std::string_view location);

    /// True when the location's schema holds a bostad store.
    static bool exists(pg::Connection& c);

    pg::Connection& conn() { return m_conn; }
    const pg::Connection& conn() const { return m_conn; }
    const std::string& location() const { return m_conn.location(); }
    int schema_version() const { return m_schema_version; }
    /// Records this tool as the last writer (call inside the writing transaction).
    void mark_written();
    /// Serializes writers of the same thing (`what`, e.g. "permits 1290") with a transaction-scoped advisory
    /// lock: when another holds it, tells `on_wait` and waits for it to commit or roll back.
    void lock_for_writing(const std::string& what, const std::function<void(const std::string&)>& on_wait);

private:
    PgStore(pg::Connection c, int version) : m_conn(std::move(c)), m_schema_version(version) {}

    pg::Connection m_conn;
    int m_schema_version;
};

} // namespace bostad::store::postgis
