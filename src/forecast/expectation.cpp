#include "forecast/expectation.hpp"

#include <algorithm>
#include <tuple>

namespace bostad::forecast {

Expected::Expected(int months) {
    const auto n = static_cast<std::size_t>(std::max(months, 0));
    for (auto* a : {&started, &completed, &started_unknown, &completed_unknown}) {
        for (auto& m : *a) m.assign(n, 0.0);
    }
}

void Expected::add(Source s, const Flow& f, double weight, bool unknown) {
    const auto i = static_cast<std::size_t>(s);
    Months& starts = unknown ? started_unknown[i] : started[i];
    Months& completions = unknown ? completed_unknown[i] : completed[i];
    for (std::size_t t = 0; t < starts.size() && t < f.started.size(); ++t) {
        starts[t] += weight * f.started[t];
        completions[t] += weight * f.completed[t];
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
        Expected& area = p.area >= 0 ? out.areas.at(static_cast<std::size_t>(p.area)) : out.unassigned;
        const std::string& code = history.groups.at(p.known.group).municipality;
        auto m = out.municipalities.try_emplace(code, months).first;
        for (Expected* e : {&area, &m->second, &out.total}) e->add(source, it->second, weight, unknown);
    }
    return out;
}

} // namespace bostad::forecast
