#include "forecast/expectation.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace bostad::forecast {

Expected::Expected(int months) {
    const auto n = static_cast<std::size_t>(std::max(months, 0));
    for (auto* a : {&started, &completed, &started_unknown, &completed_unknown}) {
        for (auto& m : *a) m.assign(n, 0.0);
    }
}

void Expected::add(Source s, const Flow& f, double weight, bool unknown, std::size_t shift) {
    const auto i = static_cast<std::size_t>(s);
    Months& starts = unknown ? started_unknown[i] : started[i];
    Months& completions = unknown ? completed_unknown[i] : completed[i];
    for (std::size_t t = shift, k = 0; t < starts.size() && k < f.started.size(); ++t, ++k) {
        starts[t] += weight * f.started[k];
        completions[t] += weight * f.completed[k];
    }
}

double Expected::total_started(std::size_t month) const {
    double sum = 0;
    for (const Months& m : started) sum += m.at(month);
    return sum;
}

double Expected::total_completed(std::size_t month) const {
    double sum = 0;
    for (const Months& m : completed) sum += m.at(month);
    return sum;
}

namespace {

/// The area's, the kommun's and the total's expectation a permit of `group` in `area` adds to.
std::array<Expected*, 3> targets_of(PipelineExpectation& out, const History& history, std::size_t group, int area) {
    Expected& a = area >= 0 ? out.areas.at(static_cast<std::size_t>(area)) : out.unassigned;
    const std::string& code = history.groups.at(group).municipality;
    Expected& m = out.municipalities.try_emplace(code, out.months).first->second;
    return {&a, &m, &out.total};
}

} // namespace

PipelineExpectation expect_pipeline(const History& history, const Hazards& hazards, int months) {
    PipelineExpectation out{months, std::vector<Expected>(history.areas.size(), Expected(months)), Expected(months), {}, Expected(months)};
    // Every permit of one group, stage and months in it flows alike: each flow is carried forward once.
    std::map<std::tuple<std::size_t, Stage, int>, Flow> flows;
    const MonthIndex month = history.month.index();
    for (const ReadPermit& p : history.permits) {
        const auto at = position_of(p.known, month);
        if (!at) continue;
        const auto key = std::tuple{p.known.group, at->stage, std::min(at->months_in, k_tail)};
        auto it = flows.find(key);
        if (it == flows.end()) it = flows.emplace(key, flow_of(hazards, p.known.group, at->stage, at->months_in, months)).first;
        const bool unknown = !p.dwellings;
        const double weight = unknown ? 1.0 : static_cast<double>(*p.dwellings);
        const Source source = at->stage == Stage::applied ? Source::applied : at->stage == Stage::granted ? Source::granted : Source::started;
        for (Expected* e : targets_of(out, history, p.known.group, p.area)) e->add(source, it->second, weight, unknown);
    }
    return out;
}

void add_plans(PipelineExpectation& expected, const History& history, const Hazards& hazards, const PlanApplications& plans) {
    std::map<std::size_t, Flow> flows;
    for (std::size_t i = 0; i < plans.monthly.size(); ++i) {
        const auto group = plans.group.at(i);
        if (!group) continue;
        auto flow = flows.find(*group);
        if (flow == flows.end()) flow = flows.emplace(*group, flow_of(hazards, *group, Stage::applied, 0, expected.months)).first;
        for (const auto& [area, share] : history.plans.at(i).shares()) {
            for (Expected* e : targets_of(expected, history, *group, area)) {
                for (std::size_t t = 0; t < plans.monthly[i].size(); ++t) {
                    if (plans.monthly[i][t] > 0) e->add(Source::plans, flow->second, share * plans.monthly[i][t], false, t);
                }
            }
        }
    }
}

void add_trend(PipelineExpectation& expected, const History& history, const Hazards& hazards, const Trend& trend) {
    const auto months = static_cast<std::size_t>(std::max(expected.months, 0));
    for (std::size_t g = 0; g < trend.levels.size(); ++g) {
        for (std::size_t s = 0; s < k_stages; ++s) {
            const Entries& level = trend.levels[g][s];
            if (level.dwellings == 0 && level.unknown == 0) continue;
            // A permit entering in month t flows as one entering now, t months later; one first known by its start
            // starts in the month it enters.
            Flow flow = flow_of(hazards, g, static_cast<Stage>(s), 0, expected.months);
            if (static_cast<Stage>(s) == Stage::started && !flow.started.empty()) flow.started[0] = 1;
            for (const auto& [area, share] : trend.area_shares.at(g)) {
                for (Expected* e : targets_of(expected, history, g, area)) {
                    for (std::size_t t = 0; t < months; ++t) {
                        e->add(Source::trend, flow, share * level.dwellings, false, t);
                        e->add(Source::trend, flow, share * level.unknown, true, t);
                    }
                }
            }
        }
    }
}

} // namespace bostad::forecast
