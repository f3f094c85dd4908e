#include "store/postgis/status_source.hpp"

#include <fmt/format.h>

#include <array>

#include "core/figures.hpp"
#include "core/records.hpp"
#include "core/rule_sql.hpp"
#include "pg/connection.hpp"

namespace bostad::store::postgis {
namespace {


/// The names of the permit columns and the cutoff parameters ($1 … $6 in Day order) that the rules read.
SqlNames names(const std::string& table) {
    SqlNames n;
    for (const StageDate d : k_stage_dates) {
        static constexpr const char* columns[] = {"applied_date", "granted_date", "started_date",
                                                  "completed_date", "refused_date", "withdrawn_date"};
        n.dates[static_cast<std::size_t>(d)] = table + columns[static_cast<std::size_t>(d)];
    }
    for (std::size_t i = 0; i < n.days.size(); ++i) n.days[i] = fmt::format("${}::date", i + 1);
    n.state = "state";
    return n;
}

/// The permit's state at D, from the permit table `p`.
std::string state_column() { return state_sql(names("p.")) + " AS state"; }

/// The figures that count a permit, as a bit mask (bit i: figure i), from a row that has its dates and state.
std::string mask_sql() {
    const SqlNames n = names("");
    std::string out;
    for (const auto& f : figure_defs()) {
        out += fmt::format("{}(CASE WHEN {} THEN {} ELSE 0 END)", out.empty() ? "" : " + ", rule_sql(f.rule, n),
                           FigureMask{1} << static_cast<unsigned>(f.id));
    }
    return out;
}

/// One row per area, municipality, house type, tenure and set of figures: dwellings, net dwellings and permits.
std::string scan_sql() {
    return fmt::format(
        "WITH s AS (SELECT pa.area_fid, p.municipality, coalesce(p.house_type, 'unknown') AS house_type, "
        "coalesce(p.tenure, 'unknown') AS tenure, p.dwellings AS n, p.dwellings - p.dwellings_removed AS net, "
        "p.applied_date, p.granted_date, p.started_date, p.completed_date, p.refused_date, p.withdrawn_date, {} "
        "FROM permits p LEFT JOIN permit_areas pa ON pa.area_set_id = $7 AND pa.permit_fid = p.fid "
        "WHERE p.missing_since_run IS NULL AND ($8::text IS NULL OR p.municipality = $8)) "
        "SELECT area_fid, municipality, house_type, tenure, {} AS mask, sum(n), sum(net), count(*) "
        "FROM s GROUP BY 1, 2, 3, 4, 5",
        state_column(), mask_sql());
}

pg::Params days_params(const MonthDays& d, std::int64_t area_set_id, const std::optional<std::string>& municipality) {
    return {d.d, d.lapse, d.overdue, d.stalled, d.month_start, d.year_start, std::to_string(area_set_id), municipality};
}

/// The three lead times of every municipality: median (mean of the middle two), nearest-rank 90th
/// percentile (percentile_disc), and for applied→granted the count within 10 weeks.
void add_lead_times(pg::Connection& c, const ScanRequest& req, PermitTally& tally) {
    const std::string sql =
        "WITH p AS (SELECT municipality, applied_date, granted_date, started_date, completed_date FROM permits "
        "WHERE missing_since_run IS NULL AND ($3::text IS NULL OR municipality = $3)), "
        "steps AS ("
        " SELECT municipality, 0 AS step, granted_date - applied_date AS days FROM p "
        "  WHERE granted_date > $1 AND granted_date <= $2 AND applied_date IS NOT NULL"
        " UNION ALL SELECT municipality, 1, started_date - granted_date FROM p "
        "  WHERE started_date > $1 AND started_date <= $2 AND granted_date IS NOT NULL"
        " UNION ALL SELECT municipality, 2, completed_date - started_date FROM p "
        "  WHERE completed_date > $1 AND completed_date <= $2 AND started_date IS NOT NULL) "
        "SELECT municipality, step, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY days), "
        "percentile_disc(0.9) WITHIN GROUP (ORDER BY days), count(*) FILTER (WHERE days <= 70) "
        "FROM steps GROUP BY 1, 2";
    pg::Result r = c.exec(sql, {req.days.lead_after, req.days.d, req.municipality});
    for (auto& [code, m] : tally.municipalities) m.lead_times.emplace();
    for (int i = 0; i < r.rows(); ++i) {
        auto& m = tally.municipalities[r.text(i, 0)];
        if (!m.lead_times) m.lead_times.emplace();
        const auto step = r.int64(i, 1);
        LeadTime t;
        t.count = r.int64(i, 2);
        t.median_days = r.real(i, 3);
        t.p90_days = r.real(i, 4);
        if (step == 0) {
            t.share_within_10_weeks = static_cast<double>(r.int64(i, 5)) / static_cast<double>(t.count);
            std::get<0>(*m.lead_times) = t;
        } else if (step == 1) {
            std::get<1>(*m.lead_times) = t;
        } else {
            std::get<2>(*m.lead_times) = t;
        }
    }
}

void add_target_completions(pg::Connection& c, const ScanRequest& req, PermitTally& tally) {
    for (auto& [code, m] : tally.municipalities) {
        const auto it = req.target_starts.find(code);
        if (it == req.target_starts.end()) continue;
        for (const auto& start : it->second) {
            m.completed_since.push_back(
                c.query_int("SELECT coalesce(sum(dwellings), 0) FROM permits WHERE missing_since_run IS NULL "
                            "AND municipality = $1 AND completed_date >= $2 AND completed_date <= $3",
                            {code, start, req.days.d})
                    .value_or(0));
        }
    }
}

} // namespace

std::vector<ListedPermit> PgStatusSource::list_permits(const ListRequest& req) {
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
        state_column(), rule_sql(figure_def(req.figure).rule, names("")));
    pg::Result r = m_c.exec(sql, days_params(req.days, req.area_set_id, req.municipality));
    std::vector<ListedPermit> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.int64(i, 5), r.text(i, 6),
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
    PermitTally tally;
    tally.areas.resize(req.area_index.size());
    pg::Result r = m_c.exec(scan_sql(), days_params(req.days, req.area_set_id, req.municipality));
    for (int i = 0; i < r.rows(); ++i) {
        const auto mask = static_cast<FigureMask>(r.int64(i, 4));
        const std::int64_t n = r.int64(i, 5), net = r.int64(i, 6), permits = r.int64(i, 7);
        Figures* where = &tally.unassigned;
        if (!r.is_null(i, 0)) {
            const auto it = req.area_index.find(r.int64(i, 0));
            if (it != req.area_index.end()) where = &tally.areas[it->second];
        }
        where->dwellings.add(mask, n);
        where->net.add(mask, net);
        where->permits.add(mask, permits);
        where->by_house_type[r.text(i, 2)].add(mask, n);
        where->by_tenure[r.text(i, 3)].add(mask, n);
        Figures& m = tally.municipalities[r.text(i, 1)].figures;
        m.dwellings.add(mask, n);
        m.net.add(mask, net);
        m.permits.add(mask, permits);
    }
    add_lead_times(m_c, req, tally);
    add_target_completions(m_c, req, tally);
    return tally;
}

