#include "store/summary.hpp"

#include <fmt/format.h>

#include "store/migrations.hpp"
#include "store/store.hpp"

namespace bostad::store {

StoreSummary summarize(Store& store, int last_runs) {
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
    return s;
}

} // namespace bostad::store
