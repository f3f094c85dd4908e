#include "store/postgis/feature_source.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
namespace {

constexpr int k_batch = 20000;

/// A geometry column as the hex of its ISO WKB (little-endian, as the GeoPackage store holds it).
std::string wkb_of(const char* column) { return fmt::format("encode(ST_AsBinary({}, 'NDR'), 'hex')", column); }

/// A time as the GeoPackage store writes it.
std::string time_of(const char* column) {
    return fmt::format("to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')", column);
}

std::vector<std::uint8_t> wkb_at(const pg::Result& r, int row, int col) {
    if (r.is_null(row, col)) return {};
    return from_hex(r.view(row, col));
}

} // namespace

std::vector<AreaFeature> PgFeatureSource::areas(const std::string& area_set) {
    pg::Result r = m_c.exec(fmt::format("SELECT a.area_id, coalesce(a.name, ''), a.municipality, {} FROM areas a "
                                        "JOIN area_sets s ON s.id = a.area_set_id WHERE s.name = $1 "
                                        "ORDER BY a.area_id COLLATE \"C\"",
                                        wkb_of("a.geom")),
                            {area_set});
    std::vector<AreaFeature> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.optional_text(i, 2), wkb_at(r, i, 3)});
    return out;
}

void PgFeatureSource::permits(const PermitQuery& q, const std::function<void(const PermitFeature&)>& each) {
    if (!m_c.in_transaction()) throw InternalError("the PostGIS store is read in a snapshot (a transaction)");
    // COPY is the quickest way out of the database; its one value is bound into a setting of this transaction.
    m_c.exec("SELECT set_config('bostad.area_set_name', $1, true)", {q.area_set.value_or("")});
    const std::string sql = fmt::format(
        "SELECT p.municipality, p.case_id, p.property, p.house_type, p.tenure, p.dwellings, p.dwellings_removed, "
        "p.applied_date, p.granted_date, p.started_date, p.completed_date, p.refused_date, p.withdrawn_date, a.area_id, {}, "
        "p.assumed, p.year_only FROM permits p LEFT JOIN area_sets s ON s.name = current_setting('bostad.area_set_name', true) "
        "LEFT JOIN permit_areas pa ON pa.area_set_id = s.id AND pa.permit_fid = p.fid "
        "LEFT JOIN areas a ON a.fid = pa.area_fid "
        "WHERE p.missing_since_run IS NULL ORDER BY p.municipality COLLATE \"C\", p.case_id COLLATE \"C\"",
        q.geometry ? wkb_of("p.geom") : "NULL");
    PermitFeature f;
    std::vector<std::uint8_t> wkb;
    m_c.copy_out(sql, [&](pg::Connection::CopyFields c) {
        f.municipality = *c[0];
        f.case_id = *c[1];
        f.property = c[2];
        f.house_type = c[3];
        f.tenure = c[4];
        f.dwellings = c[5] ? std::optional(int_of(*c[5])) : std::nullopt;
        f.dwellings_removed = int_of(*c[6]);
        f.dates = {c[7], c[8], c[9], c[10], c[11], c[12], year_only_bits(c[16])};
        f.area_id = c[13];
        if (c[14]) from_hex(*c[14], wkb);
        else wkb.clear();
        f.wkb = wkb;
        f.assumed = c[15];
        each(f);
    });
}

void PgFeatureSource::plans(const std::function<void(const PlanFeature&)>& each) {
    const std::string sql = fmt::format(
        "SELECT municipality, plan_id, name, status, adopted_date::text, legal_date::text, implementation_end::text, "
        "geometry_repair, {} FROM plans WHERE missing_since_run IS NULL "
        "ORDER BY municipality COLLATE \"C\", plan_id COLLATE \"C\"",
        wkb_of("geom"));
    m_c.for_each_batch(sql, {}, k_batch, [&](const pg::Result& r) {
        for (int i = 0; i < r.rows(); ++i) {
            each({r.text(i, 0), r.text(i, 1), r.optional_text(i, 2), r.text(i, 3), r.optional_text(i, 4), r.optional_text(i, 5),
                  r.optional_text(i, 6), r.optional_text(i, 7), wkb_at(r, i, 8)});
        }
    });
}

