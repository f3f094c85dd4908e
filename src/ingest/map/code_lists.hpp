#pragma once
// Turning delivered values into canonical codes: the mapping's translations first, then the canonical
// codes and common Swedish spellings (case-insensitive).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain.hpp"
#include "core/fields.hpp"

namespace bostad::config {
struct Mapping;
}

namespace bostad::ingest {

/// The outcome of a decision column.
enum class Decision { granted, refused, withdrawn };

std::optional<HouseType> read_house_type(std::string_view text, const config::Mapping* mapping);
std::optional<Tenure> read_tenure(std::string_view text, const config::Mapping* mapping);
std::optional<PlanStatus> read_plan_status(std::string_view text, const config::Mapping* mapping);
std::optional<Decision> read_decision(std::string_view text, const config::Mapping* mapping);

/// Why a mapping may not translate a value of `field` to `target` (nullopt: it may). A target must be a value
/// the field accepts, or "" (the value means empty).
std::optional<std::string> translation_problem(std::string_view field, std::string_view target);

/// Why a mapping's [defaults] may not give `value` for `field` (nullopt: it may): only permit fields that are
/// neither identity nor location, with a value the field accepts.
std::optional<std::string> default_problem(std::string_view field, std::string_view value);

/// Why a mapping's `key` cannot identify permits (nullopt: it can): case_id first, then any of property,
/// house_type and tenure, each once.
std::optional<std::string> key_problem(const std::vector<std::string>& key);

/// What a field accepts, for messages: "småhus, flerbostadshus or övrigt".
std::string accepted_values(Field field);

} // namespace bostad::ingest
