#pragma once
// The canonical fields of sources (product.md, "Canonical fields"): a file that uses these names needs no
// mapping; a mapping names the source field for each.

#include <optional>
#include <span>
#include <string_view>

namespace bostad {

/// What a source holds.
enum class DataKind { permits, plans, areas };

std::string_view kind_name(DataKind k); ///< "permits", "plans", "areas"
std::optional<DataKind> parse_kind(std::string_view text);

enum class Field {
    // permits
    case_id, municipality, property, house_type, tenure, dwellings, dwellings_removed, applied_date, granted_date,
    started_date, completed_date, refused_date, withdrawn_date,
    decision,      ///< one decision column: translated to granted/refused/withdrawn
    decision_date, ///< the date of that decision
    // plans
    plan_id, name, status, adopted_date, legal_date, implementation_end, planned_dwellings,
    implementation_years, ///< genomförandetid in years, when the end date is not delivered
    // areas
    area_id,
    // geometry in attribute columns
    x, y, wkt,
};

inline constexpr std::size_t k_field_count = static_cast<std::size_t>(Field::wkt) + 1;

std::string_view field_name(Field f);
std::optional<Field> parse_field(std::string_view name);

/// The canonical fields a kind of source reads (geometry columns included).
std::span<const Field> fields_of(DataKind kind);
/// The canonical fields a file of this kind must have (mapped or by name); the geometry (x and y, wkt or the
/// file's own geometry column) is required besides. docs/fields.md documents both, and a test keeps it so.
std::span<const Field> required_fields(DataKind kind);

} // namespace bostad
