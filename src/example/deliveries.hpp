#pragma once
// The example's files, delivered the way the municipalities deliver them (issue 2):
//  - Kristianstad permits: CSV, Swedish column names and values, SWEREF 99 13 30, ';' and decimal comma;
//  - Hässleholm permits: Shapefile in SWEREF 99 TM, Latin-1 text with a .cpg, dates as YYYYMMDD;
//  - plans: a GeoPackage per municipality (Kristianstad in 13 30 with text dates, Hässleholm in TM);
//  - areas: districts and municipalities in one GeoPackage, canonical field names.
// Each permit and plan file carries a few deliberate defects, listed in the returned notes.

#include <string>
#include <vector>

#include "example/map.hpp"
#include "example/permits.hpp"
#include "example/plans.hpp"

namespace bostad::example {

/// What a delivery holds: its rows and the defects put into it.
struct Delivery {
    std::string file;
    std::size_t rows = 0;
    std::vector<std::string> defects;
};

Delivery write_kristianstad_permits(const std::string& path, const std::vector<PermitHistory>& permits, Date day);
Delivery write_hassleholm_permits(const geos::Context& ctx, const std::string& path,
                                  const std::vector<PermitHistory>& permits, Date day);
Delivery write_kristianstad_plans(const geos::Context& ctx, const std::string& path,
                                  const std::vector<PlanHistory>& plans, Date day);
Delivery write_hassleholm_plans(const geos::Context& ctx, const std::string& path,
                                const std::vector<PlanHistory>& plans, Date day);
Delivery write_areas(const geos::Context& ctx, const std::string& path, const ExampleMap& map);

} // namespace bostad::example
