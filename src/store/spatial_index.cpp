#include "store/spatial_index.hpp"

#include <string>

#include <fmt/format.h>

#include "sqlite/database.hpp"

namespace bostad::store {
namespace {

std::string rtree_name(std::string_view table, std::string_view column) {
    return fmt::format("rtree_{}_{}", table, column);
}

} // namespace

bool has_spatial_index(sqlite::Database& db, std::string_view table, std::string_view column) {
    return db.table_exists(rtree_name(table, column));
}

void create_spatial_index(sqlite::Database& db, std::string_view table, std::string_view column) {
    using sqlite::quote_identifier;
    const std::string rtree = rtree_name(table, column);
    const std::string r = quote_identifier(rtree);
    const std::string t = quote_identifier(table);
    const std::string c = quote_identifier(column);
    // Trigger names are identifiers too; quote them with the rtree name as their stem.
    const auto trig = [&](std::string_view suffix) { return quote_identifier(fmt::format("{}_{}", rtree, suffix)); };
    const std::string values = fmt::format("NEW.fid, ST_MinX(NEW.{0}), ST_MaxX(NEW.{0}), ST_MinY(NEW.{0}), ST_MaxY(NEW.{0})", c);
    const std::string not_empty = fmt::format("NEW.{0} NOT NULL AND NOT ST_IsEmpty(NEW.{0})", c);
    const std::string empty = fmt::format("NEW.{0} IS NULL OR ST_IsEmpty(NEW.{0})", c);

    db.exec(fmt::format("CREATE VIRTUAL TABLE {} USING rtree(id, minx, maxx, miny, maxy)", r));
    db.exec(fmt::format("INSERT OR REPLACE INTO {0} SELECT fid, ST_MinX({2}), ST_MaxX({2}), ST_MinY({2}), ST_MaxY({2}) "
                        "FROM {1} WHERE {2} NOT NULL AND NOT ST_IsEmpty({2})",
                        r, t, c));
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
    db.prepare("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
               "VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")
        .bind_all(table, column)
        .run();
}

} // namespace bostad::store
