#include "store/postgis/writers.hpp"

#include <algorithm>

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

class PermitWriter final : public store::PermitWriter {
public:
    explicit PermitWriter(pg::Connection& c) : m_c(c), m_digests(c, "permit_digests") {}

    std::unordered_map<std::string, store::StoredPermit> load(const std::string& municipality) override {
        flush();
        pg::Result r = m_c.exec(fmt::format("SELECT p.fid, ST_X(p.geom), ST_Y(p.geom), p.municipality, p.case_id, p.property, "
                                            "p.house_type, p.tenure, p.dwellings, p.dwellings_removed, p.applied_date, "
                                            "p.granted_date, p.started_date, p.completed_date, p.refused_date, "
                                            "p.withdrawn_date, p.missing_since_run, {}, f.geometry_repair, p.assumed, p.key_extra, p.year_only FROM permits p "
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
            p.dwellings = r.optional_int64(i, 8);
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
            p.assumed = r.optional_text(i, 19);
            p.key_extra = r.text(i, 20);
            p.year_only = r.optional_text(i, 21);
            p.id = permit_id(p.case_id, p.key_extra);
            out.emplace(p.id, std::move(s));
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
                 "started_date = $11, completed_date = $12, refused_date = $13, withdrawn_date = $14, assumed = $15, "
                 "key_extra = $16, year_only = $17, last_changed_run = $18 WHERE fid = $19",
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
        return m_c.query_int("SELECT count(*) FROM permits WHERE municipality = $1 AND missing_since_run IS NULL", {municipality})
            .value_or(0);
    }

    void finish() override {
        flush();
        m_digests.flush();
        if (!m_seen.empty()) write_seen();
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
                                          "assumed", "key_extra", "year_only"});
        constexpr std::int32_t k_days_1970_to_2000 = 10957;
        const auto text = [&](const std::optional<std::string>& v) { v ? m_c.copy_binary_bytes(*v) : m_c.copy_binary_null(); };
        const auto code_text = [&](const auto& v) { v ? m_c.copy_binary_bytes(code(*v)) : m_c.copy_binary_null(); };
        const auto date = [&](const std::optional<Date>& d) {
            d ? m_c.copy_binary_date(d->days() - k_days_1970_to_2000) : m_c.copy_binary_null();
        };
        for (const auto& row : m_pending) {
            const PermitRecord& p = *row.record;
            m_c.copy_binary_row(20);
            m_c.copy_binary_int8(row.fid);
            const auto point = point_ewkb(p.x, p.y, k_srid);
            m_c.copy_binary_bytes({point.data(), point.size()});
            m_c.copy_binary_bytes(p.municipality);
            m_c.copy_binary_bytes(p.case_id);
            text(p.property);
            code_text(p.house_type);
            code_text(p.tenure);
            p.dwellings ? m_c.copy_binary_int8(*p.dwellings) : m_c.copy_binary_null();
            m_c.copy_binary_int8(p.dwellings_removed);
            for (const auto* d : {&p.applied, &p.granted, &p.started, &p.completed, &p.refused, &p.withdrawn}) date(*d);
            for (int i = 0; i < 2; ++i) m_c.copy_binary_int8(row.run);
            text(p.assumed);
            m_c.copy_binary_bytes(p.key_extra);
            text(p.year_only);
            m_c.copy_row_end();
        }
        m_c.end_copy();
        for (const auto& row : m_pending) {
            if (!row.record->footprint.empty()) write_footprint(row.fid, *row.record);
        }
        m_pending.clear();
    }

    /// The run that delivered the rows of m_seen again: rows with a seen run get the new one (updated where they
    /// lie: permit_seen keeps room in its pages), the others a row. Two statements, since an upsert of a million
    /// rows took three times as long.
    void write_seen() {
        std::sort(m_seen.begin(), m_seen.end());
        m_seen.erase(std::unique(m_seen.begin(), m_seen.end()), m_seen.end());
        const pg::Params params{std::to_string(m_seen_run), int_array(m_seen)};
        const std::int64_t updated =
            m_c.exec("UPDATE permit_seen s SET last_seen_run = $1 FROM unnest($2::bigint[]) AS u(fid) WHERE s.fid = u.fid", params)
                .affected();
        if (updated < static_cast<std::int64_t>(m_seen.size())) {
            m_c.exec("INSERT INTO permit_seen (fid, last_seen_run) SELECT u.fid, $1 FROM unnest($2::bigint[]) AS u(fid) "
                     "WHERE NOT EXISTS (SELECT 1 FROM permit_seen s WHERE s.fid = u.fid)",
                     params);
        }
        m_seen.clear();
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
    PgRowDigests m_digests;
};

} // namespace

std::unique_ptr<store::PermitWriter> make_permit_writer(pg::Connection& c) { return std::make_unique<PermitWriter>(c); }

} // namespace bostad::store::postgis
