#include "core/fields.hpp"

namespace bostad {
namespace {

constexpr std::string_view k_names[] = {
    "case_id",      "municipality",   "property",      "house_type",     "tenure",        "dwellings",
    "dwellings_removed", "applied_date", "granted_date", "started_date",  "completed_date", "refused_date",
    "withdrawn_date", "decision",     "decision_date", "plan_id",        "name",          "status",
    "adopted_date", "legal_date",     "implementation_end", "planned_dwellings", "implementation_years", "area_id", "x",
    "y",            "wkt"};
static_assert(std::size(k_names) == k_field_count);

constexpr Field k_permit_fields[] = {
    Field::case_id,      Field::municipality,   Field::property,     Field::house_type,    Field::tenure,
    Field::dwellings,    Field::dwellings_removed, Field::applied_date, Field::granted_date, Field::started_date,
    Field::completed_date, Field::refused_date, Field::withdrawn_date, Field::decision,    Field::decision_date,
    Field::x,            Field::y,              Field::wkt};
constexpr Field k_plan_fields[] = {Field::plan_id,      Field::municipality, Field::name,
                                   Field::status,       Field::adopted_date, Field::legal_date,
                                   Field::implementation_end, Field::planned_dwellings, Field::implementation_years,
                                   Field::wkt};
constexpr Field k_area_fields[] = {Field::area_id, Field::name, Field::municipality, Field::wkt};

// A file of the kind must have a field for each of these (docs/fields.md lists them as required).
constexpr Field k_permit_required[] = {Field::case_id};
constexpr Field k_plan_required[] = {Field::plan_id, Field::status};
constexpr Field k_area_required[] = {Field::area_id};

} // namespace

std::string_view kind_name(DataKind k) {
    switch (k) {
    case DataKind::permits: return "permits";
    case DataKind::plans: return "plans";
    case DataKind::areas: return "areas";
    }
    return "";
}

std::optional<DataKind> parse_kind(std::string_view text) {
    for (DataKind k : {DataKind::permits, DataKind::plans, DataKind::areas}) {
        if (kind_name(k) == text) return k;
    }
    return std::nullopt;
}

std::string_view field_name(Field f) { return k_names[static_cast<std::size_t>(f)]; }

std::optional<Field> parse_field(std::string_view name) {
    for (std::size_t i = 0; i < k_field_count; ++i) {
        if (k_names[i] == name) return static_cast<Field>(i);
    }
    return std::nullopt;
}

std::span<const Field> fields_of(DataKind kind) {
    switch (kind) {
    case DataKind::permits: return k_permit_fields;
    case DataKind::plans: return k_plan_fields;
    case DataKind::areas: return k_area_fields;
    }
    return {};
}

std::span<const Field> required_fields(DataKind kind) {
    switch (kind) {
    case DataKind::permits: return k_permit_required;
    case DataKind::plans: return k_plan_required;
    case DataKind::areas: return k_area_required;
    }
    return {};
}

} // namespace bostad
