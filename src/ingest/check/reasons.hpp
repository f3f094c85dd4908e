#pragma once
// Stable reason codes for rejected rows (house-style habit 10): stored in rejected_rows.reason_code,
// counted in run summaries and reports, documented in README.md. Never rename one; add new ones.

#include <span>
#include <string_view>

namespace bostad::ingest {

enum class Reason {
    missing_field,          ///< a required field is empty
    invalid_encoding,       ///< text is not valid UTF-8 after decoding
    invalid_date,           ///< a date that does not parse or does not exist
    invalid_number,         ///< a number field holds something else ("6F")
    invalid_count,          ///< dwellings negative, fractional or implausible
    unknown_code,           ///< a value outside its code list (house type, tenure, status, decision)
    invalid_municipality,   ///< not a kommun code, nor a known name
    municipality_mismatch,  ///< the row names another municipality than the one given for the file
    dates_out_of_order,     ///< e.g. completed before started
    conflicting_decisions,  ///< both granted and refused
    missing_geometry,       ///< no geometry and no coordinates
    invalid_geometry,       ///< unreadable WKT, NaN/infinite coordinates, unclosed ring
    wrong_geometry_type,    ///< e.g. a line where a point or polygon is expected
    unrepairable_geometry,  ///< invalid polygon whose repair would change its area too much
    transform_failed,       ///< PROJ could not transform the coordinates
    swapped_axes,           ///< outside the municipality, but inside it with easting and northing swapped
    wrong_crs,              ///< outside the municipality, but the numbers fit another Swedish CRS
    outside_municipality,   ///< outside Sweden, or outside its kommun's extent when that has no outline
    wrong_municipality,     ///< lies in another kommun than it names (sweden/placement.hpp)
    other_municipality,     ///< a real kommun that the project does not cover
    conflicting_duplicate,  ///< the same key twice in one run with different content
    // SS 637040 plans
    unknown_crs,            ///< koordinatsystem names a system bostad does not know
    broken_reference,       ///< an area references a line that is not in the file, or a link that is not one
    unclosed_boundary,      ///< an area's boundary lines do not form closed rings
    unused_line,            ///< a boundary line that bounds no area
};

std::string_view reason_code(Reason r);
/// One line for documentation and reports.
std::string_view reason_description(Reason r);
std::span<const Reason> all_reasons();

} // namespace bostad::ingest
