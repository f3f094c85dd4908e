#pragma once
// Rows as bostad stores them: canonical values, geometries in EPSG:3006 (WKB).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/domain.hpp"

namespace bostad {

/// A permit's identity within its kommun: its case_id, followed by " | " and the other key values when the
/// mapping's key has more fields ("K822505/25 | KRISTIANSTAD BLÅSIPPAN 1").
inline std::string permit_id(const std::string& case_id, const std::string& key_extra) {
    return key_extra.empty() ? case_id : case_id + " | " + key_extra;
}

struct PermitRecord {
    std::string municipality;
    std::string case_id;
    /// The values of the mapping's key fields beyond case_id (`key = ["case_id", "property"]`: the property),
    /// joined by " | "; empty for the default key. A permit is identified by (municipality, case_id, key_extra).
    std::string key_extra;
    std::string id; ///< permit_id(case_id, key_extra): what maps, events and snapshots key a permit by
    std::optional<std::string> property;
    std::optional<HouseType> house_type;
    std::optional<Tenure> tenure;
    std::optional<std::int64_t> dwellings; ///< nullopt: unknown (a delivery without dwelling counts)
    std::int64_t dwellings_removed = 0;
    std::optional<Date> applied; ///< nullopt: unknown (a decision list); the case starts at its first known date
    std::optional<Date> granted;
    std::optional<Date> started;
    std::optional<Date> completed;
    std::optional<Date> refused;
    std::optional<Date> withdrawn;
    double x = 0; ///< location, EPSG:3006
    double y = 0;
    std::vector<std::uint8_t> footprint; ///< multipolygon WKB, EPSG:3006; empty when delivered as a point
    std::optional<std::string> footprint_repair; ///< what MakeValid did to the footprint
    std::optional<std::string> assumed; ///< fields whose value came from the mapping's [defaults], comma-separated
    /// The date fields delivered as a year alone (date format YYYY), comma-separated; each such date holds the
    /// year's last day. nullopt: every date is a day.
    std::optional<std::string> year_only;

    bool operator==(const PermitRecord&) const = default;
};

/// The dwellings a plan counts for: the planner's override, else the number delivered, else the estimate
/// (rounded down); nullopt when none is known.
std::optional<std::int64_t> plan_capacity(const std::optional<std::int64_t>& override_dwellings,
                                          const std::optional<std::int64_t>& delivered, const std::optional<double>& estimate);

/// One area (DP_Omrade) of a plan read from SS 637040, with the regulations that apply to it.
struct PlanAreaRecord {
    std::string area_key;      ///< the area's id in its file, e.g. "a"
    std::string uses;          ///< the use regulations, e.g. "B Bostäder; C"
    std::string use_codes;     ///< their codes, e.g. "DP_KM_B,DP_KM_C"
    bool residential = false;  ///< a use for dwellings (B)
    std::string regulations;   ///< JSON array of every regulation that applies to the area
    std::vector<std::uint8_t> geom; ///< multipolygon WKB, EPSG:3006
    double area_m2 = 0;
    std::optional<double> capacity_estimate; ///< dwellings estimated from building rights (residential areas)
    std::optional<std::string> capacity_method; ///< how the estimate was made, in words and numbers
    std::optional<std::string> geometry_repair;

    bool operator==(const PlanAreaRecord&) const = default;
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
    std::string source_format;                 ///< "SS 637040", or the GIS format it came in
    std::optional<double> capacity_estimate;   ///< dwellings estimated from building rights
    std::optional<std::string> capacity_method;
    std::optional<std::int64_t> capacity_override; ///< the planner's number, from the config
    std::optional<std::string> capacity_note;
    std::vector<PlanAreaRecord> areas;         ///< SS 637040 plans: their areas
    std::optional<std::string> year_only;      ///< as PermitRecord::year_only

    /// The dwellings the plan counts for: the planner's override, else the number delivered, else the
    /// estimate (rounded down); nullopt when none is known.
    std::optional<std::int64_t> capacity() const;

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