void PgFeatureSource::rejected(const std::function<void(const RejectedFeature&)>& each) {
    const std::string sql = fmt::format("SELECT {}, run_id, kind, municipality, source_file, source_row, source_fid, reason_code, "
                                        "field, message, raw_attributes FROM rejected_rows WHERE geom IS NOT NULL ORDER BY fid",
                                        wkb_of("geom"));
    m_c.for_each_batch(sql, {}, k_batch, [&](const pg::Result& r) {
        for (int i = 0; i < r.rows(); ++i) {
            each({r.optional_int64(i, 1), r.optional_int64(i, 5), r.optional_text(i, 2), r.optional_text(i, 3),
                  r.optional_text(i, 4), r.optional_text(i, 6), r.optional_text(i, 7), r.optional_text(i, 8),
                  r.optional_text(i, 9), r.optional_text(i, 10), wkb_at(r, i, 0)});
        }
    });
}

std::vector<SourceSummary> PgFeatureSource::sources() {
    pg::Result r = m_c.exec(fmt::format("SELECT source_path, kind, count(*), {} FROM ingest_runs GROUP BY source_path, kind "
                                        "ORDER BY source_path COLLATE \"C\", kind COLLATE \"C\"",
                                        time_of("max(finished_at)")));
    std::vector<SourceSummary> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), r.int64(i, 2), r.optional_text(i, 3)});
    return out;
}

std::vector<SourceRun> PgFeatureSource::latest_runs() {
    pg::Result r = m_c.exec(fmt::format(
        "SELECT r.id, r.source_path, r.kind, coalesce({}, ''), r.rows_read, r.rows_inserted, r.rows_updated, r.rows_unchanged, "
        "r.rows_rejected, r.rows_skipped FROM ingest_runs r WHERE r.id = (SELECT max(id) FROM ingest_runs x WHERE x.source_path = r.source_path "
        "AND x.kind = r.kind) ORDER BY r.kind COLLATE \"C\", r.source_path COLLATE \"C\"",
        time_of("r.finished_at")));
    std::vector<SourceRun> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.int64(i, 4), r.int64(i, 5), r.int64(i, 6),
                       r.int64(i, 7), r.int64(i, 8), r.int64(i, 9)});
    }
    return out;
}

std::map<std::string, std::int64_t> PgFeatureSource::rejects_by_reason(const std::vector<std::int64_t>& runs) {
    pg::Result r = m_c.exec("SELECT reason_code, count(*) FROM rejected_rows WHERE run_id = ANY($1::bigint[]) GROUP BY reason_code",
                            {int_array(runs)});
    std::map<std::string, std::int64_t> out;
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] += r.int64(i, 1);
    return out;
}

std::int64_t PgFeatureSource::completed_dwellings(const std::string& municipality, const std::string& first,
                                                  const std::string& last) {
    return m_c
        .query_int("SELECT coalesce(sum(dwellings), 0) FROM permits WHERE municipality = $1 AND missing_since_run IS NULL "
                   "AND completed_date >= $2 AND completed_date <= $3 AND refused_date IS NULL AND withdrawn_date IS NULL",
                   {municipality, first, last})
        .value_or(0);
}

void PgFeatureSource::permit_plans(const std::function<void(const PermitPlanLink&)>& each) {
    m_c.copy_out("SELECT p.municipality, p.case_id, pl.municipality, pl.plan_id FROM permit_plans pp "
                 "JOIN permits p ON p.fid = pp.permit_fid JOIN plans pl ON pl.fid = pp.plan_fid "
                 "WHERE p.missing_since_run IS NULL AND pl.missing_since_run IS NULL "
                 "ORDER BY p.municipality COLLATE \"C\", p.case_id COLLATE \"C\", pl.municipality COLLATE \"C\", pl.plan_id COLLATE \"C\"",
                 [&](pg::Connection::CopyFields c) { each({*c[0], *c[1], *c[2], *c[3]}); });
}

std::map<std::string, std::string> PgFeatureSource::first_dates() {
    // The dates of a permit are in order (ingest checks it), so its first known one is its earliest.
    const pg::Result r = m_c.exec("SELECT municipality, min(coalesce(applied_date, granted_date, started_date, completed_date, "
                                  "refused_date, withdrawn_date))::text AS first FROM permits GROUP BY municipality "
                                  "HAVING min(coalesce(applied_date, granted_date, started_date, completed_date, refused_date, "
                                  "withdrawn_date)) IS NOT NULL");
    std::map<std::string, std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace(r.text(i, 0), r.text(i, 1));
    return out;
}

} // namespace bostad::store::postgis
