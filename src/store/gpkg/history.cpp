#include "store/gpkg/history.hpp"

#include <fmt/format.h>

#include "core/records.hpp"
#include "core/text.hpp"
#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

std::vector<EntityHistory> find_history(sqlite::Database& db, const std::string& key,
                                        const std::optional<std::string>& municipality) {
    std::vector<EntityHistory> out;
    for (const auto& t : history_tables()) {
        std::string columns;
        for (const char* f : t.fields) columns += fmt::format(", e.{}", f);
        auto st = db.prepare(fmt::format(
            "SELECT e.municipality, e.{0}, e.first_run, r.started_at, r.source_path, e.missing_since_run{1}, {3} "
            "FROM {2} e JOIN ingest_runs r ON r.id = e.first_run WHERE e.{0} = ?1 AND (?2 IS NULL OR e.municipality = ?2) "
            "ORDER BY e.municipality, {3}",
            t.key_column, columns, t.table, t.extra_key_column ? fmt::format("e.{}", t.extra_key_column) : "''"));
        st.bind_all(key, municipality);
        while (st.step()) {
            EntityHistory h;
            h.entity = t.entity;
            h.municipality = st.column_text(0);
            h.key = permit_id(st.column_text(1), st.column_text(static_cast<int>(6 + t.fields.size())));
            h.first_run = st.column_int64(2);
            h.first_run_at = st.column_text(3);
            h.first_run_source = st.column_text(4);
            h.missing_since_run = st.column_optional_int64(5);
            for (std::size_t i = 0; i < t.fields.size(); ++i) {
                h.current.emplace_back(t.fields[i], st.column_optional_text(static_cast<int>(6 + i)));
            }
            out.push_back(std::move(h));
        }
    }
    auto ev = db.prepare("SELECT e.run_id, r.started_at, r.source_path, e.kind, e.field, e.old_value, e.new_value "
                         "FROM events e JOIN ingest_runs r ON r.id = e.run_id "
                         "WHERE e.entity = ? AND e.municipality = ? AND e.entity_key = ? ORDER BY e.id");
    for (auto& h : out) {
        ev.reset();
        ev.bind_all(h.entity, h.municipality, h.key);
        while (ev.step()) {
            h.events.push_back({ev.column_int64(0), ev.column_text(1), ev.column_text(2), ev.column_text(3),
                                ev.column_optional_text(4), ev.column_optional_text(5), ev.column_optional_text(6)});
        }
    }
    return out;
}

std::vector<RejectedEntry> find_rejected(sqlite::Database& db, const std::string& key,
                                        const std::optional<std::string>& municipality) {
    auto st = db.prepare("SELECT x.kind, coalesce(x.municipality, ''), x.entity_key, x.run_id, r.started_at, x.source_file, "
                         "coalesce(x.source_row, 0), x.reason_code, x.message FROM rejected_rows x JOIN ingest_runs r ON "
                         "r.id = x.run_id WHERE (x.entity_key = ?1 OR substr(x.entity_key, 1, length(?1) + 3) = ?1 || ' | ') "
                         "AND (?2 IS NULL OR x.municipality = ?2) ORDER BY x.run_id, x.fid");
    st.bind_all(key, municipality);
    std::vector<RejectedEntry> out;
    while (st.step()) {
        out.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_int64(3), st.column_text(4),
                       st.column_text(5), st.column_int64(6), st.column_text(7), st.column_text(8)});
    }
    return out;
}

std::vector<std::string> similar_keys(sqlite::Database& db, const std::string& key) {
    std::vector<std::string> keys;
    auto st = db.prepare("SELECT case_id FROM permits UNION SELECT plan_id FROM plans");
    while (st.step()) keys.push_back(st.column_text(0));
    std::vector<std::string> out;
    if (auto best = closest_match(key, keys)) out.push_back(*best);
    return out;
}

} // namespace bostad::store::gpkg
