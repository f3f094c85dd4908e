#include "store/gpkg/permit_table.hpp"

#include "core/gpkg_blob.hpp"
#include "gdal/srs.hpp"
#include "store/gpkg/codec.hpp"

namespace bostad::store::gpkg {
namespace {

constexpr std::size_t k_batch_rows = 64; // rows per INSERT statement: fewer statements, faster bulk loads

/// The record's attribute columns, bound by bind_attributes() and read by load() in this order.
constexpr const char* k_columns = "municipality, case_id, property, house_type, tenure, dwellings, dwellings_removed, "
                                  "applied_date, granted_date, started_date, completed_date, refused_date, withdrawn_date, "
                                  "assumed, key_extra, year_only";
constexpr int k_attributes = 16;
constexpr int k_params_per_row = 2 + k_attributes + 2; // fid, geom; the attributes; first and last changed run

std::string insert_sql(std::size_t rows) {
    std::string sql = std::string("INSERT INTO permits (fid, geom, ") + k_columns +
                      ", first_run, last_changed_run) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r == 0 ? "(" : ",(";
        for (int i = 0; i < k_params_per_row; ++i) sql += i == 0 ? "?" : ",?";
        sql += ")";
    }
    return sql;
}

/// Binds one row of insert_sql() from parameter `first`.
void bind_row(sqlite::Statement& st, int first, std::int64_t fid, const PermitRecord& p, std::int64_t run);

/// Binds the record's attribute columns (k_columns) from index `first`.
void bind_attributes(sqlite::Statement& st, int first, const PermitRecord& p) {
    st.bind(first, p.municipality).bind(first + 1, p.case_id).bind(first + 2, p.property);
    st.bind(first + 3, code_text(p.house_type)).bind(first + 4, code_text(p.tenure));
    st.bind(first + 5, p.dwellings).bind(first + 6, p.dwellings_removed);
    st.bind(first + 7, p.applied).bind(first + 8, p.granted).bind(first + 9, p.started);
    st.bind(first + 10, p.completed).bind(first + 11, p.refused).bind(first + 12, p.withdrawn);
    st.bind(first + 13, p.assumed).bind(first + 14, p.key_extra).bind(first + 15, p.year_only);
}

void bind_row(sqlite::Statement& st, int first, std::int64_t fid, const PermitRecord& p, std::int64_t run) {
    const auto point = gpkg_point_blob(p.x, p.y, gdal::k_store_epsg);
    st.bind(first, fid).bind(first + 1, std::span<const std::uint8_t>(point));
    bind_attributes(st, first + 2, p);
    const int runs = first + 2 + k_attributes;
    st.bind(runs, run).bind(runs + 1, run);
}

} // namespace

PermitTable::PermitTable(sqlite::Database& db)
    : m_db(db),
      m_next_fid(db.query_int("SELECT coalesce(max(fid), 0) + 1 FROM permits").value_or(1)),
      m_insert(db.prepare(insert_sql(1))),
      m_insert_batch(db.prepare(insert_sql(k_batch_rows))),
      m_update(db.prepare("UPDATE permits SET geom = ?, municipality = ?, case_id = ?, property = ?, house_type = ?, "
                          "tenure = ?, dwellings = ?, dwellings_removed = ?, applied_date = ?, granted_date = ?, "
                          "started_date = ?, completed_date = ?, refused_date = ?, withdrawn_date = ?, assumed = ?, "
                          "key_extra = ?, year_only = ?, last_changed_run = ? WHERE fid = ?")),
      m_missing(db.prepare("UPDATE permits SET missing_since_run = ? WHERE fid = ?")),
      m_digests(db, "permit_digests"), m_seen(db, "permit_seen"),
      m_footprint_delete(db.prepare("DELETE FROM permit_footprints WHERE permit_fid = ?")),
      m_footprint_insert(db.prepare("INSERT INTO permit_footprints (geom, permit_fid, geometry_repair) VALUES (?, ?, ?)")) {}

std::unordered_map<std::string, StoredPermit> PermitTable::load(const std::string& municipality) {
    std::unordered_map<std::string, StoredPermit> out;
    auto st = m_db.prepare(std::string("SELECT p.fid, p.geom, ") + k_columns +
                           ", p.missing_since_run, f.geom, f.geometry_repair FROM permits p LEFT JOIN permit_footprints f ON f.permit_fid = p.fid "
                           "WHERE p.municipality = ?");
    st.bind(1, municipality);
    while (st.step()) {
        StoredPermit s;
        s.fid = st.column_int64(0);
        if (const auto env = gpkg_blob_envelope(st.column_blob(1))) {
            s.record.x = env->min_x;
            s.record.y = env->min_y;
        }
        PermitRecord& p = s.record;
        p.municipality = st.column_text(2);
        p.case_id = st.column_text(3);
        p.property = st.column_optional_text(4);
        p.house_type = code_column(st, 5, house_type_codes());
        p.tenure = code_column(st, 6, tenure_codes());
        p.dwellings = st.column_optional_int64(7);
        p.dwellings_removed = st.column_int64(8);
        p.applied = date_column(st, 9);
        p.granted = date_column(st, 10);
        p.started = date_column(st, 11);
        p.completed = date_column(st, 12);
        p.refused = date_column(st, 13);
        p.withdrawn = date_column(st, 14);
        p.assumed = st.column_optional_text(15);
        p.key_extra = st.column_text(16);
        p.year_only = st.column_optional_text(17);
        p.id = permit_id(p.case_id, p.key_extra);
        s.missing_since_run = st.column_optional_int64(18);
        p.footprint = wkb_column(st, 19);
        p.footprint_repair = st.column_optional_text(20);
        out.emplace(p.id, std::move(s));
    }
    return out;
}

std::int64_t PermitTable::insert(const PermitRecord& p, std::int64_t run) {
    const std::int64_t fid = m_next_fid++;
    m_to_assign.push_back(fid);
    if (!p.footprint.empty()) {
        m_insert.reset();
        bind_row(m_insert, 1, fid, p, run);
        m_insert.run();
        write_footprint(fid, p);
        return fid;
    }
    m_pending.push_back({&p, fid, run});
    if (m_pending.size() == k_batch_rows) flush();
    return fid;
}

void PermitTable::flush() {
    if (m_pending.size() == k_batch_rows) {
        m_insert_batch.reset();
        for (std::size_t r = 0; r < m_pending.size(); ++r) {
            bind_row(m_insert_batch, static_cast<int>(r) * k_params_per_row + 1, m_pending[r].fid, *m_pending[r].record,
                     m_pending[r].run);
        }
        m_insert_batch.run();
    } else {
        for (const auto& row : m_pending) {
            m_insert.reset();
            bind_row(m_insert, 1, row.fid, *row.record, row.run);
            m_insert.run();
        }
    }
    m_pending.clear();
}

void PermitTable::finish() {
    flush();
    m_digests.flush();
    // A bulk load queues one marker instead of a million rows: then every permit is reassigned.
    constexpr std::size_t k_all_from = 50000;
    if (m_to_assign.size() >= k_all_from) {
        m_db.exec("INSERT OR IGNORE INTO assignment_queue (kind, fid) VALUES ('all_permits', 0)");
    } else {
        auto queue = m_db.prepare("INSERT OR IGNORE INTO assignment_queue (kind, fid) VALUES ('permit', ?)");
        for (const std::int64_t fid : m_to_assign) {
            queue.reset();
            queue.bind(1, fid).run();
        }
    }
    m_to_assign.clear();
}

void PermitTable::update(std::int64_t fid, const PermitRecord& p, std::int64_t run) {
    m_to_assign.push_back(fid);
    m_update.reset();
    const auto point = gpkg_point_blob(p.x, p.y, gdal::k_store_epsg);
    m_update.bind(1, std::span<const std::uint8_t>(point));
    bind_attributes(m_update, 2, p);
    m_update.bind(2 + k_attributes, run).bind(3 + k_attributes, fid);
    m_update.run();
    write_footprint(fid, p);
}

void PermitTable::seen(std::int64_t fid, std::int64_t run) { m_seen.seen(fid, run); }

void PermitTable::set_missing(std::int64_t fid, std::optional<std::int64_t> run) {
    m_missing.reset();
    m_missing.bind_all(run, fid).run();
    if (run) m_digests.forget(fid);
}

void PermitTable::seen_all(std::span<const std::int64_t> fids, std::int64_t run) {
    m_seen.seen_all(fids, run);
}

void PermitTable::write_footprint(std::int64_t fid, const PermitRecord& p) {
    m_footprint_delete.reset();
    m_footprint_delete.bind(1, fid).run();
    if (p.footprint.empty()) return;
    m_footprint_insert.reset();
    m_footprint_insert.bind(1, std::span<const std::uint8_t>(blob(p.footprint))).bind(2, fid).bind(3, p.footprint_repair).run();
}

std::int64_t PermitTable::present(const std::string& municipality) {
    return m_db.query_int("SELECT count(*) FROM permits WHERE municipality = ? AND missing_since_run IS NULL", municipality)
        .value_or(0);
}

} // namespace bostad::store::gpkg
