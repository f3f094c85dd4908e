#include "forecast/plans.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "forecast/model.hpp"

namespace bostad::forecast {
namespace {

/// A permit's dwellings that count against its plan's capacity: known, and neither refused nor withdrawn.
double counted(const ReadPermit& p) {
    const bool out = p.known.state == PipelineState::refused || p.known.state == PipelineState::withdrawn;
    return out || !p.dwellings ? 0.0 : static_cast<double>(*p.dwellings);
}

/// Per plan, its permits' (entry month, dwellings counted, dwellings applied for).
struct Entered {
    MonthIndex month;
    double counted, applied;
};
std::vector<std::vector<Entered>> entries_by_plan(const History& h) {
    std::vector<std::vector<Entered>> out(h.plans.size());
    for (const ReadPermit& p : h.permits) {
        const auto entry = entry_of(p.known);
        if (p.plan < 0 || !entry) continue;
        out[static_cast<std::size_t>(p.plan)].push_back({entry->second, counted(p), static_cast<double>(p.dwellings.value_or(0))});
    }
    return out;
}

/// Per plan, the group of most of its permits' dwellings; else that of most of its kommun's; none when its
/// kommun has no permits. One pass over the permits.
std::vector<std::optional<std::size_t>> plan_groups(const History& h) {
    std::vector<std::map<std::size_t, double>> in_plan(h.plans.size());
    std::map<std::string, std::map<std::size_t, double>, std::less<>> in_kommun;
    for (const ReadPermit& p : h.permits) {
        const double weight = static_cast<double>(p.dwellings.value_or(0)) + 1e-6; // a permit without a count still counts a little
        if (p.plan >= 0) in_plan[static_cast<std::size_t>(p.plan)][p.known.group] += weight;
        in_kommun[h.groups.at(p.known.group).municipality][p.known.group] += weight;
    }
    const auto most = [](const std::map<std::size_t, double>& by) -> std::optional<std::size_t> {
        const auto best = std::max_element(by.begin(), by.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        return best == by.end() ? std::nullopt : std::optional(best->first);
    };
    std::vector<std::optional<std::size_t>> out;
    for (std::size_t i = 0; i < h.plans.size(); ++i) {
        auto group = most(in_plan[i]);
        if (!group) {
            const auto k = in_kommun.find(h.plans[i].municipality);
            if (k != in_kommun.end()) group = most(k->second);
        }
        out.push_back(group);
    }
    return out;
}

} // namespace

double Absorption::of(const std::string& municipality) const {
    const auto it = per_year.find(municipality);
    return it == per_year.end() ? whole : it->second;
}

std::vector<double> unused_capacity(const History& history) {
    std::vector<double> out;
    const auto entries = entries_by_plan(history);
    for (std::size_t i = 0; i < history.plans.size(); ++i) {
        double used = 0;
        for (const Entered& e : entries[i]) used += e.counted;
        out.push_back(std::max(0.0, history.plans[i].capacity - used));
    }
    return out;
}

Absorption estimate_absorption(const History& history) {
    const MonthIndex month = history.month.index();
    const auto entries = entries_by_plan(history);
    std::map<std::string, std::pair<double, double>> sums; // kommun → (applied, unused at the years' starts)
    for (std::size_t i = 0; i < history.plans.size(); ++i) {
        const ReadPlan& plan = history.plans[i];
        for (MonthIndex start = plan.legal; start + 11 <= month; start += 12) {
            if (start + 11 <= month - k_history_months) continue;
            double used = 0, applied = 0;
            for (const Entered& e : entries[i]) {
                if (e.month < start) used += e.counted;
                else if (e.month < start + 12) applied += e.applied;
            }
            const double unused = std::max(0.0, plan.capacity - used);
            if (unused <= 0) continue;
            auto& [a, u] = sums[plan.municipality];
            a += std::min(applied, unused);
            u += unused;
        }
    }
    Absorption out;
    double applied = 0, unused = 0;
    for (const auto& [code, s] : sums) {
        applied += s.first;
        unused += s.second;
    }
    out.whole = unused > 0 ? applied / unused : 0;
    for (const auto& [code, s] : sums) {
        out.per_year[code] = (s.first + k_absorption_pooling * out.whole) / (s.second + k_absorption_pooling);
    }
    return out;
}

PlanApplications plan_applications(const History& history, const Absorption& absorption,
                                   const std::vector<config::PlanProgramme>& programmes, int months) {
    PlanApplications out;
    const auto n = static_cast<std::size_t>(std::max(months, 0));
    const std::vector<double> unused = unused_capacity(history);
    const Month first = history.month.plus(1);
    for (std::size_t i = 0; i < history.plans.size(); ++i) {
        const ReadPlan& plan = history.plans[i];
        const auto programme = std::find_if(programmes.begin(), programmes.end(), [&](const config::PlanProgramme& p) {
            return p.municipality == plan.municipality && p.plan_id == plan.plan_id;
        });
        const double monthly_share = 1 - std::pow(1 - std::clamp(absorption.of(plan.municipality), 0.0, 1.0), 1.0 / 12);
        std::vector<double> apps(n, 0.0);
        double left = unused[i], asked = 0;
        for (std::size_t t = 0; t < n; ++t) {
            double want = left * monthly_share;
            if (programme != programmes.end()) {
                const Month at = first.plus(static_cast<int>(t));
                const auto year = programme->years.find(at.year());
                want = programme->dwellings_per_year ? *programme->dwellings_per_year / 12
                       : year != programme->years.end() ? year->second / 12
                                                        : 0;
                asked += want;
            }
            apps[t] = std::min(want, left);
            left -= apps[t];
        }
        if (programme != programmes.end() && asked > unused[i] + 1e-9) {
            out.notes.push_back(fmt::format("plan {} of {}: the programme asks for {:.0f} dwellings in the forecast's months, "
                                            "{:.0f} of its capacity are unused; the rest is left out",
                                            plan.plan_id, plan.municipality, asked, unused[i]));
        }
        out.monthly.push_back(std::move(apps));
    }
    out.group = plan_groups(history);
    for (const config::PlanProgramme& p : programmes) {
        const bool found = std::any_of(history.plans.begin(), history.plans.end(), [&](const ReadPlan& plan) {
            return plan.municipality == p.municipality && plan.plan_id == p.plan_id;
        });
        if (!found) {
            out.notes.push_back(fmt::format("plan {} of {}: a programme in the config, but no such plan in force at {}", p.plan_id,
                                            p.municipality, history.month.str()));
        }
    }
    return out;
}

} // namespace bostad::forecast
