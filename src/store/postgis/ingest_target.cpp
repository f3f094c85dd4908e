#include "store/postgis/ingest_target.hpp"

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/domain.hpp"
#include "core/error.hpp"
#include "core/gpkg_blob.hpp"
#include "core/version.hpp"
#include "pg/connection.hpp"
#include "store/postgis/assignment_store.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
namespace {

constexpr std::int32_t k_srid = 3006;

pg::Param text_of(const std::optional<std::string>& v) { return v; }
pg::Param text_of(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return d->iso();
}
pg::Param text_of(const std::optional<std::int64_t>& v) {
    if (!v) return std::nullopt;
    return std::to_string(*v);
}
pg::Param text_of(const std::optional<double>& v) {
    if (!v) return std::nullopt;
    return fmt::format("{}", *v);
}
template <typename E>
pg::Param code_of(const std::optional<E>& v) {
    if (!v) return std::nullopt;
    return std::string(code(*v));
}
pg::Param geometry_of(const std::vector<std::uint8_t>& wkb) {
    if (wkb.empty()) return std::nullopt;
    return ewkb_hex(wkb.data(), wkb.size(), k_srid);
}
pg::Param point_of(double x, double y) {
    const auto wkb = wkb_point(x, y);
    return ewkb_hex(wkb.data(), wkb.size(), k_srid);
}

std::optional<Date> date_at(const pg::Result& r, int row, int col) {
    if (r.is_null(row, col)) return std::nullopt;
    return Date::parse_iso(r.text(row, col));
}
template <typename E>
std::optional<E> code_at(const pg::Result& r, int row, int col, std::span<const Code<E>> list) {
    if (r.is_null(row, col)) return std::nullopt;
    return from_code(list, r.text(row, col));
}
std::vector<std::uint8_t> wkb_at(const pg::Result& r, int row, int col) {
    if (r.is_null(row, col)) return {};
    return from_hex(r.text(row, col));
}

std::string wkb_sql(const char* column) { return fmt::format("encode(ST_AsBinary({}, 'NDR'), 'hex')", column); }

/// Queues rows for assignment: one marker for a bulk load, else each row.
void queue(pg::Connection& c, const char* kind, const std::vector<std::int64_t>& fids) {
    constexpr std::size_t k_all_from = 50000;
    if (fids.empty()) return;
    if (std::string_view(kind) == "permit" && fids.size() >= k_all_from) {
        // Marked with the transaction's id, so that two bulk loads at once never wait on each other's marker.
        c.exec("INSERT INTO assignment_queue (kind, fid) VALUES ('all_permits', txid_current()) ON CONFLICT DO NOTHING");
        return;
    }
    c.exec("INSERT INTO assignment_queue (kind, fid) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING",
           {std::string(kind), int_array(fids)});
}

/// The point and the 13 attribute columns, after what `out` holds already.
void append_permit(pg::Params& out, const PermitRecord& p) {
    for (pg::Param v : {point_of(p.x, p.y), pg::Param(p.municipality), pg::Param(p.case_id), text_of(p.property),
                        code_of(p.house_type), code_of(p.tenure), pg::Param(std::to_string(p.dwellings)),
                        pg::Param(std::to_string(p.dwellings_removed)), text_of(p.applied), text_of(p.granted),
                        text_of(p.started), text_of(p.completed), text_of(p.refused), text_of(p.withdrawn)}) {
        out.push_back(std::move(v));
    }
}

class PermitWriter final : public store::PermitWriter {
public:
    explicit PermitWriter(pg::Connection& c) : m_c(c) {}

