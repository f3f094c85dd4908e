#include "forecast/chain.hpp"

#include <algorithm>
#include <array>

namespace bostad::forecast {
namespace {

using Ages = std::array<double, k_months>;

/// One month of one stage: the mass at each age leaves by the stage's hazards (what leaves by `onward` is
/// returned) or ages by a month into `next` (the tail bin keeps its mass).
double step(const StageHazards& h, const Ages& now, Ages& next, Exit onward) {
    double out = 0;
    for (int k = 0; k < k_months; ++k) {
        const double m = now[static_cast<std::size_t>(k)];
        if (m == 0) continue;
        const auto& at = h.at[static_cast<std::size_t>(k)];
        out += m * at[static_cast<std::size_t>(onward)];
        next[static_cast<std::size_t>(std::min(k + 1, k_tail))] += m * (1 - h.leave(k));
    }
    return out;
}

} // namespace

Flow flow_of(const Hazards& hazards, std::size_t group, Stage stage, int months_in, int months) {
    Flow f{std::vector<double>(static_cast<std::size_t>(std::max(months, 0)), 0.0),
           std::vector<double>(static_cast<std::size_t>(std::max(months, 0)), 0.0)};
    std::array<Ages, k_stages> mass{};
    mass[static_cast<std::size_t>(stage)][static_cast<std::size_t>(std::clamp(months_in, 0, k_tail))] = 1;
    const StageHazards& applied = hazards.of(group, Stage::applied);
    const StageHazards& granted = hazards.of(group, Stage::granted);
    const StageHazards& started = hazards.of(group, Stage::started);
    for (std::size_t t = 0; t < f.started.size(); ++t) {
        std::array<Ages, k_stages> next{};
        // A permit entering a stage meets the stage's first month at once (as the estimate counts it).
        mass[1][0] += step(applied, mass[0], next[0], Exit::granted);
        const double starts = step(granted, mass[1], next[1], Exit::started);
        mass[2][0] += starts;
        f.started[t] = starts;
        f.completed[t] = step(started, mass[2], next[2], Exit::completed);
        mass = next;
    }
    return f;
}

} // namespace bostad::forecast
