#include "store/postgis/status_source.hpp"

#include <fmt/format.h>

#include "core/figures.hpp"
#include "core/records.hpp"
#include "core/rule_sql.hpp"
#include "core/error.hpp"
#include "pg/connection.hpp"
#include "store/permit_pass.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
namespace {

constexpr int k_batch = 50000;


/// The names of the permit columns and the cutoff parameters ($1 … $6 in Day order) that the rules read.
SqlNames names(const std::string& table) {
    SqlNames n;
    for (const StageDate d : k_stage_dates) {
        const auto i = static_cast<std::size_t>(d);
        const std::string column = table + std::string(stage_date_field(d));
        n.dates[i] = column;
        // A year alone (pipeline.hpp) may stand for any day from 1 January of its year.
        n.earliest[i] = fmt::format("CASE WHEN {}year_only LIKE '%{}%' THEN date_trunc('year', {})::date ELSE {} END", table,
                                    stage_date_field(d), column, column);
    }
    for (std::size_t i = 0; i < n.days.size(); ++i) n.days[i] = fmt::format("${}::date", i + 1);
    n.state = "state";
    return n;
}

/// The permit's state at D, from the permit table `p`.
std::string state_column() { return state_sql(names("p.")) + " AS state"; }

pg::Params days_params(const MonthDays& d, std::int64_t area_set_id, const std::optional<std::string>& municipality) {
    return {d.d, d.lapse, d.overdue, d.stalled, d.month_start, d.year_start, std::to_string(area_set_id), municipality};
}

} // namespace

std::vector<std::vector<ListedPermit>> PgStatusSource::list_permits(const ListRequest& req) {
    std::vector<std::vector<ListedPermit>> lists;
    for (const Figure figure : req.figures) lists.push_back(list_permits(req, figure));
    return lists;
}

std::vector<ListedPermit> PgStatusSource::list_permits(const ListRequest& req, Figure figure) {
    const std::string sql = fmt::format(
        // Every parameter is named once at least, so that PostgreSQL knows its type.
        "WITH s AS (SELECT p.*, a.area_id, {}, $3::date AS c3, $4::date AS c4, $5::date AS c5, $6::date AS c6 "
        "FROM permits p "
        "LEFT JOIN permit_areas pa ON pa.area_set_id = $7 AND pa.permit_fid = p.fid LEFT JOIN areas a ON a.fid = pa.area_fid "
        "WHERE p.missing_since_run IS NULL AND ($8::text IS NULL OR p.municipality = $8)) "
        "SELECT municipality, case_id, coalesce(property, ''), coalesce(house_type, ''), coalesce(tenure, ''), dwellings, "
        "coalesce(area_id, ''), coalesce(applied_date::text, ''), coalesce(granted_date::text, ''), "
        "coalesce(started_date::text, ''), coalesce(completed_date::text, '') FROM s WHERE {} "
        "ORDER BY municipality COLLATE \"C\", case_id COLLATE \"C\"",
        state_column(), rule_sql(figure_def(figure).rule, names("")));
    pg::Result r = m_c.exec(sql, days_params(req.days, req.area_set_id, req.municipality));
    std::vector<ListedPermit> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.optional_int64(i, 5), r.text(i, 6),
                       r.text(i, 7), r.text(i, 8), r.text(i, 9), r.text(i, 10)});
    }
    return out;
}

