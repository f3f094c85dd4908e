#include "forecast/history.hpp"

namespace bostad::forecast {
namespace {

constexpr int k_lapse_months = 12 * k_lapse_years;

/// The first of the ways out that happened (the earliest month; on a tie the first listed).
std::optional<std::pair<MonthIndex, Exit>> first_exit(std::initializer_list<std::pair<std::optional<MonthIndex>, Exit>> ways) {
    std::optional<std::pair<MonthIndex, Exit>> first;
    for (const auto& [when, exit] : ways) {
        if (when && (!first || *when < first->first)) first = std::pair{*when, exit};
    }
    return first;
}

void add_stay(std::vector<Stay>& out, const KnownPermit& p, Stage stage, MonthIndex entered,
              const std::optional<std::pair<MonthIndex, Exit>>& left) {
    Stay s{p.group, stage, entered, std::nullopt, Exit::granted};
    if (left) {
        s.left = left->first;
        s.exit = left->second;
    }
    out.push_back(s);
}

} // namespace

std::vector<Stay> stays_of(const KnownPermit& p, MonthIndex month) {
    std::vector<Stay> out;
    if (p.applied && *p.applied <= month) {
        add_stay(out, p, Stage::applied, *p.applied,
                 first_exit({{p.granted, Exit::granted}, {p.refused, Exit::refused}, {p.withdrawn, Exit::withdrawn}}));
    }
    if (p.granted && *p.granted <= month) {
        auto left = first_exit({{p.started, Exit::started}, {p.withdrawn, Exit::lapsed}});
        if (!left && p.state == PipelineState::lapsed) left = std::pair{std::min(*p.granted + k_lapse_months, month), Exit::lapsed};
        add_stay(out, p, Stage::granted, *p.granted, left);
    }
    if (p.started && *p.started <= month) add_stay(out, p, Stage::started, *p.started, first_exit({{p.completed, Exit::completed}}));
    return out;
}

std::optional<std::pair<Stage, MonthIndex>> entry_of(const KnownPermit& p) {
    if (p.applied) return std::pair{Stage::applied, *p.applied};
    if (p.granted) return std::pair{Stage::granted, *p.granted};
    if (p.started) return std::pair{Stage::started, *p.started};
    return std::nullopt;
}

std::optional<Position> position_of(const KnownPermit& p, MonthIndex month) {
    const auto at = [&](Stage stage, const std::optional<MonthIndex>& entered) -> std::optional<Position> {
        if (!entered) return std::nullopt;
        return Position{stage, month + 1 - *entered};
    };
    switch (p.state) {
    case PipelineState::applied: return at(Stage::applied, p.applied);
    case PipelineState::granted: return at(Stage::granted, p.granted);
    case PipelineState::started: return at(Stage::started, p.started);
    default: return std::nullopt;
    }
}

} // namespace bostad::forecast
