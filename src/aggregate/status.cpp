#include "aggregate/status.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/records.hpp"
#include "sqlite/database.hpp"

namespace bostad::aggregate {
namespace {

using Text = std::string_view;

/// The days of the month's rules as ISO text: ISO dates compare like dates.
struct Days {
    Date day;
    std::string d, lapse, overdue, stalled, month_start, year_start, lead_after;
    Cutoffs<Text> cutoffs() const { return {d, lapse, overdue, stalled}; }
};

Days days_for(Month month, int stalled_months) {
    const Date d = month.last_day();
    const Cutoffs<Date> c = cutoffs_for(d, stalled_months);
    return {d,          d.iso(), c.lapse.iso(), c.overdue.iso(), c.stalled.iso(), month.first_day().iso(),
            Date::from_ymd(month.year(), 1, 1).iso(), d.plus_months(-12).iso()};
}

std::optional<Text> text(const sqlite::Statement& st, int col) {
    if (st.is_null(col)) return std::nullopt;
    return st.column_view(col);
}

bool between(const std::optional<Text>& v, const std::string& first, const std::string& last) {
    return v && *v >= first && *v <= last;
}

/// In the 12 months up to D: after D − 12 months, up to and including D.
bool in_last_year(const std::optional<Text>& v, const std::string& after, const std::string& last) {
    return v && *v > after && *v <= last;
}

/// Adds one permit's dwellings (`n`) to the counts.
void count(Counts& c, std::int64_t n, PipelineState state, bool overdue, bool stalled, const StageDates<Text>& dates, const Days& days) {
    switch (state) {
    case PipelineState::applied: c.applied += n; break;
    case PipelineState::granted: c.granted += n; break;
    case PipelineState::started: c.started += n; break;
    case PipelineState::completed: c.completed += n; break;
    case PipelineState::lapsed: c.lapsed += n; break;
    default: break;
    }
    if (overdue) c.overdue += n;
    if (stalled) c.stalled += n;
    if (between(dates.started, days.month_start, days.d)) c.started_in_month += n;
    if (between(dates.completed, days.month_start, days.d)) c.completed_in_month += n;
    if (between(dates.completed, days.year_start, days.d)) c.completed_year_to_date += n;
}

/// Days between two ISO dates.
double days_between(Text from, Text to) {
    const auto a = Date::parse_iso(from);
    const auto b = Date::parse_iso(to);
    return a && b ? static_cast<double>(b->days() - a->days()) : 0.0;
}

LeadTime summarize(std::vector<double> days, bool with_ten_weeks) {
    LeadTime t;
    t.count = static_cast<std::int64_t>(days.size());
    if (days.empty()) return t;
    std::sort(days.begin(), days.end());
    // Percentiles by the nearest-rank method: the smallest value with at least p of the values at or below.
    const auto rank = [&](double p) { return days[static_cast<std::size_t>(std::ceil(p * static_cast<double>(days.size()))) - 1]; };
    t.median_days = days.size() % 2 ? days[days.size() / 2] : (days[days.size() / 2 - 1] + days[days.size() / 2]) / 2;
    t.p90_days = rank(0.9);
    if (with_ten_weeks) {
        const auto within = std::count_if(days.begin(), days.end(), [](double d) { return d <= 70; });
        t.share_within_10_weeks = static_cast<double>(within) / static_cast<double>(days.size());
    }
    return t;
}

struct AreaInfo {
    std::int64_t fid;
    std::string area_id, name, municipality;
};

std::optional<std::int64_t> find_area_set(sqlite::Database& db, const std::string& name) {
    return db.query_int("SELECT id FROM area_sets WHERE name = ?", name);
}

std::vector<std::string> area_set_names(sqlite::Database& db) {
    std::vector<std::string> out;
    auto st = db.prepare("SELECT name FROM area_sets ORDER BY name");
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

/// The id of the requested area set, -1 for none; a UsageError naming the sets there are for an unknown one.
std::int64_t area_set_id(sqlite::Database& db, const StatusRequest& req) {
    if (!req.area_set) return -1;
    if (const auto id = find_area_set(db, *req.area_set)) return *id;
    const auto names = area_set_names(db);
    throw UsageError(fmt::format("--area-set: the store has no area set '{}'{}", *req.area_set,
                                 names.empty() ? std::string("; load one with `bostad ingest --kind areas --area-set NAME`")
                                               : " (it has: " + fmt::format("{}", fmt::join(names, ", ")) + ")"));
}

void check_month(Month month) {
    const Month now = Month::of(today());
    if (now < month) {
        throw UsageError(fmt::format("--month: {} has not ended yet, nor begun: the latest month with a status is {}",
                                     month.str(), now.str()));
    }
}

constexpr const char* k_permit_columns =
    "p.fid, p.municipality, p.house_type, p.tenure, p.dwellings, p.dwellings_removed, p.applied_date, "
    "p.granted_date, p.started_date, p.completed_date, p.refused_date, p.withdrawn_date";

StageDates<Text> dates_at(const sqlite::Statement& st, int first) {
    return {text(st, first), text(st, first + 1), text(st, first + 2), text(st, first + 3), text(st, first + 4), text(st, first + 5)};
}

/// A plan with legal force at D, with its capacity and the dwellings granted inside it.
struct LegalPlan {
    std::string municipality, plan_id, name, legal_date, implementation_end;
    std::optional<std::int64_t> capacity;
    std::string capacity_source, capacity_method, capacity_note;
    std::int64_t used = 0;

    double counted() const { return static_cast<double>(capacity.value_or(0)); }
    double remaining() const { return static_cast<double>(std::max<std::int64_t>(0, capacity.value_or(0) - used)); }
};

std::string capacity_source(const sqlite::Statement& st, int override_col, int delivered_col, int estimate_col) {
    if (!st.is_null(override_col)) return "override";
    if (!st.is_null(delivered_col)) return "delivered";
    if (!st.is_null(estimate_col)) return "estimate";
    return "none";
}

/// The plans with legal force at the end of the day (laga kraft, legal date ≤ D), keyed by fid, with the
/// dwellings of the permits inside them that reached granted or later by D.
std::unordered_map<std::int64_t, LegalPlan> legal_plans(sqlite::Database& db, const StatusRequest& req, const Cutoffs<Text>& cut) {
    std::unordered_map<std::int64_t, LegalPlan> plans;
    auto st = db.prepare("SELECT fid, municipality, plan_id, coalesce(name, ''), legal_date, coalesce(implementation_end, ''), "
                         "capacity_override, planned_dwellings, capacity_estimate, coalesce(capacity_method, ''), "
                         "coalesce(capacity_note, '') FROM plans WHERE status = 'laga_kraft' AND legal_date <= ?1 "
                         "AND missing_since_run IS NULL AND (?2 IS NULL OR municipality = ?2)");
    st.bind(1, std::string(cut.day)).bind(2, req.municipality);
    while (st.step()) {
        LegalPlan p{st.column_text(1), st.column_text(2), st.column_text(3), st.column_text(4), st.column_text(5),
                    plan_capacity(st.column_optional_int64(6), st.column_optional_int64(7), st.column_optional_double(8)),
                    capacity_source(st, 6, 7, 8), st.column_text(9), st.column_text(10), 0};
        plans.emplace(st.column_int64(0), std::move(p));
    }
    auto used = db.prepare(fmt::format("SELECT pp.plan_fid, {} FROM permit_plans pp JOIN permits p ON p.fid = pp.permit_fid "
                                       "WHERE p.missing_since_run IS NULL",
                                       k_permit_columns));
    while (used.step()) {
        const auto it = plans.find(used.column_int64(0));
        if (it == plans.end()) continue;
        const PipelineState s = state_at(dates_at(used, 7), cut);
        if (s == PipelineState::granted || s == PipelineState::started || s == PipelineState::completed) {
            it->second.used += used.column_int64(5);
        }
    }
    return plans;
}

/// The status of one municipality being built up.
struct MunicipalityWork {
    MunicipalityStatus status;
    std::vector<double> to_granted, to_started, to_completed;
};

} // namespace

Counts& Counts::operator+=(const Counts& o) {
    applied += o.applied;
    granted += o.granted;
    started += o.started;
    completed += o.completed;
    started_in_month += o.started_in_month;
    completed_in_month += o.completed_in_month;
    completed_year_to_date += o.completed_year_to_date;
    lapsed += o.lapsed;
    overdue += o.overdue;
    stalled += o.stalled;
    return *this;
}

void Figures::add(const Figures& o) {
    dwellings += o.dwellings;
    net += o.net;
    permits += o.permits;
    planned += o.planned;
    remaining_capacity += o.remaining_capacity;
    for (const auto& [k, v] : o.by_house_type) by_house_type[k] += v;
    for (const auto& [k, v] : o.by_tenure) by_tenure[k] += v;
}

StatusResult compute_status(sqlite::Database& db, const StatusRequest& req) {
    check_month(req.month);
    StatusResult result;
    result.month = req.month;
    const std::int64_t set_id = area_set_id(db, req);
    result.area_set = req.area_set.value_or("");
    const Days days = days_for(req.month, req.stalled_months);
    const Cutoffs<Text> cut = days.cutoffs();

    // Areas of the set.
    std::unordered_map<std::int64_t, std::size_t> area_index;
    {
        auto st = db.prepare("SELECT fid, area_id, coalesce(name, area_id), coalesce(municipality, '') FROM areas "
                             "WHERE area_set_id = ? ORDER BY area_id");
        st.bind(1, set_id);
        while (st.step()) {
            area_index.emplace(st.column_int64(0), result.areas.size());
            result.areas.push_back({st.column_text(1), st.column_text(2), st.column_text(3), {}});
        }
    }
    std::map<std::string, MunicipalityWork> municipalities;
    const auto municipality = [&](const std::string& code) -> MunicipalityWork& {
        auto it = municipalities.find(code);
        if (it == municipalities.end()) {
            MunicipalityWork w;
            w.status.code = code;
            const config::Municipality* m = req.config ? req.config->find_municipality(code) : nullptr;
            w.status.name = m ? m->name : code;
            if (m) {
                for (const auto& t : m->targets) w.status.targets.push_back({t.description, t.from, t.to, t.dwellings, 0, 0});
            }
            it = municipalities.emplace(code, std::move(w)).first;
        }
        return it->second;
    };
    if (req.config) {
        for (const auto& m : req.config->municipalities) {
            if (!req.municipality || *req.municipality == m.code) municipality(m.code);
        }
    }

    // Permits: one pass.
    auto permits = db.prepare(fmt::format("SELECT {}, pa.area_fid FROM permits p LEFT JOIN permit_areas pa "
                                          "ON pa.area_set_id = ?1 AND pa.permit_fid = p.fid "
                                          "WHERE p.missing_since_run IS NULL AND (?2 IS NULL OR p.municipality = ?2)",
                                          k_permit_columns));
    permits.bind(1, set_id).bind(2, req.municipality);
    while (permits.step()) {
        const StageDates<Text> dates = dates_at(permits, 6);
        const PipelineState state = state_at(dates, cut);
        const bool overdue = is_overdue(dates, cut, state);
        const bool stalled = is_stalled(dates, cut, state);
        const std::int64_t n = permits.column_int64(4);
        const std::int64_t net = n - permits.column_int64(5);
        Figures* area = nullptr;
        if (!permits.is_null(12)) {
            const auto it = area_index.find(permits.column_int64(12));
            if (it != area_index.end()) area = &result.areas[it->second].figures;
        }
        Figures& where = area ? *area : result.unassigned;
        count(where.dwellings, n, state, overdue, stalled, dates, days);
        count(where.net, net, state, overdue, stalled, dates, days);
        count(where.permits, 1, state, overdue, stalled, dates, days);
        const std::string house_type = permits.is_null(2) ? "unknown" : std::string(permits.column_view(2));
        const std::string tenure = permits.is_null(3) ? "unknown" : std::string(permits.column_view(3));
        count(where.by_house_type[house_type], n, state, overdue, stalled, dates, days);
        count(where.by_tenure[tenure], n, state, overdue, stalled, dates, days);

        MunicipalityWork& m = municipality(std::string(permits.column_view(1)));
        Figures& mf = m.status.figures;
        count(mf.dwellings, n, state, overdue, stalled, dates, days);
        count(mf.net, net, state, overdue, stalled, dates, days);
        count(mf.permits, 1, state, overdue, stalled, dates, days);
        // Lead times, over the steps that ended in the last 12 months.
        if (in_last_year(dates.granted, days.lead_after, days.d) && dates.applied) {
            m.to_granted.push_back(days_between(*dates.applied, *dates.granted));
        }
        if (in_last_year(dates.started, days.lead_after, days.d) && dates.granted) {
            m.to_started.push_back(days_between(*dates.granted, *dates.started));
        }
        if (in_last_year(dates.completed, days.lead_after, days.d) && dates.started) {
            m.to_completed.push_back(days_between(*dates.started, *dates.completed));
        }
        if (on_or_before(dates.completed, Text(days.d))) {
            for (auto& t : m.status.targets) {
                if (!(*dates.completed < Text(t.from.first_day().iso()))) t.completed_since_from += n;
            }
        }
    }

    // Plans with legal force: their capacity, and what granted permits have used of it, shared out by area.
    const auto plans = legal_plans(db, req, cut);
    for (const auto& [fid, p] : plans) {
        MunicipalityWork& m = municipality(p.municipality);
        ++m.status.plans_with_legal_force;
        if (!p.capacity) ++m.status.plans_without_capacity;
        m.status.planned_by_source[p.capacity_source] += p.counted();
    }
    std::unordered_map<std::int64_t, double> shared; // plan → share already given to areas
    {
        auto st = db.prepare("SELECT plan_fid, area_fid, share FROM plan_area_shares WHERE area_set_id = ?");
        st.bind(1, set_id);
        while (st.step()) {
            const auto it = plans.find(st.column_int64(0));
            if (it == plans.end() || st.is_null(1)) continue;
            const auto area = area_index.find(st.column_int64(1));
            if (area == area_index.end()) continue;
            const double share = st.column_double(2);
            Figures& f = result.areas[area->second].figures;
            f.planned += it->second.counted() * share;
            f.remaining_capacity += it->second.remaining() * share;
            shared[it->first] += share;
        }
    }
    for (const auto& [fid, p] : plans) {
        const double rest = std::max(0.0, 1.0 - shared[fid]);
        result.unassigned.planned += p.counted() * rest;
        result.unassigned.remaining_capacity += p.remaining() * rest;
        MunicipalityWork& m = municipality(p.municipality);
        m.status.figures.planned += p.counted();
        m.status.figures.remaining_capacity += p.remaining();
    }

    // Totals and municipalities.
    for (const auto& a : result.areas) result.total.add(a.figures);
    result.total.add(result.unassigned);
    for (auto& [code, w] : municipalities) {
        w.status.applied_to_granted = summarize(std::move(w.to_granted), true);
        w.status.granted_to_started = summarize(std::move(w.to_started), false);
        w.status.started_to_completed = summarize(std::move(w.to_completed), false);
        for (auto& t : w.status.targets) {
            const double months = t.to.minus(t.from) + 1;
            const double elapsed = std::clamp(static_cast<double>(req.month.minus(t.from) + 1), 0.0, months);
            t.expected_by_now = static_cast<double>(t.dwellings) * elapsed / months;
        }
        result.municipalities.push_back(std::move(w.status));
    }
    return result;
}

std::vector<ListedPermit> list_permits(sqlite::Database& db, const StatusRequest& req, ListKind kind) {
    check_month(req.month);
    const Days days = days_for(req.month, req.stalled_months);
    const Cutoffs<Text> cut = days.cutoffs();
    const std::int64_t set_id = area_set_id(db, req);
    auto st = db.prepare(fmt::format("SELECT {}, a.area_id, p.case_id, coalesce(p.property, '') FROM permits p "
                                     "LEFT JOIN permit_areas pa ON pa.area_set_id = ?1 AND pa.permit_fid = p.fid "
                                     "LEFT JOIN areas a ON a.fid = pa.area_fid "
                                     "WHERE p.missing_since_run IS NULL AND (?2 IS NULL OR p.municipality = ?2) "
                                     "ORDER BY p.municipality, p.case_id",
                                     k_permit_columns));
    st.bind(1, set_id).bind(2, req.municipality);
    std::vector<ListedPermit> out;
    while (st.step()) {
        const StageDates<Text> dates = dates_at(st, 6);
        const PipelineState state = state_at(dates, cut);
        bool wanted = false;
        switch (kind) {
        case ListKind::lapsed: wanted = state == PipelineState::lapsed; break;
        case ListKind::overdue: wanted = is_overdue(dates, cut, state); break;
        case ListKind::stalled: wanted = is_stalled(dates, cut, state); break;
        case ListKind::new_permits: wanted = between(dates.applied, days.month_start, days.d); break;
        case ListKind::completed: wanted = between(dates.completed, days.month_start, days.d); break;
        }
        if (!wanted) continue;
        const auto s = [](const std::optional<Text>& t) { return t ? std::string(*t) : std::string(); };
        out.push_back({std::string(st.column_view(1)), st.column_text(13), st.column_text(14), st.column_text(2),
                       st.column_text(3), st.column_int64(4), st.is_null(12) ? std::string() : st.column_text(12),
                       s(dates.applied), s(dates.granted), s(dates.started), s(dates.completed)});
    }
    return out;
}


std::vector<ListedPlan> list_plans(sqlite::Database& db, const StatusRequest& req) {
    check_month(req.month);
    const Days days = days_for(req.month, req.stalled_months);
    std::vector<ListedPlan> out;
    for (auto& [fid, p] : legal_plans(db, req, days.cutoffs())) {
        out.push_back({p.municipality, p.plan_id, p.name, p.legal_date, p.implementation_end, p.capacity, p.capacity_source,
                       p.capacity_method, p.capacity_note, p.used, static_cast<std::int64_t>(p.remaining())});
    }
    std::sort(out.begin(), out.end(), [](const ListedPlan& a, const ListedPlan& b) {
        return std::tie(a.municipality, a.plan_id) < std::tie(b.municipality, b.plan_id);
    });
    return out;
}

} // namespace bostad::aggregate
