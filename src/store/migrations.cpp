#include "store/migrations.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "sqlite/database.hpp"
#include "store/spatial_index.hpp"

namespace bostad {
std::span<const EmbeddedFile> schema_files(); // generated from schemas/ by cmake/embed.cmake
}

namespace bostad::store {
namespace {

constexpr int k_gpkg_user_version = 10300;                  // GeoPackage 1.3.0

std::vector<Migration> load_migrations() {
    std::vector<Migration> out;
    for (const auto& f : schema_files()) {
        // store/NNN_name.sql
        if (!f.path.starts_with("store/") || !f.path.ends_with(".sql")) continue;
        const std::string_view name = f.path.substr(6);
        const int version = std::stoi(std::string(name.substr(0, 3)));
        out.push_back({version, f.path, f.text});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != static_cast<int>(i) + 1) {
            throw InternalError(fmt::format("schema files are not numbered 1, 2, ...: {}", out[i].file));
        }
    }
    return out;
}

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
        if (!has_spatial_index(db, table, column)) create_spatial_index(db, table, column);
    }
}

} // namespace

std::span<const Migration> migrations() {
    static const std::vector<Migration> k_all = load_migrations();
    return k_all;
}

int current_schema_version() { return static_cast<int>(migrations().size()); }

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

} // namespace bostad::store
