#include "store/gpkg/summary.hpp"

#include <fmt/format.h>

#include "core/personnummer.hpp"
#include "store/gpkg/migrations.hpp"
#include "store/schema.hpp"
#include "store/gpkg/store_file.hpp"

namespace bostad::store::gpkg {
namespace {

/// Every text value of every bostad table (GeoPackage and SQLite internals left out) that holds a
/// personnummer-like number. SQLite's GLOB picks the values with six digits in a row; C++ checks them.
PersonalDataScan scan_personal_data(sqlite::Database& db) {
    PersonalDataScan scan;
    std::vector<std::pair<std::string, bool>> tables; // name, has a rowid
    auto list = db.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
                           "AND name NOT LIKE 'gpkg%' AND name NOT LIKE 'rtree%' AND name NOT LIKE 'sqlite%' ORDER BY name");
    while (list.step()) tables.emplace_back(list.column_text(0), list.column_int64(1) == 0);
    for (const auto& [table, has_rowid] : tables) {
        std::vector<std::string> columns;
        auto info = db.prepare("SELECT name FROM pragma_table_info(?)");
        info.bind(1, table);
        while (info.step()) columns.push_back(info.column_text(0));
        for (const auto& column : columns) {
            const std::string col = sqlite::quote_identifier(column);
            auto values = db.prepare(fmt::format("SELECT {}, {} FROM {} WHERE typeof({}) = 'text' AND {} GLOB "
                                                 "'*[0-9][0-9][0-9][0-9][0-9][0-9]*'",
                                                 has_rowid ? "rowid" : "NULL", col, sqlite::quote_identifier(table), col, col));
            while (values.step()) {
                if (const auto m = find_personnummer(values.column_view(1))) {
                    scan.add({table, column, values.column_optional_int64(0), m->masked});
                }
            }
        }
    }
    return scan;
}

} // namespace

StoreSummary summarize(StoreFile& store, int last_runs) {
    auto& db = store.db();
    StoreSummary s;
    s.path = store.path();
    s.schema_version = store.schema_version();
    s.tool_schema_version = current_schema_version();
    const auto meta = [&](const char* key) {
        return db.query_text("SELECT value FROM bostad_meta WHERE key = ?", key).value_or("");
    };
    s.created_with = meta("created_with");
    s.created_at = meta("created_at");
    s.last_written_with = meta("last_written_with");

    std::vector<std::string> tables;
    auto st = db.prepare("SELECT table_name FROM gpkg_contents ORDER BY table_name");
    while (st.step()) tables.push_back(st.column_text(0));
    for (const auto& t : tables) {
        const auto n = db.query_int(fmt::format("SELECT count(*) FROM {}", sqlite::quote_identifier(t)));
        s.tables.push_back({t, n.value_or(0)});
    }

    if (db.table_exists("ingest_runs")) {
        auto runs = db.prepare("SELECT id, started_at, kind, source_path, municipality, rows_read, rows_inserted, "
                               "rows_updated, rows_unchanged, rows_rejected FROM ingest_runs ORDER BY id DESC LIMIT ?");
        runs.bind(1, last_runs);
        while (runs.step()) {
            s.last_runs.push_back({runs.column_int64(0), runs.column_text(1), runs.column_text(2), runs.column_text(3),
                                   runs.column_optional_text(4), runs.column_int64(5), runs.column_int64(6),
                                   runs.column_int64(7), runs.column_int64(8), runs.column_int64(9)});
        }
    }
    s.personal_data = scan_personal_data(db);
    for (const auto& ref : run_references()) {
        if (!db.table_exists(ref.table) || !db.table_exists("ingest_runs")) continue; // a store of an early schema
        s.run_references.push_back({ref.table, ref.column, db.query_int(dangling_run_sql(ref, &sqlite::quote_identifier)).value_or(0)});
    }
    return s;
}

} // namespace bostad::store::gpkg
