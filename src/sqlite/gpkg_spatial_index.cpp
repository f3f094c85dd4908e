#include "sqlite/gpkg_spatial_index.hpp"

#include <string>

#include <fmt/format.h>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_rtree_bulk.hpp"

namespace bostad::sqlite {
namespace {


std::string rtree_name(std::string_view table, std::string_view column) {
    return fmt::format("rtree_{}_{}", table, column);
}

constexpr const char* k_trigger_suffixes[] = {"insert", "update1", "update2", "update3", "update4", "delete"};

std::string trigger_name(std::string_view rtree, std::string_view suffix) {
    return quote_identifier(fmt::format("{}_{}", rtree, suffix));
}

void create_triggers(Database& db, std::string_view table, std::string_view column) {
    const std::string rtree = rtree_name(table, column);
    const std::string r = quote_identifier(rtree);
    const std::string t = quote_identifier(table);
    const std::string c = quote_identifier(column);
    const auto trig = [&](std::string_view suffix) { return trigger_name(rtree, suffix); };
    const std::string values = fmt::format("NEW.fid, ST_MinX(NEW.{0}), ST_MaxX(NEW.{0}), ST_MinY(NEW.{0}), ST_MaxY(NEW.{0})", c);
    const std::string not_empty = fmt::format("NEW.{0} NOT NULL AND NOT ST_IsEmpty(NEW.{0})", c);
    const std::string empty = fmt::format("NEW.{0} IS NULL OR ST_IsEmpty(NEW.{0})", c);
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER INSERT ON {1} WHEN ({2}) BEGIN "
                        "INSERT OR REPLACE INTO {3} VALUES ({4}); END",
                        trig("insert"), t, not_empty, r, values));
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER UPDATE OF {1} ON {2} WHEN OLD.fid = NEW.fid AND ({3}) BEGIN "
                        "INSERT OR REPLACE INTO {4} VALUES ({5}); END",
                        trig("update1"), c, t, not_empty, r, values));
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER UPDATE OF {1} ON {2} WHEN OLD.fid = NEW.fid AND ({3}) BEGIN "
                        "DELETE FROM {4} WHERE id = OLD.fid; END",
                        trig("update2"), c, t, empty, r));
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER UPDATE ON {1} WHEN OLD.fid != NEW.fid AND ({2}) BEGIN "
                        "DELETE FROM {3} WHERE id = OLD.fid; INSERT OR REPLACE INTO {3} VALUES ({4}); END",
                        trig("update3"), t, not_empty, r, values));
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER UPDATE ON {1} WHEN OLD.fid != NEW.fid AND ({2}) BEGIN "
                        "DELETE FROM {3} WHERE id IN (OLD.fid, NEW.fid); END",
                        trig("update4"), t, empty, r));
    db.exec(fmt::format("CREATE TRIGGER {0} AFTER DELETE ON {1} WHEN OLD.{2} NOT NULL BEGIN "
                        "DELETE FROM {3} WHERE id = OLD.fid; END",
                        trig("delete"), t, c, r));
}

void drop_triggers(Database& db, std::string_view table, std::string_view column) {
    const std::string rtree = rtree_name(table, column);
    for (const char* suffix : k_trigger_suffixes) db.exec(fmt::format("DROP TRIGGER IF EXISTS {}", trigger_name(rtree, suffix)));
}

/// Rebuilds the R-tree from the table's geometries, in bulk.
void rebuild(Database& db, std::string_view table, std::string_view column) {
    std::vector<RtreeItem> items;
    auto st = db.prepare(fmt::format("SELECT fid, {0} FROM {1} WHERE {0} IS NOT NULL", quote_identifier(column),
                                     quote_identifier(table)));
    while (st.step()) {
        if (const auto env = gpkg_blob_envelope(st.column_blob(1))) items.push_back({st.column_int64(0), *env});
    }
    bulk_load_rtree(db, rtree_name(table, column), std::move(items));
}

} // namespace

bool has_spatial_index(Database& db, std::string_view table, std::string_view column) {
    return db.table_exists(rtree_name(table, column));
}

void create_spatial_index(Database& db, std::string_view table, std::string_view column) {
    db.exec(fmt::format("CREATE VIRTUAL TABLE {} USING rtree(id, minx, maxx, miny, maxy)",
                        quote_identifier(rtree_name(table, column))));
    rebuild(db, table, column);
    create_triggers(db, table, column);
    db.prepare("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
               "VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
        .bind_all(table, column)
        .run();
}

BulkIndexLoad::BulkIndexLoad(Database& db, std::string table, std::string column)
    : m_db(db), m_table(std::move(table)), m_column(std::move(column)) {
    drop_triggers(m_db, m_table, m_column);
}

void BulkIndexLoad::finish() {
    if (m_finished) return;
    rebuild(m_db, m_table, m_column);
    create_triggers(m_db, m_table, m_column);
    m_finished = true;
}

} // namespace bostad::sqlite
