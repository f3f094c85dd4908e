#include "aggregate/status.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/crash_point.hpp"
#include "core/error.hpp"

namespace bostad::aggregate {
namespace {

LeadTime summarize(std::vector<double> days, bool with_ten_weeks) {
    LeadTime t;
    t.count = static_cast<std::int64_t>(days.size());
    if (days.empty()) return t;
    std::sort(days.begin(), days.end());
    // The median (the mean of the middle two for an even count) and the 90th percentile by the nearest-rank
    // method: the smallest value with at least 90 % of the values at or below it.
    const std::size_t n = days.size();
    t.median_days = n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
    t.p90_days = days[static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(n))) - 1];
    if (with_ten_weeks) {
        const auto within = std::count_if(days.begin(), days.end(), [](double d) { return d <= 70; });
        t.share_within_10_weeks = static_cast<double>(within) / static_cast<double>(n);
    }
    return t;
}

/// The municipalities of the status: those of the config (names and targets) and any other with data.
class Municipalities {
public:
    explicit Municipalities(const StatusRequest& req) : m_req(req) {
        if (!req.config) return;
        for (const auto& m : req.config->municipalities) {
            if (!req.municipality || *req.municipality == m.code) at(m.code);
        }
    }
    MunicipalityStatus& at(const std::string& code) {
        auto it = m_all.find(code);
        if (it != m_all.end()) return it->second;
        MunicipalityStatus s;
        s.code = code;
        const config::Municipality* m = m_req.config ? m_req.config->find_municipality(code) : nullptr;
        s.name = m ? m->name : code;
        if (m) {
            for (const auto& t : m->targets) s.targets.push_back({t.description, t.from, t.to, t.dwellings, 0, 0});
        }
        return m_all.emplace(code, std::move(s)).first->second;
    }
    /// Each municipality's target starts, ISO, for the permit pass.
    std::map<std::string, std::vector<std::string>> target_starts() const {
        std::map<std::string, std::vector<std::string>> out;
        for (const auto& [code, m] : m_all) {
            for (const auto& t : m.targets) out[code].push_back(t.from.first_day().iso());
        }
        return out;
    }
    std::vector<MunicipalityStatus> take() {
        std::vector<MunicipalityStatus> out;
        for (auto& [code, m] : m_all) out.push_back(std::move(m));
        return out;
    }

private:
    const StatusRequest& m_req;
    std::map<std::string, MunicipalityStatus> m_all;
};

/// The municipalities a status covers, sorted: the one asked for, else the project's; empty: every one.
std::vector<std::string> scope_of(const StatusRequest& req) {
    if (req.municipality) return {*req.municipality};
    if (req.config) return req.config->project_codes();
    return {};
}

bool in_scope(const std::vector<std::string>& scope, std::string_view code) {
    return scope.empty() || std::binary_search(scope.begin(), scope.end(), code);
}

} // namespace

/// The id of the requested area set, -1 for none; a UsageError naming the sets there are for an unknown one.
std::int64_t resolve_area_set(StatusSource& source, const StatusRequest& req) {
    if (!req.area_set) return -1;
    if (const auto id = source.find_area_set(*req.area_set)) return *id;
    const auto names = source.area_set_names();
    throw UsageError(fmt::format("--area-set: the store has no area set '{}'{}", *req.area_set,
                                 names.empty() ? std::string("; load one with `bostad ingest --kind areas --area-set NAME`")
                                               : fmt::format(" (it has: {})", fmt::join(names, ", "))));
}

Figure list_figure(ListKind kind) {
    switch (kind) {
    case ListKind::lapsed: return Figure::lapsed;
    case ListKind::overdue: return Figure::overdue;
    case ListKind::stalled: return Figure::stalled;
    case ListKind::new_permits: return Figure::applied_in_month;
    case ListKind::completed: break;
    }
    return Figure::completed_in_month;
}

void check_month(Month month) {
    const Month now = Month::of(today());
    if (now < month) {
        throw UsageError(fmt::format("--month: {} has not ended yet, nor begun: the latest month with a status is {}",
                                     month.str(), now.str()));
    }
}