    std::unordered_map<std::string, store::StoredPermit> load(const std::string& municipality) override {
        flush();
        pg::Result r = m_c.exec(fmt::format("SELECT p.fid, ST_X(p.geom), ST_Y(p.geom), p.municipality, p.case_id, p.property, "
                                            "p.house_type, p.tenure, p.dwellings, p.dwellings_removed, p.applied_date, "
                                            "p.granted_date, p.started_date, p.completed_date, p.refused_date, "
                                            "p.withdrawn_date, p.missing_since_run, {}, f.geometry_repair FROM permits p "
                                            "LEFT JOIN permit_footprints f ON f.permit_fid = p.fid WHERE p.municipality = $1",
                                            wkb_sql("f.geom")),
                                {municipality});
        std::unordered_map<std::string, store::StoredPermit> out;
        for (int i = 0; i < r.rows(); ++i) {
            store::StoredPermit s;
            s.fid = r.int64(i, 0);
            PermitRecord& p = s.record;
            p.x = r.real(i, 1);
            p.y = r.real(i, 2);
            p.municipality = r.text(i, 3);
            p.case_id = r.text(i, 4);
            p.property = r.optional_text(i, 5);
            p.house_type = code_at(r, i, 6, house_type_codes());
            p.tenure = code_at(r, i, 7, tenure_codes());
            p.dwellings = r.int64(i, 8);
            p.dwellings_removed = r.int64(i, 9);
            p.applied = date_at(r, i, 10);
            p.granted = date_at(r, i, 11);
            p.started = date_at(r, i, 12);
            p.completed = date_at(r, i, 13);
            p.refused = date_at(r, i, 14);
            p.withdrawn = date_at(r, i, 15);
            s.missing_since_run = r.optional_int64(i, 16);
            p.footprint = wkb_at(r, i, 17);
            p.footprint_repair = r.optional_text(i, 18);
            out.emplace(p.case_id, std::move(s));
        }
        return out;
    }

    std::int64_t insert(const PermitRecord& p, std::int64_t run) override {
        if (m_free_ids.empty()) {
            // Blocks that double, up to 65 536 ids: a few round trips for a bulk load, few ids left unused.
            if (m_sequence.empty()) m_sequence = m_c.query_text("SELECT pg_get_serial_sequence('permits', 'fid')").value_or("");
            pg::Result ids = m_c.exec("SELECT nextval($1::regclass) FROM generate_series(1, $2)",
                                      {m_sequence, std::to_string(m_block)});
            for (int i = ids.rows() - 1; i >= 0; --i) m_free_ids.push_back(ids.int64(i, 0));
            m_block = std::min<std::int64_t>(m_block * 2, 65536);
        }
        const std::int64_t fid = m_free_ids.back();
        m_free_ids.pop_back();
        m_pending.push_back({&p, fid, run});
        m_to_assign.push_back(fid);
        return fid;
    }

    void update(std::int64_t fid, const PermitRecord& p, std::int64_t run) override {
        pg::Params params;
        append_permit(params, p);
        params.push_back(std::to_string(run));
        params.push_back(std::to_string(fid));
        m_c.exec("UPDATE permits SET geom = $1::geometry, municipality = $2, case_id = $3, property = $4, house_type = $5, "
                 "tenure = $6, dwellings = $7, dwellings_removed = $8, applied_date = $9, granted_date = $10, "
                 "started_date = $11, completed_date = $12, refused_date = $13, withdrawn_date = $14, "
                 "last_changed_run = $15, last_seen_run = $15 WHERE fid = $16",
                 params);
        write_footprint(fid, p);
        m_to_assign.push_back(fid);
    }

    void seen(std::int64_t fid, std::int64_t run) override {
        m_seen_run = run;
        m_seen.push_back(fid);
    }

    void set_missing(std::int64_t fid, std::optional<std::int64_t> run) override {
        m_c.exec("UPDATE permits SET missing_since_run = $1 WHERE fid = $2", {text_of(run), std::to_string(fid)});
    }

    void finish() override {
        flush();
        if (!m_seen.empty()) {
            m_c.exec("UPDATE permits SET last_seen_run = $1 WHERE fid = ANY($2::bigint[])",
                     {std::to_string(m_seen_run), int_array(m_seen)});
            m_seen.clear();
        }
        queue(m_c, "permit", m_to_assign);
        m_to_assign.clear();
    }

private:
    struct Pending {
        const PermitRecord* record;
        std::int64_t fid;
        std::int64_t run;
    };

