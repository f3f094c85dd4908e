#pragma once
// Random permits whose dates fall around a few cutoff days (the edges the rules turn on), for checking one
// statement of the pipeline rules against another case by case.

#include <cstdint>
#include <random>
#include <vector>

#include "core/pipeline.hpp"

namespace bostad::test {

/// `n` permits with stage dates in order, some exits, many on or next to the days of `around`.
std::vector<StageDates<Date>> random_permits(std::size_t n, const std::vector<Date>& around, std::uint32_t seed);

/// The cutoffs of the ends of the months from `first` on, `count` of them, with `stalled_months`.
std::vector<Cutoffs<Date>> month_cutoffs(Month first, int count, int stalled_months);

} // namespace bostad::test
