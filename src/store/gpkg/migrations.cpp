#include "store/gpkg/migrations.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/version.hpp"
#include "sqlite/database.hpp"
#include "sqlite/gpkg_spatial_index.hpp"
#include "store/schema.hpp"

namespace bostad::store::gpkg {
namespace {

constexpr int k_gpkg_user_version = 10300;                  // GeoPackage 1.3.0

void set_meta(sqlite::Database& db, std::string_view key, std::string_view value) {
    db.prepare("INSERT INTO bostad_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(key, value)
        .run();
}

/// Every geometry column registered without its R-tree gets one.
void create_missing_spatial_indexes(sqlite::Database& db) {
    std::vector<std::pair<std::string, std::string>> columns;
    auto st = db.prepare("SELECT table_name, column_name FROM gpkg_geometry_columns ORDER BY table_name");
    while (st.step()) columns.emplace_back(st.column_text(0), st.column_text(1));
    for (const auto& [table, column] : columns) {
        if (!sqlite::has_spatial_index(db, table, column)) sqlite::create_spatial_index(db, table, column);
    }
}

} // namespace

void apply_migrations(sqlite::Database& db, int from, int to) {
    if (!db.in_transaction()) throw InternalError("apply_migrations needs an open transaction");
    if (from == 0) {
        db.exec(fmt::format("PRAGMA application_id = {}", k_gpkg_application_id));
        db.exec(fmt::format("PRAGMA user_version = {}", k_gpkg_user_version));
    }
    for (const auto& m : migrations()) {
        if (m.version <= from || m.version > to) continue;
        try {
            db.exec(m.sql);
        } catch (const sqlite::Error& e) {
            throw InternalError(fmt::format("schema migration {} ({}) failed: {}", m.version, m.file, e.what()));
        }
        create_missing_spatial_indexes(db);
        db.prepare("INSERT INTO bostad_schema_history (schema_version, tool_version) VALUES (?, ?)")
            .bind_all(m.version, k_tool_version)
            .run();
        if (m.version == 1) {
            set_meta(db, "store", "bostad");
            set_meta(db, "created_with", k_tool_version);
            set_meta(db, "created_at", *db.query_text("SELECT strftime('%Y-%m-%dT%H:%M:%fZ','now')"));
        }
        set_meta(db, "schema_version", std::to_string(m.version));
    }
    set_meta(db, "last_written_with", k_tool_version);
}

} // namespace bostad::store::gpkg