StatusResult compute_status(StatusSource& source, const StatusRequest& req) {
    check_month(req.month);
    StatusResult result;
    result.month = req.month;
    result.area_set = req.area_set.value_or("");
    store::ScanRequest scan;
    scan.area_set_id = resolve_area_set(source, req);
    scan.municipality = req.municipality;
    scan.municipalities = scope_of(req);
    scan.days = month_days(req.month, req.stalled_months);
    scan.series_months = req.series_months;
    if (req.earlier) scan.earlier = month_days(*req.earlier, req.stalled_months);
    const Cutoffs<std::string_view> cut = scan.days.cutoffs();
    for (auto& a : source.areas(scan.area_set_id)) {
        // An area of a kommun outside the project (or not the one asked for) is left out; its permits are
        // left out with their kommun. An area in no kommun stays.
        if (!a.municipality.empty() && !in_scope(scan.municipalities, a.municipality)) {
            ++result.areas_left_out;
            continue;
        }
        scan.area_index.emplace(a.fid, result.areas.size());
        result.areas.push_back({std::move(a.area_id), std::move(a.name), std::move(a.municipality), {}});
    }
    Municipalities municipalities(req);
    scan.target_starts = municipalities.target_starts();

    // Permits.
    store::PermitTally tally = source.scan_permits(scan);
    crash_point("status.permits_counted");
    for (std::size_t a = 0; a < result.areas.size(); ++a) result.areas[a].figures = std::move(tally.areas[a]);
    result.unassigned = std::move(tally.unassigned);
    for (auto& [code, t] : tally.municipalities) {
        MunicipalityStatus& m = municipalities.at(code);
        m.figures.add(t.figures);
        if (t.lead_times) {
            std::tie(m.applied_to_granted, m.granted_to_started, m.started_to_completed) = *t.lead_times;
        } else {
            m.applied_to_granted = summarize(std::move(t.to_granted), true);
            m.granted_to_started = summarize(std::move(t.to_started), false);
            m.started_to_completed = summarize(std::move(t.to_completed), false);
        }
        for (std::size_t i = 0; i < m.targets.size() && i < t.completed_since.size(); ++i) m.targets[i].completed_since_from = t.completed_since[i];
        m.series = std::move(t.series);
        m.earlier = t.earlier;
    }

    // Plans with legal force: their capacity and what is left of it, shared out by area.
    // (The permit pass saw every permit only when no municipality was picked.)
    auto plans = source.legal_plans(req.municipality, cut, req.municipality ? nullptr : &tally.capacity_use);
    std::erase_if(plans, [&](const auto& p) { return !in_scope(scan.municipalities, p.second.municipality); });
    std::unordered_map<std::int64_t, double> shared; // plan → the share given to areas
    for (const store::PlanShare& s : source.plan_shares(scan.area_set_id, scan.area_index)) {
        const auto it = plans.find(s.plan_fid);
        if (it == plans.end()) continue;
        Figures& f = result.areas[s.area].figures;
        f.planned += it->second.counted() * s.share;
        f.remaining_capacity += it->second.remaining() * s.share;
        shared[s.plan_fid] += s.share;
    }
    for (const auto& [fid, p] : plans) {
        const double rest = std::max(0.0, 1.0 - shared[fid]);
        result.unassigned.planned += p.counted() * rest;
        result.unassigned.remaining_capacity += p.remaining() * rest;
        MunicipalityStatus& m = municipalities.at(p.municipality);
        m.figures.planned += p.counted();
        m.figures.remaining_capacity += p.remaining();
        ++m.plans_with_legal_force;
        if (!p.capacity) ++m.plans_without_capacity;
        m.planned_by_source[p.capacity_source] += p.counted();
    }

    // Totals and targets.
    for (const auto& a : result.areas) result.total.add(a.figures);
    result.total.add(result.unassigned);
    result.municipalities = municipalities.take();
    if (req.earlier) {
        result.earlier.emplace();
        for (const auto& m : result.municipalities) *result.earlier += m.earlier;
    }
    for (auto& m : result.municipalities) {
        for (auto& t : m.targets) {
            const double months = t.to.minus(t.from) + 1;
            const double elapsed = std::clamp(static_cast<double>(req.month.minus(t.from) + 1), 0.0, months);
            t.expected_by_now = static_cast<double>(t.dwellings) * elapsed / months;
        }
    }
    return result;
}

std::vector<std::vector<ListedPermit>> list_permits(StatusSource& source, const StatusRequest& req, const std::vector<ListKind>& kinds) {
    check_month(req.month);
    store::ListRequest list;
    list.area_set_id = resolve_area_set(source, req);
    list.municipality = req.municipality;
    list.days = month_days(req.month, req.stalled_months);
    for (const ListKind kind : kinds) list.figures.push_back(list_figure(kind));
    auto out = source.list_permits(list);
    const auto scope = scope_of(req);
    for (auto& permits : out) std::erase_if(permits, [&](const ListedPermit& p) { return !in_scope(scope, p.municipality); });
    return out;
}

std::vector<ListedPermit> list_permits(StatusSource& source, const StatusRequest& req, ListKind kind) {
    return std::move(list_permits(source, req, std::vector<ListKind>{kind}).front());
}

std::vector<ListedPlan> list_plans(StatusSource& source, const StatusRequest& req) {
    check_month(req.month);
    const MonthDays days = month_days(req.month, req.stalled_months);
    std::vector<ListedPlan> out;
    const auto scope = scope_of(req);
    for (auto& [fid, p] : source.legal_plans(req.municipality, days.cutoffs(), nullptr)) {
        if (!in_scope(scope, p.municipality)) continue;
        out.push_back({p.municipality, p.plan_id, p.name, p.legal_date, p.implementation_end, p.capacity, p.capacity_source,
                       p.capacity_method, p.capacity_note, p.used, static_cast<std::int64_t>(p.remaining())});
    }
    std::sort(out.begin(), out.end(), [](const ListedPlan& a, const ListedPlan& b) {
        return std::tie(a.municipality, a.plan_id) < std::tie(b.municipality, b.plan_id);
    });
    return out;
}

} // namespace bostad::aggregate
