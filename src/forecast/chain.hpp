#pragma once
// Where a permit in the pipeline goes from here (docs/forecast.md §4): its chance, carried forward month by
// month through the hazards of its group, of starting and of completing in each month to come.

#include <cstddef>
#include <vector>

#include "forecast/hazards.hpp"

namespace bostad::forecast {

/// Per month to come (index 0: the first month after the forecast's month), the expected share of one permit
/// that starts, and that completes, in that month.
struct Flow {
    std::vector<double> started;
    std::vector<double> completed;
};

/// The flow of a permit of `group` that is in `stage` with `months_in` months in it at the start of the first
/// month to come (0: it enters the stage in that month, as a new application does), over `months` months.
/// A permit started already has no starts to come.
Flow flow_of(const Hazards& hazards, std::size_t group, Stage stage, int months_in, int months);

} // namespace bostad::forecast
