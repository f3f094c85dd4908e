#include "core/records.hpp"

#include <cmath>

namespace bostad {

std::optional<std::int64_t> PlanRecord::capacity() const {
    if (capacity_override) return capacity_override;
    if (planned_dwellings) return planned_dwellings;
    if (capacity_estimate) return static_cast<std::int64_t>(std::floor(*capacity_estimate));
    return std::nullopt;
}

} // namespace bostad
