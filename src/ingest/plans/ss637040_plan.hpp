#pragma once
// From an SS 637040 document to a plan bostad can store: the CRS from koordinatsystem, every area
// (DP_Omrade) assembled into a polygon from its signed references to boundary lines, transformed to
// EPSG:3006 and checked, the regulations of each area, the plan's status, dates and boundary, and the
// estimated dwelling capacity of its residential areas. An area that cannot be built is rejected with its
// reason; the rest of the plan is still stored. Boundary lines that bound no area are reported too — such
// as a line written in another CRS than the file's.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "ingest/plans/capacity.hpp"
#include "ingest/check/problem.hpp"
#include "ingest/plans/ss637040_document.hpp"
#include "sweden/outlines.hpp"

namespace bostad::config {
struct Config;
}

namespace bostad::ingest {

struct SsSettings {
    const config::Config* config = nullptr;
    CapacitySettings capacity;
    double max_repair_area_change = 0.01;
    std::optional<std::string> municipality; ///< --municipality: the plan must be of this municipality
    std::shared_ptr<const sweden::Outlines> outlines; ///< none: the built-in ones
    double boundary_tolerance_m = 5000;
};

/// One thing of the file that could not be stored: an area or a boundary line.
struct SsRejection {
    std::int64_t row = 0;  ///< areas 1..n in file order, then the unused lines
    std::string id;        ///< its gml:id
    Problem problem;
    std::string raw_json;
    std::vector<std::uint8_t> geometry; ///< EPSG:3006, where it could be drawn
    std::optional<std::string> raw_wkt;
};

struct SsOutcome {
    std::optional<PlanRecord> plan; ///< with its areas; nullopt when no area could be built
    std::vector<SsRejection> rejected;
    std::int64_t rows = 0;     ///< areas + boundary lines that bound no area
    std::int64_t repaired = 0; ///< areas whose polygon MakeValid repaired
    std::string crs_label;
};

/// "SWEREF99_13_30" → 3008, "RT90 2.5 gon V" → 3021, ...; nullopt for a name bostad does not know.
std::optional<int> epsg_of_plan_crs(const std::string& name);

SsOutcome assemble_ss637040(const SsDocument& doc, const SsSettings& settings);

} // namespace bostad::ingest