std::unordered_map<std::int64_t, LegalPlan> PgStatusSource::legal_plans(
    const std::optional<std::string>& municipality, const Cutoffs<std::string_view>& cut,
    const std::vector<std::int32_t>* /*capacity_use: worked out in SQL*/) {
    // A permit uses a plan's capacity when granted, started or completed at D; the state is worked out inline.
    SqlNames capacity_names = names("p.");
    capacity_names.state = "(" + state_sql(capacity_names) + ")";
    const std::string sql = fmt::format(
        "WITH used AS (SELECT pp.plan_fid, sum(p.dwellings) AS dwellings FROM permit_plans pp "
        "  JOIN permits p ON p.fid = pp.permit_fid WHERE p.missing_since_run IS NULL AND {} "
        "  GROUP BY pp.plan_fid) "
        "SELECT pl.fid, pl.municipality, pl.plan_id, coalesce(pl.name, ''), pl.legal_date::text, "
        "coalesce(pl.implementation_end::text, ''), pl.capacity_override, pl.planned_dwellings, pl.capacity_estimate, "
        "coalesce(pl.capacity_method, ''), coalesce(pl.capacity_note, ''), coalesce(u.dwellings, 0) "
        "FROM plans pl LEFT JOIN used u ON u.plan_fid = pl.fid "
        "WHERE pl.status = 'laga_kraft' AND pl.legal_date <= $1 AND pl.missing_since_run IS NULL "
        "AND ($3::text IS NULL OR pl.municipality = $3) ORDER BY pl.fid",
        rule_sql(k_uses_capacity, capacity_names));
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
