#pragma once
// A permit's history as the forecast sees it at the end of a month (docs/forecast.md §1, §3-4): the stays it
// made in each stage (what the hazards are estimated from) and where it stands in the pipeline now.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/pipeline.hpp"
#include "forecast/hazards.hpp"

namespace bostad::forecast {

/// A permit as known at the end of the forecast's month: a date after it is not known (none here). Months are
/// MonthIndex; `state` is the permit's state at the month's end by the status's own rules (core/pipeline.hpp),
/// which decide a lapse to the day.
struct KnownPermit {
    std::size_t group = 0;
    std::optional<MonthIndex> applied, granted, started, completed, refused, withdrawn;
    PipelineState state = PipelineState::none;
};

/// The stays the permit made up to `month`, one per stage it entered with a known month: an application left
/// by a grant, a refusal or a withdrawal; a grant by a start, or by a lapse (in the month its two years ran
/// out) or a withdrawal (both: left without a start); a start by a completion. A stay still going is cut at
/// `month`. A permit known only from a later stage (a decision list has no application dates) has no stay in
/// the stages before.
std::vector<Stay> stays_of(const KnownPermit& p, MonthIndex month);

/// The stage a permit entered the pipeline in and its month: the first stage it is known in (its application;
/// its grant when the delivery has no application dates; its start when it has neither). None when no stage
/// month is known.
std::optional<std::pair<Stage, MonthIndex>> entry_of(const KnownPermit& p);

/// Where a permit in the pipeline stands: its stage, and how many months it will have been in it at the start
/// of the month after `month` (the months_in of flow_of()).
struct Position {
    Stage stage;
    int months_in = 0;
};

/// Its position, or none when it is out of the pipeline at the month's end (completed, refused, withdrawn,
/// lapsed, or not applied for yet) or the month it entered its stage is not known.
std::optional<Position> position_of(const KnownPermit& p, MonthIndex month);

} // namespace bostad::forecast
