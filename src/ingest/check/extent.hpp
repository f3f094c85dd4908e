#pragma once
// Where a municipality lies, roughly: the box of its outline (sweden/outlines.hpp) widened by the boundary
// tolerance. A point outside it is checked for swapped axes or another CRS than declared (gis/crs-policy.md)
// before the outline itself judges it (sweden/placement.hpp).

#include <optional>
#include <string>

#include "gdal/srs.hpp"
#include "sweden/outlines.hpp"

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
    std::string label;     ///< "Kristianstad (1290)", or "Sweden" when no kommun is named
    Box box;               ///< EPSG:3006, with a margin
    bool outlined = false; ///< the kommun has an outline to judge points against
};

/// Sweden's box in EPSG:3006, with some sea around it.
inline constexpr Box k_sweden_box{200000, 6100000, 1000000, 7700000};

/// The extent of a kommun: its outline's box widened by `margin_m`; all of Sweden when it has no outline.
MunicipalityExtent extent_of(const sweden::Outlines& outlines, const std::string& code, double margin_m);

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
