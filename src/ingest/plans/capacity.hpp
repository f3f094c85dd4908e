#pragma once
// The estimated dwelling capacity of a residential plan area from its building rights (domain.md: plans
// rarely state a dwelling count). The method, with its parameters in the config's [capacity] table:
//
//   floors  = the regulated number of storeys (våningsantal); else the regulated height (nockhöjd,
//             byggnadshöjd, totalhöjd) ÷ storey_height, rounded down (at least 1); else default_floors
//   gross floor area (BTA):
//     bruttoarea in m²         → that area
//     exploateringstal e       → e × the area's land area
//     byggnadsarea in m²       → that footprint × floors
//     byggnadsarea in percent  → percent × land area × floors
//     none of these            → default_site_coverage × land area × floors
//   house type = flerbostadshus from multi_dwelling_from_floors storeys, else småhus
//   dwellings  = BTA ÷ the average dwelling size of the house type
//
// The result carries the numbers it used, so that a planner can check or override it.

#include <optional>
#include <string>
#include <vector>

namespace bostad::ingest {

struct CapacitySettings {
    double storey_height = 3.0;          ///< metres per storey
    int default_floors = 2;
    double default_site_coverage = 0.25; ///< share of the land built on when nothing regulates it
    int multi_dwelling_from_floors = 3;
    double dwelling_size_smahus = 150;   ///< m² BTA per dwelling
    double dwelling_size_flerbostadshus = 90;
};

/// A building-right regulation that applies to the area: its code (bestammelsetyp) and value.
struct BuildingRight {
    std::string code;
    double value = 0;
};

struct CapacityEstimate {
    double dwellings = 0;
    std::string method; ///< e.g. "byggnadsarea 5 500 m² × 4 storeys (nockhöjd 13 m ÷ 3 m) = 22 000 m² BTA ÷ 90 m² …"
};

/// The estimate for one residential area of `land_m2` square metres.
CapacityEstimate estimate_capacity(double land_m2, const std::vector<BuildingRight>& rights, const CapacitySettings& s);

/// True when a bestammelsetyp is one that bounds building rights (byggnadsarea, bruttoarea, e-tal, height,
/// storeys).
bool is_building_right(const std::string& code);

} // namespace bostad::ingest
