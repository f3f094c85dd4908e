#include "store/gpkg/run_log.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/gpkg_blob.hpp"
#include "core/version.hpp"
#include "gdal/srs.hpp"

namespace bostad::store::gpkg {

RunLog::RunLog(sqlite::Database& db)
    : m_db(db),
      m_event(db.prepare("INSERT INTO events (run_id, entity, municipality, entity_key, kind, field, old_value, "
                         "new_value, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_reject(db.prepare("INSERT INTO rejected_rows (geom, run_id, kind, municipality, source_file, source_row, "
                          "source_fid, reason_code, field, message, raw_attributes, raw_geometry, content_key, entity_key) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      m_known(db.prepare("UPDATE rejected_rows SET run_id = ?1, source_row = ?2, source_fid = ?3, message = ?4 WHERE fid = "
                         "(SELECT fid FROM rejected_rows WHERE content_key = ?5 AND run_id <> ?1 ORDER BY fid LIMIT 1)")) {}

std::int64_t RunLog::start(const RunStart& r) {
    m_db.prepare("INSERT INTO ingest_runs (started_at, tool_version, kind, source_path, source_checksum, source_layer, "
                 "mapping, municipality, area_set, full_snapshot, source_name, source_crs) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(utc_now(), k_tool_version, kind_name(r.delivery.kind), r.source_path, r.source_checksum, r.delivery.layer,
                  r.delivery.mapping, r.delivery.municipality, r.delivery.area_set, r.delivery.full_snapshot ? 1 : 0,
                  r.delivery.source_name, r.source_crs)
        .run();
    return m_db.last_insert_rowid();
}

void RunLog::finish(std::int64_t run, const RunCounts& c) {
    check_run_counts(run, c);
    m_db.prepare("UPDATE ingest_runs SET finished_at = ?, rows_read = ?, rows_inserted = ?, rows_updated = ?, "
                 "rows_unchanged = ?, rows_rejected = ?, rows_skipped = ?, rows_repeated = ?, notes = ? WHERE id = ?")
        .bind_all(utc_now(), c.read, c.inserted, c.updated, c.unchanged, c.rejected, c.skipped, c.repeated, c.notes_json, run)
        .run();
}

void RunLog::event(std::int64_t run, const EventRow& e) {
    m_event.reset();
    m_event.bind_all(run, e.entity, e.municipality, e.key, e.kind, e.field, e.old_value, e.new_value, utc_now()).run();
}

bool RunLog::reject(std::int64_t run, const RejectRow& r) {
    m_known.reset();
    m_known.bind_all(run, r.source_row, r.source_fid, r.message, r.content_key).run();
    if (m_db.changes() > 0) return false;
    m_reject.reset();
    if (r.geometry_wkb.empty()) {
        m_reject.bind(1, nullptr);
    } else {
        m_reject.bind(1, std::span<const std::uint8_t>(gpkg_blob_from_wkb(r.geometry_wkb, gdal::k_store_epsg)));
    }
    m_reject.bind(2, run).bind(3, r.kind).bind(4, r.municipality).bind(5, r.source_file).bind(6, r.source_row);
    m_reject.bind(7, r.source_fid).bind(8, r.reason_code).bind(9, r.field).bind(10, r.message);
    m_reject.bind(11, r.raw_attributes).bind(12, r.raw_geometry).bind(13, r.content_key).bind(14, r.entity_key);
    m_reject.run();
    return true;
}

} // namespace bostad::store::gpkg
