#include "ingest/check/reasons.hpp"

namespace bostad::ingest {
namespace {

struct Entry {
    Reason reason;
    std::string_view code;
    std::string_view description;
};

constexpr Entry k_entries[] = {
    {Reason::missing_field, "missing_field", "a required field is empty"},
    {Reason::invalid_encoding, "invalid_encoding", "text is not valid UTF-8 after decoding (wrong or missing encoding)"},
    {Reason::invalid_date, "invalid_date", "a date that does not parse in the accepted formats or does not exist"},
    {Reason::invalid_number, "invalid_number", "a number field holds something that is not a number"},
    {Reason::invalid_count, "invalid_count", "a count of dwellings that is negative, fractional or implausible"},
    {Reason::unknown_code, "unknown_code", "a value outside its code list (house type, tenure, status, decision)"},
    {Reason::invalid_municipality, "invalid_municipality", "neither one of Sweden's 290 kommun codes nor a kommun name"},
    {Reason::municipality_mismatch, "municipality_mismatch", "the row names another municipality than its file"},
    {Reason::dates_out_of_order, "dates_out_of_order", "stage dates out of order (applied ≤ granted ≤ started ≤ completed)"},
    {Reason::conflicting_decisions, "conflicting_decisions", "both granted and refused"},
    {Reason::missing_geometry, "missing_geometry", "no geometry and no coordinates"},
    {Reason::invalid_geometry, "invalid_geometry", "unreadable geometry: bad WKT, NaN or infinite coordinates, unclosed ring"},
    {Reason::wrong_geometry_type, "wrong_geometry_type", "a geometry of the wrong type (e.g. a line for a permit)"},
    {Reason::unrepairable_geometry, "unrepairable_geometry", "an invalid polygon whose repair would change its area beyond the tolerance"},
    {Reason::transform_failed, "transform_failed", "the coordinates could not be transformed to EPSG:3006"},
    {Reason::swapped_axes, "swapped_axes", "outside the municipality; with easting and northing swapped it would be inside"},
    {Reason::wrong_crs, "wrong_crs", "outside the municipality; the numbers fit another Swedish CRS than the declared one"},
    {Reason::outside_municipality, "outside_municipality", "outside Sweden (or outside the extent of a kommun without an outline)"},
    {Reason::wrong_municipality, "wrong_municipality", "lies in another kommun than it names: more than the boundary tolerance inside it, or outside every kommun and that much nearer another one"},
    {Reason::other_municipality, "other_municipality", "a real kommun that the project does not cover (a mapping with other_municipalities = \"skip\" skips such rows instead)"},
    {Reason::conflicting_duplicate, "conflicting_duplicate", "the same case or plan id more than once in a run, with different content"},
    {Reason::unknown_crs, "unknown_crs", "an SS 637040 plan's koordinatsystem is not one bostad knows"},
    {Reason::broken_reference, "broken_reference", "a plan area references a boundary line that is not in the file"},
    {Reason::unclosed_boundary, "unclosed_boundary", "a plan area's boundary lines do not close into rings"},
    {Reason::unused_line, "unused_line", "a boundary line of a plan that bounds no area"},
};

constexpr Reason k_all[] = {
    Reason::missing_field,         Reason::invalid_encoding,   Reason::invalid_date,       Reason::invalid_number,
    Reason::invalid_count,         Reason::unknown_code,       Reason::invalid_municipality, Reason::municipality_mismatch,
    Reason::dates_out_of_order,    Reason::conflicting_decisions, Reason::missing_geometry, Reason::invalid_geometry,
    Reason::wrong_geometry_type,   Reason::unrepairable_geometry, Reason::transform_failed, Reason::swapped_axes,
    Reason::wrong_crs,             Reason::outside_municipality, Reason::wrong_municipality, Reason::other_municipality, Reason::conflicting_duplicate, Reason::unknown_crs,
    Reason::broken_reference,      Reason::unclosed_boundary,  Reason::unused_line};

const Entry& entry(Reason r) {
    for (const auto& e : k_entries) {
        if (e.reason == r) return e;
    }
    return k_entries[0];
}

} // namespace

std::string_view reason_code(Reason r) { return entry(r).code; }
std::string_view reason_description(Reason r) { return entry(r).description; }
std::span<const Reason> all_reasons() { return k_all; }

} // namespace bostad::ingest
