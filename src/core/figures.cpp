#include "core/figures.hpp"

namespace bostad {
namespace {

using S = PipelineState;

constexpr Rule state_is(std::initializer_list<PipelineState> states) { return {state_bits(states), RuleDate::none, {}, Day::end}; }
constexpr Rule date_in(RuleDate date, Day from, Day to = Day::end) { return {0, date, from, to}; }

// The figures of product.md and the issues, in output order. A figure's rule is all there is to it: the C++
// pass and the SQL of every store read it from here.
constexpr std::array<FigureDef, k_figure_count> k_figures{{
    {Figure::applied, "applied", "applied", "Ansökta", "Applied", "Ansökta bostäder (ej beslutade)", FigureGroup::stage,
     state_is({S::applied})},
    {Figure::granted, "granted", "granted", "Beviljade", "Granted", "Beviljade bostäder (ej påbörjade)", FigureGroup::stage,
     state_is({S::granted})},
    {Figure::started, "started", "started", "Påbörjade", "Started", "Påbörjade bostäder (under byggnad)", FigureGroup::stage,
     state_is({S::started})},
    {Figure::completed, "completed", "completed", "Färdigställda", "Completed", "Färdigställda bostäder (totalt)",
     FigureGroup::stage, state_is({S::completed})},
    {Figure::applied_in_month, "applied_in_month", "appl/m", "Ansökta i månaden", "Applied in month",
     "Ansökta under månaden (ansökan inkom)", FigureGroup::flow, date_in(RuleDate::applied, Day::month_start)},
    {Figure::granted_in_month, "granted_in_month", "grant/m", "Beviljade i månaden", "Granted in month",
     "Beviljade under månaden (bygglov beviljat)", FigureGroup::flow, date_in(RuleDate::granted, Day::month_start)},
    {Figure::started_in_month, "started_in_month", "start/m", "Påbörjade i månaden", "Started in month",
     "Påbörjade under månaden", FigureGroup::flow, date_in(RuleDate::started, Day::month_start)},
    {Figure::completed_in_month, "completed_in_month", "done/m", "Färdigställda i månaden", "Completed in month",
     "Färdigställda under månaden", FigureGroup::flow, date_in(RuleDate::completed, Day::month_start)},
    {Figure::completed_year_to_date, "completed_year_to_date", "done/y", "Färdigställda i år", "Completed this year",
     "Färdigställda hittills i år", FigureGroup::flow, date_in(RuleDate::completed, Day::year_start), true},
    {Figure::lapsed, "lapsed", "lapsed", "Förfallna", "Lapsed", "Förfallna bygglov (ej påbörjade inom 2 år), bostäder",
     FigureGroup::flag, state_is({S::lapsed})},
    {Figure::overdue, "overdue", "overdue", "Över 5 år", "Overdue", "Ej färdigställda inom 5 år, bostäder", FigureGroup::flag,
     {state_bits({S::started}), RuleDate::granted, {}, Day::overdue}},
    {Figure::stalled, "stalled", "stalled", "Stillastående", "Stalled", "Utan händelse på länge (stillastående), bostäder",
     FigureGroup::flag, {state_bits({S::applied, S::granted, S::started}), RuleDate::latest_activity, {}, Day::stalled}},
}};

constexpr bool in_figure_order() {
    for (std::size_t i = 0; i < k_figures.size(); ++i) {
        if (static_cast<std::size_t>(k_figures[i].id) != i) return false;
    }
    return true;
}
static_assert(in_figure_order(), "k_figures must list the figures in the order of enum Figure");

} // namespace

std::span<const FigureDef> figure_defs() { return k_figures; }

const FigureDef& figure_def(Figure f) { return k_figures[static_cast<std::size_t>(f)]; }

void Figures::add(const Figures& o) {
    dwellings += o.dwellings;
    net += o.net;
    permits += o.permits;
    unknown_dwellings += o.unknown_dwellings;
    planned += o.planned;
    remaining_capacity += o.remaining_capacity;
    for (const auto& [k, v] : o.by_house_type) by_house_type[k] += v;
    for (const auto& [k, v] : o.by_tenure) by_tenure[k] += v;
}

} // namespace bostad
