#include "store/postgis/history.hpp"

#include <fmt/format.h>

#include "core/records.hpp"
#include "core/text.hpp"
#include "pg/connection.hpp"

namespace bostad::store::postgis {
namespace {

// Times as the GeoPackage store writes them.
constexpr const char* k_iso_time = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

/// A column as SQLite shows its value: whole floating-point numbers with ".0".
std::string as_sqlite_text(const std::string& column) {
    return fmt::format("CASE WHEN pg_typeof({0}) = 'double precision'::regtype AND {0}::text ~ '^-?[0-9]+$' "
                       "THEN {0}::text || '.0' ELSE {0}::text END",
                       column);
}

} // namespace

std::vector<store::EntityHistory> find_history(pg::Connection& c, const std::string& key,
                                               const std::optional<std::string>& municipality) {
    std::vector<store::EntityHistory> out;
    for (const auto& t : store::history_tables()) {
        std::string columns;
        for (const char* f : t.fields) columns += ", " + as_sqlite_text(fmt::format("e.{}", f));
        const std::string extra = t.extra_key_column ? fmt::format("e.{}", t.extra_key_column) : "''";
        pg::Result r = c.exec(fmt::format("SELECT e.municipality, e.{0}, e.first_run, to_char(r.started_at, {3}), "
                                          "r.source_path, e.missing_since_run{1}, {4} FROM {2} e JOIN ingest_runs r ON r.id = "
                                          "e.first_run WHERE e.{0} = $1 AND ($2::text IS NULL OR e.municipality = $2) "
                                          "ORDER BY e.municipality COLLATE \"C\", {4} COLLATE \"C\"",
                                          t.key_column, columns, t.table, k_iso_time, extra),
                              {key, municipality});
        for (int i = 0; i < r.rows(); ++i) {
            store::EntityHistory h;
            h.entity = t.entity;
            h.municipality = r.text(i, 0);
            h.key = permit_id(r.text(i, 1), r.text(i, static_cast<int>(6 + t.fields.size())));
            h.first_run = r.int64(i, 2);
            h.first_run_at = r.text(i, 3);
            h.first_run_source = r.text(i, 4);
            h.missing_since_run = r.optional_int64(i, 5);
            for (std::size_t f = 0; f < t.fields.size(); ++f) {
                h.current.emplace_back(t.fields[f], r.optional_text(i, static_cast<int>(6 + f)));
            }
            out.push_back(std::move(h));
        }
    }
    for (auto& h : out) {
        pg::Result ev = c.exec(fmt::format("SELECT e.run_id, to_char(r.started_at, {}), r.source_path, e.kind, e.field, "
                                           "e.old_value, e.new_value FROM events e JOIN ingest_runs r ON r.id = e.run_id "
                                           "WHERE e.entity = $1 AND e.municipality = $2 AND e.entity_key = $3 ORDER BY e.id",
                                           k_iso_time),
                               {h.entity, h.municipality, h.key});
        for (int i = 0; i < ev.rows(); ++i) {
            h.events.push_back({ev.int64(i, 0), ev.text(i, 1), ev.text(i, 2), ev.text(i, 3), ev.optional_text(i, 4),
                                ev.optional_text(i, 5), ev.optional_text(i, 6)});
        }
    }
    return out;
}

std::vector<store::RejectedEntry> find_rejected(pg::Connection& c, const std::string& key,
                                                const std::optional<std::string>& municipality) {
    pg::Result r = c.exec(fmt::format("SELECT x.kind, coalesce(x.municipality, ''), x.entity_key, x.run_id, "
                                      "to_char(r.started_at, {}), x.source_file, coalesce(x.source_row, 0), x.reason_code, "
                                      "x.message FROM rejected_rows x JOIN ingest_runs r ON r.id = x.run_id WHERE "
                                      "(x.entity_key = $1 OR left(x.entity_key, length($1) + 3) = $1 || ' | ') AND ($2::text IS NULL OR "
                                      "x.municipality = $2) ORDER BY x.run_id, x.fid",
                                      k_iso_time),
                          {key, municipality});
    std::vector<store::RejectedEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.int64(i, 3), r.text(i, 4), r.text(i, 5), r.int64(i, 6),
                       r.text(i, 7), r.text(i, 8)});
    }
    return out;
}

std::vector<std::string> similar_keys(pg::Connection& c, const std::string& key) {
    pg::Result r = c.exec("SELECT case_id FROM permits UNION SELECT plan_id FROM plans");
    std::vector<std::string> keys;
    for (int i = 0; i < r.rows(); ++i) keys.push_back(r.text(i, 0));
    std::vector<std::string> out;
    if (auto best = closest_match(key, keys)) out.push_back(*best);
    return out;
}

} // namespace bostad::store::postgis
