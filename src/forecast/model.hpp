#pragma once
// The forecast's model fitted to a history (docs/forecast.md §3): the hazards of every group and stage from
// the stays of every permit as known at the month.

#include "forecast/hazards.hpp"
#include "forecast/reader.hpp"

namespace bostad::forecast {

/// Permit-months that weigh as much as the whole store's rate when a group's own is pooled with it.
inline constexpr double k_pooling = 24;
/// Only stays in the last ten years before the month count: older habits say less about the next years.
inline constexpr int k_history_months = 120;

/// The hazards of the history's groups from its permits' stays (those that entered a stage within the last
/// k_history_months months before the history's month).
Hazards fit(const History& history);

} // namespace bostad::forecast
