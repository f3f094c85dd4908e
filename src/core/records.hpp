#pragma once
// Rows as bostad stores them: canonical values, geometries in EPSG:3006 (WKB).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"

namespace bostad {

struct PermitRecord {
    std::string municipality;
    std::string case_id;
    std::optional<std::string> property;
    std::optional<HouseType> house_type;
    std::optional<Tenure> tenure;
    std::int64_t dwellings = 0;
    std::int64_t dwellings_removed = 0;
    std::optional<Date> applied;
    std::optional<Date> granted;
    std::optional<Date> started;
    std::optional<Date> completed;
    std::optional<Date> refused;
    std::optional<Date> withdrawn;
    double x = 0; ///< location, EPSG:3006
    double y = 0;
    std::vector<std::uint8_t> footprint; ///< multipolygon WKB, EPSG:3006; empty when delivered as a point
    std::optional<std::string> footprint_repair; ///< what MakeValid did to the footprint

    bool operator==(const PermitRecord&) const = default;
};

struct PlanRecord {
    std::string municipality;
    std::string plan_id;
    std::optional<std::string> name;
    PlanStatus status = PlanStatus::paborjad;
    std::optional<Date> adopted;
    std::optional<Date> legal;
    std::optional<Date> implementation_end;
    std::optional<std::int64_t> planned_dwellings;
    std::vector<std::uint8_t> geom; ///< multipolygon WKB, EPSG:3006
    std::optional<std::string> geometry_repair;

    bool operator==(const PlanRecord&) const = default;
};

struct AreaRecord {
    std::string area_id;
    std::optional<std::string> name;
    std::optional<std::string> municipality;
    std::vector<std::uint8_t> geom; ///< multipolygon WKB, EPSG:3006
    std::optional<std::string> geometry_repair;

    bool operator==(const AreaRecord&) const = default;
};

} // namespace bostad
