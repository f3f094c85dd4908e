#include "core/records.hpp"

#include <cmath>

namespace bostad {

std::optional<std::int64_t> plan_capacity(const std::optional<std::int64_t>& override_dwellings,
                                          const std::optional<std::int64_t>& delivered, const std::optional<double>& estimate) {
    if (override_dwellings) return override_dwellings;
    if (delivered) return delivered;
    if (estimate) return static_cast<std::int64_t>(std::floor(*estimate));
    return std::nullopt;
}

std::optional<std::int64_t> PlanRecord::capacity() const {
    return plan_capacity(capacity_override, planned_dwellings, capacity_estimate);
}

} // namespace bostad
