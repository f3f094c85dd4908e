#pragma once
// Where a municipality lies, to catch coordinates that are swapped or in another CRS than declared
// (gis/crs-policy.md): after the transform to EPSG:3006 a point must fall inside its municipality's box.

#include <optional>
#include <string>

#include "gdal/srs.hpp"

namespace bostad::ingest {

struct Box {
    double min_x = 0;
    double min_y = 0;
    double max_x = 0;
    double max_y = 0;
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
};

struct MunicipalityExtent {
    std::string code;
    std::string label; ///< "Kristianstad (1290)", or "Sweden" for unknown municipalities
    Box box;           ///< EPSG:3006, with a margin
};

/// The extent of a municipality: built in for Kristianstad and Hässleholm (from SCB's boundaries, 1 km
/// margin), all of Sweden for other codes.
MunicipalityExtent extent_of(const std::string& code, const std::string& name);

/// The CRS among EPSG:3006, 3008, 3021 and 4326 whose numbers over `extent` the raw coordinates fit.
class CrsGuesser {
public:
    explicit CrsGuesser(const MunicipalityExtent& extent);
    std::optional<int> looks_like(double x, double y) const;

private:
    struct Candidate {
        int epsg;
        Box box;
    };
    std::vector<Candidate> m_candidates;
};

/// "EPSG:3008 (SWEREF 99 13 30)" for messages.
std::string crs_label(int epsg);

} // namespace bostad::ingest
