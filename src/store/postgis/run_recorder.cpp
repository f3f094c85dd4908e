#include "store/postgis/writers.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/gpkg_blob.hpp"
#include "core/version.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
namespace {

class RunRecorder final : public store::RunRecorder {
public:
    explicit RunRecorder(pg::Connection& c) : m_c(c) {}

    std::int64_t start(const store::RunStart& r) override {
        return m_c.query_int("INSERT INTO ingest_runs (started_at, tool_version, kind, source_path, source_checksum, "
                              "source_layer, mapping, municipality, area_set, full_snapshot, source_name, source_crs) "
                              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                              {utc_now(), std::string(k_tool_version), std::string(kind_name(r.delivery.kind)), r.source_path,
                               r.source_checksum, r.delivery.layer, r.delivery.mapping, r.delivery.municipality,
                               r.delivery.area_set, std::string(r.delivery.full_snapshot ? "t" : "f"), r.delivery.source_name,
                               r.source_crs})
            .value();
    }

    void finish(std::int64_t run, const store::RunCounts& c) override {
        store::check_run_counts(run, c);
        m_c.exec("UPDATE ingest_runs SET finished_at = $1, rows_read = $2, rows_inserted = $3, rows_updated = $4, "
                 "rows_unchanged = $5, rows_rejected = $6, rows_repeated = $7, notes = $8, rows_skipped = $9 WHERE id = $10",
                 {utc_now(), std::to_string(c.read), std::to_string(c.inserted), std::to_string(c.updated),
                  std::to_string(c.unchanged), std::to_string(c.rejected), std::to_string(c.repeated), c.notes_json,
                  std::to_string(c.skipped), std::to_string(run)});
    }

    void event(std::int64_t run, const store::EventRow& e) override {
        m_c.exec("INSERT INTO events (run_id, entity, municipality, entity_key, kind, field, old_value, new_value, "
                 "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                 {std::to_string(run), e.entity, e.municipality, e.key, e.kind, e.field, e.old_value, e.new_value,
                  utc_now()});
    }

    bool reject(std::int64_t run, const store::RejectRow& r) override {
        const auto moved = m_c.query_int(
            "WITH known AS (SELECT fid FROM rejected_rows WHERE content_key = $5 AND run_id <> $1 ORDER BY fid LIMIT 1) "
            "UPDATE rejected_rows x SET run_id = $1, source_row = $2, source_fid = $3, message = $4 FROM known "
            "WHERE x.fid = known.fid RETURNING x.fid",
            {std::to_string(run), std::to_string(r.source_row), r.source_fid, r.message, r.content_key});
        if (moved) return false;
        pg::Param geom;
        if (!r.geometry_wkb.empty()) geom = ewkb_hex(r.geometry_wkb.data(), r.geometry_wkb.size(), k_srid);
        m_c.exec("INSERT INTO rejected_rows (geom, run_id, kind, municipality, source_file, source_row, source_fid, "
                 "reason_code, field, message, raw_attributes, raw_geometry, content_key, entity_key) VALUES ($1::geometry, $2, "
                 "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                 {geom, std::to_string(run), r.kind, r.municipality, r.source_file, std::to_string(r.source_row),
                  r.source_fid, r.reason_code, r.field, r.message, r.raw_attributes, r.raw_geometry, r.content_key,
                  r.entity_key});
        return true;
    }

private:
    pg::Connection& m_c;
};

} // namespace

std::unique_ptr<store::RunRecorder> make_run_recorder(pg::Connection& c) { return std::make_unique<RunRecorder>(c); }

} // namespace bostad::store::postgis
