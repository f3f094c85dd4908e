#pragma once
// The pipeline of a dwelling (product.md), as rules on one permit at the end of a day D. This is the one
// definition: the status engine applies it to ISO date text straight from the store (dates in ISO form sort
// like dates), the tests to Date values, and the PostGIS store states the same in SQL.
//
//   exit:      refused or withdrawn on or before D: out of the pipeline
//   completed: completed on or before D
//   started:   started on or before D (a start registered late still counts: the startbesked says work began)
//   lapsed:    granted, not started by D, and the 2 years from the grant ran out before D (PBL 9 kap. 43 §:
//              work must start within 2 years): out of the pipeline. The deadline day itself is still in time,
//              and a deadline on a day its month lacks (29 February) falls on the month's last day (lag
//              1930:173). PBL counts from the day the decision gained legal force; the data have only the
//              decision date, so a lapse can show a few weeks early.
//   granted / applied: the decision / the application on or before D; none before the application
//   overdue:   started, not completed, and the 5 years from the grant ran out before D (a flag; still under
//              construction)
//   stalled:   applied, granted or started, and no stage date (applied, granted, started) in the last
//              `stalled_months` months up to D (a flag)

#include <optional>

#include "core/date.hpp"
#include "core/records.hpp"

namespace bostad {

enum class PipelineState { none, applied, granted, started, completed, refused, withdrawn, lapsed };

inline constexpr int k_lapse_years = 2;
inline constexpr int k_overdue_years = 5;

/// The stage dates of a permit, as Date or as ISO text.
template <typename D>
struct StageDates {
    std::optional<D> applied, granted, started, completed, refused, withdrawn;
};

/// The days the rules compare with, for one D.
template <typename D>
struct Cutoffs {
    D day;     ///< D
    D lapse;   ///< the latest grant day whose 2 years ran out before D
    D overdue; ///< the latest grant day whose 5 years ran out before D
    D stalled; ///< D − stalled_months
};

Cutoffs<Date> cutoffs_for(Date day, int stalled_months);

template <typename D>
bool on_or_before(const std::optional<D>& d, const D& day) {
    return d && !(day < *d);
}

template <typename D>
PipelineState state_at(const StageDates<D>& p, const Cutoffs<D>& c) {
    if (on_or_before(p.refused, c.day)) return PipelineState::refused;
    if (on_or_before(p.withdrawn, c.day)) return PipelineState::withdrawn;
    if (on_or_before(p.completed, c.day)) return PipelineState::completed;
    if (on_or_before(p.started, c.day)) return PipelineState::started;
    if (on_or_before(p.granted, c.lapse)) return PipelineState::lapsed;
    if (on_or_before(p.granted, c.day)) return PipelineState::granted;
    if (on_or_before(p.applied, c.day)) return PipelineState::applied;
    return PipelineState::none;
}

template <typename D>
bool is_overdue(const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    return state == PipelineState::started && on_or_before(p.granted, c.overdue);
}

template <typename D>
bool is_stalled(const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    if (state != PipelineState::applied && state != PipelineState::granted && state != PipelineState::started) return false;
    const std::optional<D>* last = nullptr;
    for (const auto* d : {&p.applied, &p.granted, &p.started}) {
        if (on_or_before(*d, c.day) && (!last || **last < **d)) last = d;
    }
    return last && on_or_before(*last, c.stalled);
}

StageDates<Date> stage_dates(const PermitRecord& p);

} // namespace bostad
