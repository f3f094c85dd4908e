#pragma once
// One delivered row to one canonical record: read the bound fields, decode and check every value
// (encoding, dates, counts, code lists, municipality, the order of the stage dates). The geometry is only
// located here (x/y columns, WKT column or the feature's geometry); geometry_check.hpp checks it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/row_source.hpp"
#include "ingest/map/binding.hpp"
#include "ingest/check/problem.hpp"
#include "core/records.hpp"
#include "ingest/map/values.hpp"

namespace bostad::config {
struct Config;
struct Mapping;
} // namespace bostad::config

namespace bostad::ingest {

/// A [mapping.X.keep] filter: the row is kept when its column holds one of the values (case-insensitive).
struct KeepFilter {
    int index = -1;                  ///< the source column
    std::string column;
    std::vector<std::string> values; ///< lower case, trimmed
};

struct ConvertSettings {
    DataKind kind = DataKind::permits;
    Binding binding;
    std::vector<int> bound;                  ///< binding.bound_sources(), computed once
    std::vector<ValueType> types;      ///< per source field
    std::vector<std::string> source_names;   ///< per source field, for messages
    std::vector<DateFormat> date_formats{DateFormat::iso};
    char decimal = '.';
    const config::Mapping* mapping = nullptr;
    std::optional<std::string> municipality; ///< the municipality of every row of the file, when known
    const config::Config* config = nullptr;  ///< municipality names, plan capacities
    std::string source_format;               ///< the file's format, recorded with plans
    std::vector<KeepFilter> keep;            ///< rows failing one are skipped (reason filtered)
    bool skip_other_municipalities = false;  ///< rows of kommuner outside the project: skipped, else rejected
    std::vector<std::string> null_values;    ///< trimmed source values that mean empty, in every field
    std::array<std::vector<std::string>, k_field_count> empty_codes; ///< per field: values translated to "" (lower case)
    std::array<std::optional<std::string>, k_field_count> defaults;  ///< permits: the mapping's [defaults], per field
    std::vector<Field> key_extra; ///< permits: the mapping's key fields after case_id
};

/// Fills in what a mapping says about rows and values: its keep filters (bound to the file's columns; throws
/// UsageError naming a column the file lacks), other_municipalities, its null_values, the values it
/// translates to "" and its [defaults] (permits only: UsageError for another kind).
void apply_mapping_rules(ConvertSettings& s, const config::Mapping* mapping, const std::string& file);

struct XyInput {
    double x;
    double y;
};
struct WktInput {
    std::string text;
};
struct WkbInput {
    std::vector<std::uint8_t> wkb;
};
using GeometryInput = std::variant<std::monostate, XyInput, WktInput, WkbInput>;

/// Why a row is left out without being rejected: it is not part of what the project asked for.
struct Skip {
    std::string reason; ///< filtered, other_municipality
    std::string message;
};

template <typename Record>
struct Converted {
    std::optional<Record> record;  ///< set when every value passed (the geometry is checked later)
    std::optional<Problem> problem;
    std::optional<Skip> skip;      ///< set instead of both when the row is skipped
    GeometryInput geometry;
    std::string municipality;      ///< as far as it could be read (for the quarantine and snapshots)
    std::string key;               ///< case_id, plan_id or area_id as far as it could be read
};

Converted<PermitRecord> convert_permit(const SourceRow& row, const ConvertSettings& s);
Converted<PlanRecord> convert_plan(const SourceRow& row, const ConvertSettings& s);
Converted<AreaRecord> convert_area(const SourceRow& row, const ConvertSettings& s);

/// Sets the planner's capacity for the plan from the config's [[plan_capacity]], when there is one.
void apply_capacity_override(PlanRecord& plan, const config::Config* config);

struct KommunCode {
    std::optional<std::string> code;
    std::string problem; ///< when there is no code: why (sweden::find_kommun_by_text())
};

/// Turns a municipality's name or code, after the mapping's value translation, into today's kommun code
/// ("Kristianstad" → "1290", "Kristianstads kommun" → "1290", the former 1190 → "1290"); the config's own
/// names for its kommuner count too.
KommunCode municipality_code(std::string_view text, const config::Mapping* mapping, const config::Config* config);

} // namespace bostad::ingest