    void flush() {
        if (m_pending.empty()) return;
        // Binary COPY, field by field: a bulk load of a million permits builds no row of strings, and the server
        // parses no text (half the time of text COPY for these columns).
        m_c.begin_binary_copy("permits", {"fid", "geom", "municipality", "case_id", "property", "house_type", "tenure",
                                          "dwellings", "dwellings_removed", "applied_date", "granted_date", "started_date",
                                          "completed_date", "refused_date", "withdrawn_date", "first_run", "last_changed_run",
                                          "last_seen_run"});
        constexpr std::int32_t k_days_1970_to_2000 = 10957;
        const auto text = [&](const std::optional<std::string>& v) { v ? m_c.copy_binary_bytes(*v) : m_c.copy_binary_null(); };
        const auto code_text = [&](const auto& v) { v ? m_c.copy_binary_bytes(code(*v)) : m_c.copy_binary_null(); };
        const auto date = [&](const std::optional<Date>& d) {
            d ? m_c.copy_binary_date(d->days() - k_days_1970_to_2000) : m_c.copy_binary_null();
        };
        for (const auto& row : m_pending) {
            const PermitRecord& p = *row.record;
            m_c.copy_binary_row(18);
            m_c.copy_binary_int8(row.fid);
            const auto point = point_ewkb(p.x, p.y, k_srid);
            m_c.copy_binary_bytes({point.data(), point.size()});
            m_c.copy_binary_bytes(p.municipality);
            m_c.copy_binary_bytes(p.case_id);
            text(p.property);
            code_text(p.house_type);
            code_text(p.tenure);
            m_c.copy_binary_int8(p.dwellings);
            m_c.copy_binary_int8(p.dwellings_removed);
            for (const auto* d : {&p.applied, &p.granted, &p.started, &p.completed, &p.refused, &p.withdrawn}) date(*d);
            for (int i = 0; i < 3; ++i) m_c.copy_binary_int8(row.run);
            m_c.copy_row_end();
        }
        m_c.end_copy();
        for (const auto& row : m_pending) {
            if (!row.record->footprint.empty()) write_footprint(row.fid, *row.record);
        }
        m_pending.clear();
    }

    void write_footprint(std::int64_t fid, const PermitRecord& p) {
        m_c.exec("DELETE FROM permit_footprints WHERE permit_fid = $1", {std::to_string(fid)});
        if (p.footprint.empty()) return;
        m_c.exec("INSERT INTO permit_footprints (geom, permit_fid, geometry_repair) VALUES ($1::geometry, $2, $3)",
                 {geometry_of(p.footprint), std::to_string(fid), p.footprint_repair});
    }

    pg::Connection& m_c;
    std::vector<std::int64_t> m_free_ids; ///< drawn from the sequence, used from the back
    std::int64_t m_block = 1000;          ///< how many ids the next draw takes
    std::string m_sequence;               ///< of permits.fid, once looked up
    std::vector<Pending> m_pending;
    std::vector<std::int64_t> m_to_assign;
    std::vector<std::int64_t> m_seen;
    std::int64_t m_seen_run = 0;
};

class PlanWriter final : public store::PlanWriter {
public:
    explicit PlanWriter(pg::Connection& c) : m_c(c) {}

