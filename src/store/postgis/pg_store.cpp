#include "store/postgis/pg_store.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/embedded.hpp"
#include "core/version.hpp"
#include "store/postgis/styles.hpp"
#include "store/schema.hpp"

namespace bostad {
std::span<const EmbeddedFile> schema_files(); // generated from schemas/ by cmake/embed.cmake
}

namespace bostad::store::postgis {
namespace {

std::string_view store_sql() {
    const EmbeddedFile* f = find_embedded(schema_files(), "postgis/store.sql");
    if (!f) throw InternalError("schemas/postgis/store.sql is not compiled in");
    return f->text;
}

/// The SQL that brings a store from `version` - 1 to `version`, if this build has it.
const EmbeddedFile* upgrade_file(int version) {
    return find_embedded(schema_files(), fmt::format("postgis/upgrade/{:03}.sql", version));
}

/// True when every step from `from` to `to` has an upgrade file.
bool can_upgrade(int from, int to) {
    for (int v = from + 1; v <= to; ++v) {
        if (!upgrade_file(v)) return false;
    }
    return true;
}

/// The version recorded in the store's bostad_meta; InputError when it is not a bostad store's.
int recorded_version(pg::Connection& c) {
    const auto kind = c.query_text("SELECT value FROM bostad_meta WHERE key = 'store'");
    const auto version_text = c.query_text("SELECT value FROM bostad_meta WHERE key = 'schema_version'");
    const int version = version_text ? std::atoi(version_text->c_str()) : 0;
    if (kind != "bostad" || version <= 0) {
        throw InputError(fmt::format("--db '{}': schema '{}' has a bostad_meta table that is not a bostad store's",
                                     c.location(), c.schema()));
    }
    return version;
}

void set_meta(pg::Connection& c, const std::string& key, const std::string& value) {
    c.exec("INSERT INTO bostad_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
           {key, value});
}

} // namespace

bool PgStore::exists(pg::Connection& c) {
    return c.query_int("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = $1 AND tablename = 'bostad_meta'",
                       {c.schema()}) > 0;
}

PgStore PgStore::connect(std::string_view location) { return PgStore(pg::Connection::open(location), 0); }

void PgStore::create_schema() {
    pg::Connection& c = m_conn;
    // One creator at a time per schema; a second waits here and then finds the store.
    c.exec("SELECT pg_advisory_xact_lock(hashtext('bostad init ' || $1))", {c.schema()});
    if (exists(c)) {
        throw UsageError(fmt::format("--db '{}': schema '{}' holds a bostad store already; bostad never overwrites a store",
                                     c.location(), c.schema()));
    }
    // One extension creator at a time per database: two stores made at once in a fresh database (in different
    // schemas) would otherwise both create PostGIS, and the second fail on its catalogue rows.
    c.exec_script("SELECT pg_advisory_xact_lock(hashtext('bostad create extension postgis'))");
    if (!c.query_int("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'").value_or(0)) {
        try {
            c.exec_script("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (const pg::Error& e) {
            throw InputError(fmt::format("--db '{}': the database has no PostGIS and this user may not create it "
                                         "(ask the database owner for `CREATE EXTENSION postgis`): {}",
                                         c.location(), e.what()));
        }
    }
    c.exec_script(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", pg::quote_identifier(c.schema())));
    c.exec_script(store_sql());
    const int version = store::current_schema_version();
    set_meta(c, "store", "bostad");
    set_meta(c, "schema_version", std::to_string(version));
    set_meta(c, "created_with", k_tool_version);
    set_meta(c, "created_at", utc_now());
    set_meta(c, "last_written_with", k_tool_version);
    c.exec("INSERT INTO bostad_schema_history (schema_version, tool_version) VALUES ($1, $2)",
           {std::to_string(version), std::string(k_tool_version)});
    write_styles(c, {});
    m_schema_version = version;
}

PgStore PgStore::create(std::string_view location) {
    PgStore s = connect(location);
    pg::Transaction tx(s.m_conn);
    s.create_schema();
    tx.commit();
    return s;
}

void PgStore::check_version() {
    pg::Connection& c = m_conn;
    if (!exists(c)) {
        throw InputError(fmt::format("--db '{}': schema '{}' holds no bostad store: create one with `bostad init --db ...` "
                                     "or `bostad copy --from STORE.gpkg --to ...`",
                                     c.location(), c.schema()));
    }
    const int version = recorded_version(c);
    const int current = store::current_schema_version();
    if (version > current) {
        throw InputError(fmt::format("--db '{}': the store has schema version {}, this bostad writes {}: upgrade bostad to open it",
                                     c.location(), version, current));
    }
    if (version < current) {
        throw InputError(fmt::format("--db '{}': the store has schema version {}, this bostad writes {}{}", c.location(), version,
                                     current,
                                     can_upgrade(version, current)
                                         ? fmt::format(": upgrade it with `bostad init --db '{}'`", c.location())
                                         : std::string(": it cannot be upgraded in place; copy the store again from its "
                                                       "GeoPackage with `bostad copy`")));
    }
    m_schema_version = version;
}

int PgStore::upgrade() {
    pg::Connection& c = m_conn;
    c.exec("SELECT pg_advisory_xact_lock(hashtext('bostad init ' || $1))", {c.schema()});
    const int from = recorded_version(c);
    const int current = store::current_schema_version();
    if (from >= current || !can_upgrade(from, current)) {
        check_version(); // a newer store, or one without upgrade files: says why and what to do
        return from;
    }
    for (int v = from + 1; v <= current; ++v) {
        c.exec_script(upgrade_file(v)->text);
        c.exec("INSERT INTO bostad_schema_history (schema_version, tool_version) VALUES ($1, $2)",
               {std::to_string(v), std::string(k_tool_version)});
        set_meta(c, "schema_version", std::to_string(v));
    }
    mark_written();
    m_schema_version = current;
    return from;
}

PgStore PgStore::open(std::string_view location) {
    PgStore s = connect(location);
    s.check_version();
    return s;
}

void PgStore::lock_for_writing(const std::string& what, const std::function<void(const std::string&)>& on_wait) {
    const std::string key = m_conn.schema() + " " + what;
    if (m_conn.query_text("SELECT pg_try_advisory_xact_lock(hashtext($1))", {key}) == "t") return;
    if (on_wait) {
        on_wait(fmt::format("another bostad is writing {} to this store; waiting for it to finish", what));
    }
    m_conn.exec("SELECT pg_advisory_xact_lock(hashtext($1))", {key});
}

void PgStore::mark_written() { set_meta(m_conn, "last_written_with", k_tool_version); }

} // namespace bostad::store::postgis
