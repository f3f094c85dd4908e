#include "store/postgis/summary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/personnummer.hpp"
#include "store/postgis/pg_store.hpp"
#include "store/schema.hpp"

namespace bostad::store::postgis {
namespace {

/// The PostGIS store's counterpart of store/summary.cpp's scan: every text or JSON column of the store's
/// tables, values with six digits in a row picked by the server, then checked here.
store::PersonalDataScan scan_personal_data(pg::Connection& c) {
    store::PersonalDataScan scan;
    for (const auto& table : store_tables()) {
        pg::Result columns = c.exec("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND "
                                    "table_name = $2 AND data_type IN ('text', 'character varying', 'json', 'jsonb') "
                                    "ORDER BY ordinal_position",
                                    {c.schema(), table});
        // The row's key as in the GeoPackage store: fid for feature tables, else id.
        const auto key = c.query_text("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND "
                                      "table_name = $2 AND column_name IN ('fid', 'id') ORDER BY column_name LIMIT 1",
                                      {c.schema(), table});
        for (int i = 0; i < columns.rows(); ++i) {
            const std::string column = columns.text(i, 0);
            const std::string col = pg::quote_identifier(column);
            pg::Result values = c.exec(fmt::format("SELECT {}, {}::text FROM {} WHERE {}::text ~ '[0-9]{{6}}'",
                                                   key ? pg::quote_identifier(*key) : "NULL::bigint", col, pg::quote_identifier(table), col));
            for (int r = 0; r < values.rows(); ++r) {
                if (const auto m = find_personnummer(values.text(r, 1))) {
                    scan.add({table, column, values.optional_int64(r, 0), m->masked});
                }
            }
        }
    }
    return scan;
}

} // namespace

store::StoreSummary summarize(PgStore& s, int last_runs) {
    pg::Connection& c = s.conn();
    store::StoreSummary out;
    out.path = s.location();
    out.schema_version = s.schema_version();
    out.tool_schema_version = store::current_schema_version();
    const auto meta = [&](const char* key) {
        return c.query_text("SELECT value FROM bostad_meta WHERE key = $1", {std::string(key)}).value_or("");
    };
    out.created_with = meta("created_with");
    out.created_at = meta("created_at");
    out.last_written_with = meta("last_written_with");
    std::vector<std::string> tables = store_tables();
    std::sort(tables.begin(), tables.end());
    for (const auto& t : tables) {
        out.tables.push_back({t, c.query_int(fmt::format("SELECT count(*) FROM {}", pg::quote_identifier(t))).value_or(0)});
    }
    pg::Result runs = c.exec("SELECT id, to_char(started_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), kind, source_path, "
                             "municipality, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_rejected "
                             "FROM ingest_runs ORDER BY id DESC LIMIT $1",
                             {std::to_string(last_runs)});
    for (int i = 0; i < runs.rows(); ++i) {
        out.last_runs.push_back({runs.int64(i, 0), runs.text(i, 1), runs.text(i, 2), runs.text(i, 3),
                                 runs.optional_text(i, 4), runs.int64(i, 5), runs.int64(i, 6), runs.int64(i, 7),
                                 runs.int64(i, 8), runs.int64(i, 9)});
    }
    out.personal_data = scan_personal_data(c);
    for (const auto& ref : run_references()) {
        out.run_references.push_back({ref.table, ref.column, c.query_int(dangling_run_sql(ref, &pg::quote_identifier)).value_or(0)});
    }
    return out;
}

} // namespace bostad::store::postgis