    std::unordered_map<std::string, store::StoredPlan> load(const std::string& municipality) override {
        pg::Result r = m_c.exec(fmt::format("SELECT fid, {}, municipality, plan_id, name, status, adopted_date, legal_date, "
                                            "implementation_end, planned_dwellings, geometry_repair, missing_since_run, "
                                            "source_format, capacity_estimate, capacity_method, capacity_override, "
                                            "capacity_note FROM plans WHERE municipality = $1",
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
        for (int i = 0; i < 3; ++i) params.push_back(std::to_string(run));
        const auto fid = m_c.query_int("INSERT INTO plans (geom, municipality, plan_id, name, status, adopted_date, legal_date, "
                                       "implementation_end, planned_dwellings, geometry_repair, source_format, "
                                       "capacity_estimate, capacity_method, capacity_override, capacity_note, first_run, "
                                       "last_changed_run, last_seen_run) VALUES ($1::geometry, $2, $3, $4, $5, $6, $7, $8, "
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
                 "capacity_override = $14, capacity_note = $15, last_changed_run = $16, last_seen_run = $16 WHERE fid = $17",
                 params);
        write_areas(fid, p);
    }

    void seen(std::int64_t fid, std::int64_t run) override {
        m_c.exec("UPDATE plans SET last_seen_run = $1 WHERE fid = $2", {std::to_string(run), std::to_string(fid)});
    }

    void set_missing(std::int64_t fid, std::optional<std::int64_t> run) override {
        m_c.exec("UPDATE plans SET missing_since_run = $1 WHERE fid = $2", {text_of(run), std::to_string(fid)});
    }

    void finish() override {}

private:
    static pg::Params attributes(const PlanRecord& p) {
        return {geometry_of(p.geom),     p.municipality,        p.plan_id,
                text_of(p.name),         std::string(code(p.status)), text_of(p.adopted),
                text_of(p.legal),        text_of(p.implementation_end), text_of(p.planned_dwellings),
                text_of(p.geometry_repair), p.source_format,    text_of(p.capacity_estimate),
                text_of(p.capacity_method), text_of(p.capacity_override), text_of(p.capacity_note)};
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
};

class AreaSetWriter final : public store::AreaSetWriter {
public:
    explicit AreaSetWriter(pg::Connection& c) : m_c(c) {}

    std::optional<store::AreaSetInfo> find(const std::string& name) override {
        pg::Result r = m_c.exec("SELECT s.id, s.name, coalesce(s.description, ''), coalesce(s.vintage, ''), s.loaded_run, "
                                "(SELECT count(*) FROM areas a WHERE a.area_set_id = s.id) FROM area_sets s WHERE s.name = $1",
                                {name});
        if (r.rows() == 0) return std::nullopt;
        return store::AreaSetInfo{r.int64(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3), r.optional_int64(0, 4),
                                  r.int64(0, 5)};
    }

    std::vector<AreaRecord> areas(std::int64_t set_id) override {
        pg::Result r = m_c.exec(fmt::format("SELECT area_id, name, municipality, {}, geometry_repair FROM areas "
                                            "WHERE area_set_id = $1 ORDER BY fid",
                                            wkb_sql("geom")),
                                {std::to_string(set_id)});
        std::vector<AreaRecord> out;
        for (int i = 0; i < r.rows(); ++i) {
            out.push_back({r.text(i, 0), r.optional_text(i, 1), r.optional_text(i, 2), wkb_at(r, i, 3), r.optional_text(i, 4)});
        }
        return out;
    }

    std::int64_t replace(const std::string& name, const std::string& description, const std::string& vintage,
                         std::int64_t run, const std::vector<AreaRecord>& areas) override {
        const auto set_id = m_c.query_int("INSERT INTO area_sets (name, description, vintage, loaded_run) VALUES ($1, $2, $3, $4) "
                                          "ON CONFLICT (name) DO UPDATE SET description = excluded.description, "
                                          "vintage = excluded.vintage, loaded_run = excluded.loaded_run RETURNING id",
                                          {name, description, vintage, std::to_string(run)});
        const std::string id = std::to_string(set_id.value());
        const std::int64_t before = m_c.query_int("SELECT count(*) FROM areas WHERE area_set_id = $1", {id}).value_or(0);
        m_c.exec("DELETE FROM areas WHERE area_set_id = $1", {id});
        // What lay in the old areas is assigned again to the new ones.
        m_c.exec("DELETE FROM permit_areas WHERE area_set_id = $1", {id});
        m_c.exec("DELETE FROM plan_area_shares WHERE area_set_id = $1", {id});
        queue(m_c, "area_set", {set_id.value()});
        for (const auto& a : areas) {
            m_c.exec("INSERT INTO areas (geom, area_set_id, area_id, name, municipality, geometry_repair) "
                     "VALUES ($1::geometry, $2, $3, $4, $5, $6)",
                     {geometry_of(a.geom), id, a.area_id, a.name, a.municipality, a.geometry_repair});
        }
        return before;
    }

private:
    pg::Connection& m_c;
};

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
        if (c.read != c.inserted + c.updated + c.unchanged + c.rejected) {
            throw InternalError(fmt::format("run {}: rows read ({}) differ from inserted + updated + unchanged + rejected "
                                            "({} + {} + {} + {}); nothing was stored",
                                            run, c.read, c.inserted, c.updated, c.unchanged, c.rejected));
        }
        m_c.exec("UPDATE ingest_runs SET finished_at = $1, rows_read = $2, rows_inserted = $3, rows_updated = $4, "
                 "rows_unchanged = $5, rows_rejected = $6, rows_repeated = $7, notes = $8 WHERE id = $9",
                 {utc_now(), std::to_string(c.read), std::to_string(c.inserted), std::to_string(c.updated),
                  std::to_string(c.unchanged), std::to_string(c.rejected), std::to_string(c.repeated), c.notes_json,
                  std::to_string(run)});
    }

    void event(std::int64_t run, const store::EventRow& e) override {
        m_c.exec("INSERT INTO events (run_id, entity, municipality, entity_key, kind, field, old_value, new_value, "
                 "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                 {std::to_string(run), e.entity, e.municipality, e.key, e.kind, e.field, e.old_value, e.new_value,
                  utc_now()});
    }