std::vector<std::string> PgStatusSource::area_set_names() {
    pg::Result r = m_c.exec("SELECT name FROM area_sets ORDER BY name COLLATE \"C\"");
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

std::optional<std::int64_t> PgStatusSource::find_area_set(const std::string& name) {
    return m_c.query_int("SELECT id FROM area_sets WHERE name = $1", {name});
}

std::vector<AreaRow> PgStatusSource::areas(std::int64_t area_set_id) {
    pg::Result r = m_c.exec("SELECT fid, area_id, coalesce(name, area_id), coalesce(municipality, '') FROM areas "
                            "WHERE area_set_id = $1 ORDER BY area_id COLLATE \"C\"",
                            {std::to_string(area_set_id)});
    std::vector<AreaRow> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.int64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
}

PermitTally PgStatusSource::scan_permits(const ScanRequest& req) {
    if (!m_c.in_transaction()) throw InternalError("the PostGIS store is read in a snapshot (a transaction)");
    // The permits come over once, compactly, and are counted by the same pass as the GeoPackage store's (a
    // grouped query that applies the rules in SQL took 3 to 5 times as long as the GeoPackage store for a
    // million permits: PostgreSQL evaluates the conditions row by row far slower than compiled C++).
    const auto end = m_c.query_int("SELECT coalesce(max(fid), 0) + 1 FROM permits").value_or(1);
    const std::vector<std::int32_t> index_of = area_index_table(req);
    std::vector<std::int32_t> area_of(static_cast<std::size_t>(end), -1);
    // COPY is the quickest way out; it takes no parameters, so they are bound into settings of this transaction.
    m_c.exec("SELECT set_config('bostad.area_set', $1, true), set_config('bostad.municipality', $2, true)",
             {std::to_string(req.area_set_id), req.municipality.value_or("")});
    if (req.area_set_id >= 0) {
        m_c.copy_out("SELECT permit_fid, area_fid FROM permit_areas WHERE area_set_id = current_setting('bostad.area_set', true)::bigint "
                     "AND area_fid IS NOT NULL",
                     [&](pg::Connection::CopyFields f) {
                         const auto fid = static_cast<std::size_t>(int_of(*f[0]));
                         const auto area = static_cast<std::size_t>(int_of(*f[1]));
                         if (fid < area_of.size() && area < index_of.size()) area_of[fid] = index_of[area];
                     });
    }
    std::vector<std::int32_t> use(static_cast<std::size_t>(end), 0);
    PermitPass pass(req, use);
    PassRow row;
    m_c.copy_out(fmt::format("SELECT fid, municipality, house_type, tenure, dwellings, dwellings_removed, applied_date, "
                             "granted_date, started_date, completed_date, refused_date, withdrawn_date, year_only FROM permits "
                             "WHERE missing_since_run IS NULL{}",
                             req.municipality ? " AND municipality = current_setting('bostad.municipality', true)" : ""),
                 [&](pg::Connection::CopyFields f) {
                     row.fid = int_of(*f[0]);
                     row.area = row.fid < end ? area_of[static_cast<std::size_t>(row.fid)] : -1;
                     row.municipality = *f[1];
                     row.house_type = f[2];
                     row.tenure = f[3];
                     row.dwellings = f[4] ? std::optional(int_of(*f[4])) : std::nullopt;
                     row.dwellings_removed = int_of(*f[5]);
                     row.dates = {f[6], f[7], f[8], f[9], f[10], f[11], year_only_bits(f[12])};
                     pass.add(row);
                 });
    PermitTally tally = pass.finish();
    tally.capacity_use = std::move(use);
    return tally;
}

std::unordered_map<std::int64_t, LegalPlan> PgStatusSource::legal_plans(
    const std::optional<std::string>& municipality, const Cutoffs<std::string_view>& cut,
    const std::vector<std::int32_t>* capacity_use) {
    // A permit uses a plan's capacity when granted, started or completed at D: given by the status's permit pass
    // (capacity_use, added below), or else worked out here with the state in SQL.
    SqlNames capacity_names = names("p.");
    capacity_names.state = fmt::format("({})", state_sql(capacity_names));
    const std::string used =
        capacity_use ? "SELECT NULL::bigint AS plan_fid, 0 AS dwellings WHERE false"
                     : fmt::format("SELECT pp.plan_fid, sum(p.dwellings) AS dwellings FROM permit_plans pp "
                                   "JOIN permits p ON p.fid = pp.permit_fid WHERE p.missing_since_run IS NULL AND {} "
                                   "GROUP BY pp.plan_fid",
                                   rule_sql(k_uses_capacity, capacity_names));
    const std::string sql = fmt::format(
        "WITH used AS ({}) "
        "SELECT pl.fid, pl.municipality, pl.plan_id, coalesce(pl.name, ''), pl.legal_date::text, "
        "coalesce(pl.implementation_end::text, ''), pl.capacity_override, pl.planned_dwellings, pl.capacity_estimate, "
        "coalesce(pl.capacity_method, ''), coalesce(pl.capacity_note, ''), coalesce(u.dwellings, 0), $2::date "
        "FROM plans pl LEFT JOIN used u ON u.plan_fid = pl.fid "
        "WHERE pl.status = 'laga_kraft' AND pl.legal_date <= $1 AND pl.missing_since_run IS NULL "
        "AND ($3::text IS NULL OR pl.municipality = $3) ORDER BY pl.fid",
        used);
    pg::Result r = m_c.exec(sql, {std::string(cut.day), std::string(cut.lapse), municipality});
    std::unordered_map<std::int64_t, LegalPlan> plans;
    for (int i = 0; i < r.rows(); ++i) {
        const auto override_ = r.optional_int64(i, 6);
        const auto delivered = r.optional_int64(i, 7);
        const auto estimate = r.optional_real(i, 8);
        const char* source = override_ ? "override" : delivered ? "delivered" : estimate ? "estimate" : "none";
        LegalPlan p{r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                               plan_capacity(override_, delivered, estimate), source, r.text(i, 9), r.text(i, 10),
                               r.int64(i, 11)};
        plans.emplace(r.int64(i, 0), std::move(p));
    }
    if (capacity_use) {
        m_c.for_each_batch("SELECT plan_fid, permit_fid FROM permit_plans", {}, k_batch, [&](const pg::Result& pairs) {
            for (int i = 0; i < pairs.rows(); ++i) {
                const auto it = plans.find(pairs.int64(i, 0));
                const auto fid = static_cast<std::size_t>(pairs.int64(i, 1));
                if (it != plans.end() && fid < capacity_use->size()) it->second.used += (*capacity_use)[fid];
            }
        });
    }
    return plans;
}

std::vector<PlanShare> PgStatusSource::plan_shares(std::int64_t area_set_id,
                                                              const std::unordered_map<std::int64_t, std::size_t>& area_index) {
    pg::Result r = m_c.exec("SELECT plan_fid, area_fid, share FROM plan_area_shares WHERE area_set_id = $1 "
                            "AND area_fid IS NOT NULL ORDER BY plan_fid, area_fid",
                            {std::to_string(area_set_id)});
    std::vector<PlanShare> out;
    for (int i = 0; i < r.rows(); ++i) {
        const auto area = area_index.find(r.int64(i, 1));
        if (area != area_index.end()) out.push_back({r.int64(i, 0), area->second, r.real(i, 2)});
    }
    return out;
}

} // namespace bostad::store::postgis
