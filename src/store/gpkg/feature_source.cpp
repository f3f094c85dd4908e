#include "store/gpkg/feature_source.hpp"

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"
#include "sqlite/database.hpp"
#include "store/gpkg/permit_area_ids.hpp"
#include "store/gpkg/permit_columns.hpp"

namespace bostad::store::gpkg {
namespace {

std::vector<std::uint8_t> wkb_at(const sqlite::Statement& st, int col) {
    const auto wkb = gpkg_blob_wkb(st.column_blob(col));
    return {wkb.begin(), wkb.end()};
}

} // namespace

std::vector<AreaFeature> GpkgFeatureSource::areas(const std::string& area_set) {
    auto st = m_db.prepare("SELECT a.area_id, coalesce(a.name, ''), a.municipality, a.geom FROM areas a "
                           "JOIN area_sets s ON s.id = a.area_set_id WHERE s.name = ?1 ORDER BY a.area_id");
    st.bind(1, area_set);
    std::vector<AreaFeature> out;
    while (st.step()) out.push_back({st.column_text(0), st.column_text(1), st.column_optional_text(2), wkb_at(st, 3)});
    return out;
}

void GpkgFeatureSource::permits(const PermitQuery& q, const std::function<void(const PermitFeature&)>& each) {
    const PermitAreaIds area_of = PermitAreaIds::named(m_db, q.area_set);
    // Columns after k_permit_columns: case_id, property, geom, assumed.
    constexpr int k = k_permit_column_count;
    auto st = m_db.prepare(fmt::format("SELECT {}, p.case_id, p.property, {}, p.assumed FROM permits p "
                                       "WHERE p.missing_since_run IS NULL ORDER BY p.municipality, p.case_id",
                                       k_permit_columns, q.geometry ? "p.geom" : "NULL"));
    PermitFeature f;
    while (st.step()) {
        f.municipality = st.column_view(1);
        f.case_id = st.column_view(k);
        f.property = text_at(st, k + 1);
        f.house_type = text_at(st, 2);
        f.tenure = text_at(st, 3);
        f.dwellings = st.column_optional_int64(4);
        f.dwellings_removed = st.column_int64(5);
        f.dates = dates_at(st, k_first_date);
        f.area_id = area_of.of(st.column_int64(0));
        f.assumed = text_at(st, k + 3);
        f.wkb = q.geometry ? gpkg_blob_wkb(st.column_blob(k + 2)) : std::span<const std::uint8_t>{};
        each(f);
    }
}

void GpkgFeatureSource::plans(const std::function<void(const PlanFeature&)>& each) {
    auto st = m_db.prepare("SELECT municipality, plan_id, name, status, adopted_date, legal_date, implementation_end, "
                           "geometry_repair, geom FROM plans WHERE missing_since_run IS NULL ORDER BY municipality, plan_id");
    while (st.step()) {
        each({st.column_text(0), st.column_text(1), st.column_optional_text(2), st.column_text(3), st.column_optional_text(4),
              st.column_optional_text(5), st.column_optional_text(6), st.column_optional_text(7), wkb_at(st, 8)});
    }
}

void GpkgFeatureSource::rejected(const std::function<void(const RejectedFeature&)>& each) {
    auto st = m_db.prepare("SELECT geom, run_id, kind, municipality, source_file, source_row, source_fid, reason_code, field, "
                           "message, raw_attributes FROM rejected_rows WHERE geom IS NOT NULL ORDER BY fid");
    while (st.step()) {
        RejectedFeature r{st.column_optional_int64(1), st.column_optional_int64(5), st.column_optional_text(2),
                          st.column_optional_text(3), st.column_optional_text(4), st.column_optional_text(6),
                          st.column_optional_text(7), st.column_optional_text(8), st.column_optional_text(9),
                          st.column_optional_text(10), wkb_at(st, 0)};
        if (!r.wkb.empty()) each(r); // not a GeoPackage geometry: nothing to draw (the row stays in the store)
    }
}

std::vector<SourceSummary> GpkgFeatureSource::sources() {
    auto st = m_db.prepare("SELECT source_path, kind, count(*), max(finished_at) FROM ingest_runs GROUP BY source_path, kind "
                           "ORDER BY source_path, kind");
    std::vector<SourceSummary> out;
    while (st.step()) out.push_back({st.column_text(0), st.column_text(1), st.column_int64(2), st.column_optional_text(3)});
    return out;
}

std::vector<SourceRun> GpkgFeatureSource::latest_runs() {
    auto st = m_db.prepare("SELECT r.id, r.source_path, r.kind, coalesce(r.finished_at, ''), r.rows_read, r.rows_inserted, "
                           "r.rows_updated, r.rows_unchanged, r.rows_rejected, r.rows_skipped FROM ingest_runs r "
                           "WHERE r.id = (SELECT max(id) FROM ingest_runs x WHERE x.source_path = r.source_path "
                           "AND x.kind = r.kind) ORDER BY r.kind, r.source_path");
    std::vector<SourceRun> out;
    while (st.step()) {
        out.push_back({st.column_int64(0), st.column_text(1), st.column_text(2), st.column_text(3), st.column_int64(4),
                       st.column_int64(5), st.column_int64(6), st.column_int64(7), st.column_int64(8), st.column_int64(9)});
    }
    return out;
}

std::map<std::string, std::int64_t> GpkgFeatureSource::rejects_by_reason(const std::vector<std::int64_t>& runs) {
    std::map<std::string, std::int64_t> out;
    auto st = m_db.prepare("SELECT reason_code, count(*) FROM rejected_rows WHERE run_id = ?1 GROUP BY reason_code");
    for (const std::int64_t run : runs) {
        st.reset();
        st.bind(1, run);
        while (st.step()) out[st.column_text(0)] += st.column_int64(1);
    }
    return out;
}

std::int64_t GpkgFeatureSource::completed_dwellings(const std::string& municipality, const std::string& first,
                                                    const std::string& last) {
    return m_db
        .query_int("SELECT coalesce(sum(dwellings), 0) FROM permits WHERE municipality = ?1 AND missing_since_run IS NULL "
                   "AND completed_date >= ?2 AND completed_date <= ?3 AND refused_date IS NULL AND withdrawn_date IS NULL",
                   municipality, first, last)
        .value_or(0);
}

void GpkgFeatureSource::permit_plans(const std::function<void(const PermitPlanLink&)>& each) {
    auto st = m_db.prepare("SELECT p.municipality, p.case_id, pl.municipality, pl.plan_id FROM permit_plans pp "
                           "JOIN permits p ON p.fid = pp.permit_fid JOIN plans pl ON pl.fid = pp.plan_fid "
                           "WHERE p.missing_since_run IS NULL AND pl.missing_since_run IS NULL ORDER BY 1, 2, 3, 4");
    while (st.step()) each({st.column_view(0), st.column_view(1), st.column_view(2), st.column_view(3)});
}

std::map<std::string, std::string> GpkgFeatureSource::first_dates() {
    // The dates of a permit are in order (ingest checks it), so its first known one is its earliest.
    auto st = m_db.prepare("SELECT municipality, min(coalesce(applied_date, granted_date, started_date, completed_date, "
                           "refused_date, withdrawn_date)) AS first FROM permits GROUP BY municipality HAVING first IS NOT NULL");
    std::map<std::string, std::string> out;
    while (st.step()) out.emplace(st.column_text(0), st.column_text(1));
    return out;
}

} // namespace bostad::store::gpkg