    void reject(std::int64_t run, const store::RejectRow& r) override {
        pg::Param geom;
        if (!r.geometry_wkb.empty()) geom = ewkb_hex(r.geometry_wkb.data(), r.geometry_wkb.size(), k_srid);
        m_c.exec("INSERT INTO rejected_rows (geom, run_id, kind, municipality, source_file, source_row, source_fid, "
                 "reason_code, field, message, raw_attributes, raw_geometry) VALUES ($1::geometry, $2, $3, $4, $5, $6, $7, "
                 "$8, $9, $10, $11, $12)",
                 {geom, std::to_string(run), r.kind, r.municipality, r.source_file, std::to_string(r.source_row),
                  r.source_fid, r.reason_code, r.field, r.message, r.raw_attributes, r.raw_geometry});
    }

private:
    pg::Connection& m_c;
};

} // namespace

std::unique_ptr<store::PermitWriter> PgIngestTarget::permits() { return std::make_unique<PermitWriter>(m_c); }
std::unique_ptr<store::PlanWriter> PgIngestTarget::plans() { return std::make_unique<PlanWriter>(m_c); }
std::unique_ptr<store::AreaSetWriter> PgIngestTarget::area_sets() { return std::make_unique<AreaSetWriter>(m_c); }
std::unique_ptr<store::RunRecorder> PgIngestTarget::runs() { return std::make_unique<RunRecorder>(m_c); }
namespace {

/// A load of many rows into an empty table: the table's keys and indexes (and the foreign keys of other
/// tables that point at it) are dropped before the rows are written and built again after them — a B-tree or
/// GiST built over all rows at once is several times quicker than one kept up to date row by row — in the
/// caller's transaction. A key that the rows broke fails to build again, and the transaction rolls back. Until
/// the commit, the dropped indexes lock the table against other sessions, which then wait: fine for a first load
/// of a region.
class DeferredIndexes final : public store::BulkWrite {
public:
    DeferredIndexes(pg::Connection& c, const std::string& table) : m_c(c) {
        const std::string regclass = pg::quote_identifier(c.schema()) + "." + pg::quote_identifier(table);
        const std::string qualified = pg::quote_identifier(table);
        // Foreign keys of other tables that point at this one: dropped first, added again last.
        pg::Result refs = c.exec("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                 "WHERE confrelid = $1::regclass AND contype = 'f' ORDER BY conname",
                                 {regclass});
        std::vector<std::string> foreign_keys;
        for (int i = 0; i < refs.rows(); ++i) {
            c.exec_script(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", refs.text(i, 0), pg::quote_identifier(refs.text(i, 1))));
            foreign_keys.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", refs.text(i, 0),
                                               pg::quote_identifier(refs.text(i, 1)), refs.text(i, 2)));
        }
        // The primary key first, then the other keys and indexes.
        pg::Result r = c.exec("SELECT ic.relname, pg_get_indexdef(i.indexrelid), con.conname, pg_get_constraintdef(con.oid) "
                              "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                              "LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
                              "WHERE i.indrelid = $1::regclass ORDER BY i.indisprimary DESC, ic.relname",
                              {regclass});
        for (int i = 0; i < r.rows(); ++i) {
            if (r.is_null(i, 2)) {
                m_rebuild.push_back(r.text(i, 1));
                c.exec_script(fmt::format("DROP INDEX {}", pg::quote_identifier(r.text(i, 0))));
            } else {
                m_rebuild.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", qualified, pg::quote_identifier(r.text(i, 2)),
                                                r.text(i, 3)));
                c.exec_script(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", qualified, pg::quote_identifier(r.text(i, 2))));
            }
        }
        m_rebuild.insert(m_rebuild.end(), foreign_keys.begin(), foreign_keys.end());
    }
    void finish() override {
        m_c.exec_script("SET LOCAL maintenance_work_mem = '512MB'");
        for (const auto& sql : m_rebuild) m_c.exec_script(sql);
    }

private:
    pg::Connection& m_c;
    std::vector<std::string> m_rebuild;
};

} // namespace

std::unique_ptr<store::BulkWrite> PgIngestTarget::bulk_write(const char* table, std::size_t rows) {
    constexpr std::size_t k_bulk_from = 50000;
    if (rows < k_bulk_from) return nullptr;
    // Only into an empty table (a region's first load): without its keys, every stored row an ingest updates
    // would be looked for by reading the whole table.
    const auto held = m_c.query_int(fmt::format("SELECT count(*) FROM (SELECT 1 FROM {} LIMIT 1) t", pg::quote_identifier(table)));
    if (held.value_or(0) > 0) return nullptr;
    return std::make_unique<DeferredIndexes>(m_c, table);
}

bool PgIngestTarget::in_transaction() { return m_c.in_transaction(); }

} // namespace bostad::store::postgis
