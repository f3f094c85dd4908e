#include "store/postgis/writers.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/gpkg_blob.hpp"
#include "core/version.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"
#include "store/postgis/row_digests.hpp"

namespace bostad::store::postgis {
namespace {

class PlanWriter final : public store::PlanWriter {
public:
    explicit PlanWriter(pg::Connection& c) : m_c(c), m_digests(c, "plan_digests") {}

    std::unordered_map<std::string, store::StoredPlan> load(const std::string& municipality) override {
        pg::Result r = m_c.exec(fmt::format("SELECT fid, {}, municipality, plan_id, name, status, adopted_date, legal_date, "
                                            "implementation_end, planned_dwellings, geometry_repair, missing_since_run, "
                                            "source_format, capacity_estimate, capacity_method, capacity_override, "
                                            "capacity_note, year_only FROM plans WHERE municipality = $1",
                                            wkb_sql("geom")),
                                {municipality});
        std::unordered_map<std::string, store::StoredPlan> out;
        std::vector<std::int64_t> fids;
        for (int i = 0; i < r.rows(); ++i) {
            store::StoredPlan s;
            s.fid = r.int64(i, 0);
            PlanRecord& p = s.record;
            p.geom = wkb_at(r, i, 1);
            p.municipality = r.text(i, 2);
            p.plan_id = r.text(i, 3);
            p.name = r.optional_text(i, 4);
            p.status = from_code(plan_status_codes(), r.text(i, 5)).value_or(PlanStatus::paborjad);
            p.adopted = date_at(r, i, 6);
            p.legal = date_at(r, i, 7);
            p.implementation_end = date_at(r, i, 8);
            p.planned_dwellings = r.optional_int64(i, 9);
            p.geometry_repair = r.optional_text(i, 10);
            s.missing_since_run = r.optional_int64(i, 11);
            p.source_format = r.optional_text(i, 12).value_or("");
            p.capacity_estimate = r.optional_real(i, 13);
            p.capacity_method = r.optional_text(i, 14);
            p.capacity_override = r.optional_int64(i, 15);
            p.capacity_note = r.optional_text(i, 16);
            p.year_only = r.optional_text(i, 17);
            fids.push_back(s.fid);
            out.emplace(p.plan_id, std::move(s));
        }
        std::unordered_map<std::int64_t, store::StoredPlan*> by_fid;
        for (auto& [key, plan] : out) by_fid[plan.fid] = &plan;
        pg::Result a = m_c.exec(fmt::format("SELECT plan_fid, area_key, uses, use_codes, residential, regulations, {}, area_m2, "
                                            "capacity_estimate, capacity_method, geometry_repair FROM plan_areas "
                                            "WHERE plan_fid = ANY($1::bigint[]) ORDER BY fid",
                                            wkb_sql("geom")),
                                {int_array(fids)});
        for (int i = 0; i < a.rows(); ++i) {
            by_fid.at(a.int64(i, 0))->record.areas.push_back({a.text(i, 1), a.text(i, 2), a.text(i, 3), a.text(i, 4) == "t",
                                                               a.text(i, 5), wkb_at(a, i, 6), a.real(i, 7),
                                                               a.optional_real(i, 8), a.optional_text(i, 9),
                                                               a.optional_text(i, 10)});
        }
        return out;
    }

    std::int64_t insert(const PlanRecord& p, std::int64_t run) override {
        pg::Params params = attributes(p);
        for (int i = 0; i < 2; ++i) params.push_back(std::to_string(run));
        const auto fid = m_c.query_int("INSERT INTO plans (geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                                       "implementation_end, planned_dwellings, geometry_repair, source_format, "
                                       "capacity_estimate, capacity_method, capacity_override, capacity_note, year_only, first_run, "
                                       "last_changed_run) VALUES ($1::geometry, $2, $3, $4, $5, $6, $7, $8, "
                                       "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING fid",
                                       params);
        write_areas(fid.value(), p);
        return fid.value();
    }

    void update(std::int64_t fid, const PlanRecord& p, std::int64_t run) override {
        pg::Params params = attributes(p);
        params.push_back(std::to_string(run));
        params.push_back(std::to_string(fid));
        m_c.exec("UPDATE plans SET geom = $1::geometry, municipality = $2, plan_id = $3, name = $4, status = $5, "
                 "adopted_date = $6, legal_date = $7, implementation_end = $8, planned_dwellings = $9, "
                 "geometry_repair = $10, source_format = $11, capacity_estimate = $12, capacity_method = $13, "
                 "capacity_override = $14, capacity_note = $15, year_only = $16, last_changed_run = $17 WHERE fid = $18",
                 params);
        write_areas(fid, p);
    }

    void seen(std::int64_t fid, std::int64_t run) override {
        m_c.exec("INSERT INTO plan_seen (fid, last_seen_run) VALUES ($1, $2) "
                 "ON CONFLICT (fid) DO UPDATE SET last_seen_run = excluded.last_seen_run",
                 {std::to_string(fid), std::to_string(run)});
    }

    void set_missing(std::int64_t fid, std::optional<std::int64_t> run) override {
        m_c.exec("UPDATE plans SET missing_since_run = $1 WHERE fid = $2", {text_of(run), std::to_string(fid)});
        if (run) m_digests.forget(fid);
    }

    std::vector<RowDigest> digests() override { return m_digests.load(); }
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) override {
        m_digests.remember(fid, municipality, key, digest);
    }

    void seen_all(std::span<const std::int64_t> fids, std::int64_t run) override {
        for (const std::int64_t fid : fids) seen(fid, run);
    }

    std::int64_t present(const std::string& municipality) override {
        return m_c.query_int("SELECT count(*) FROM plans WHERE municipality = $1 AND missing_since_run IS NULL", {municipality})
            .value_or(0);
    }

    void finish() override { m_digests.flush(); }

private:
    static pg::Params attributes(const PlanRecord& p) {
        return {geometry_of(p.geom),     p.municipality,        p.plan_id,
                text_of(p.name),         std::string(code(p.status)), text_of(p.adopted),
                text_of(p.legal),        text_of(p.implementation_end), text_of(p.planned_dwellings),
                text_of(p.geometry_repair), p.source_format,    text_of(p.capacity_estimate),
                text_of(p.capacity_method), text_of(p.capacity_override), text_of(p.capacity_note),
                text_of(p.year_only)};
    }

    void write_areas(std::int64_t fid, const PlanRecord& p) {
        queue(m_c, "plan", {fid});
        m_c.exec("DELETE FROM plan_areas WHERE plan_fid = $1", {std::to_string(fid)});
        for (const auto& a : p.areas) {
            m_c.exec("INSERT INTO plan_areas (geom, plan_fid, area_key, uses, use_codes, residential, regulations, area_m2, "
                     "capacity_estimate, capacity_method, geometry_repair) VALUES ($1::geometry, $2, $3, $4, $5, $6, $7, $8, "
                     "$9, $10, $11)",
                     {geometry_of(a.geom), std::to_string(fid), a.area_key, a.uses, a.use_codes,
                      std::string(a.residential ? "t" : "f"), a.regulations, fmt::format("{}", a.area_m2),
                      text_of(a.capacity_estimate), a.capacity_method, a.geometry_repair});
        }
    }

    pg::Connection& m_c;
    PgRowDigests m_digests;
};

} // namespace

std::unique_ptr<store::PlanWriter> make_plan_writer(pg::Connection& c) { return std::make_unique<PlanWriter>(c); }

} // namespace bostad::store::postgis
