#include "ingest/map/code_lists.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/text.hpp"
#include "ingest/map/values.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace {

template <typename E>
struct Alias {
    E value;
    std::string_view spelling; ///< lower case
};

constexpr Alias<HouseType> k_house_types[] = {
    {HouseType::smahus, "småhus"},         {HouseType::smahus, "smahus"},
    {HouseType::flerbostadshus, "flerbostadshus"}, {HouseType::flerbostadshus, "fbh"},
    {HouseType::ovrigt, "övrigt"},         {HouseType::ovrigt, "ovrigt"},
    {HouseType::ovrigt, "övriga hus"},     {HouseType::ovrigt, "övriga"}};

constexpr Alias<Tenure> k_tenures[] = {
    {Tenure::hyresratt, "hyresrätt"},   {Tenure::hyresratt, "hyresratt"},   {Tenure::bostadsratt, "bostadsrätt"},
    {Tenure::bostadsratt, "bostadsratt"}, {Tenure::aganderatt, "äganderätt"}, {Tenure::aganderatt, "aganderatt"}};

constexpr Alias<PlanStatus> k_statuses[] = {
    {PlanStatus::paborjad, "påbörjad"},     {PlanStatus::paborjad, "paborjad"},     {PlanStatus::paborjad, "planuppdrag"},
    {PlanStatus::samrad, "samråd"},         {PlanStatus::samrad, "samrad"},         {PlanStatus::granskning, "granskning"},
    {PlanStatus::granskning, "utställning"}, {PlanStatus::antagen, "antagen"},      {PlanStatus::laga_kraft, "laga_kraft"},
    {PlanStatus::laga_kraft, "laga kraft"}, {PlanStatus::laga_kraft, "lagakraft"},  {PlanStatus::laga_kraft, "gällande"},
    {PlanStatus::overklagad, "överklagad"}, {PlanStatus::overklagad, "overklagad"}, {PlanStatus::upphavd, "upphävd"},
    {PlanStatus::upphavd, "upphavd"},       {PlanStatus::avslutad, "avslutad"},     {PlanStatus::avslutad, "avbruten"}};

constexpr Alias<Decision> k_decisions[] = {
    {Decision::granted, "granted"},     {Decision::granted, "beviljat"},   {Decision::granted, "beviljad"},
    {Decision::refused, "refused"},     {Decision::refused, "avslag"},     {Decision::refused, "avslaget"},
    {Decision::refused, "avslagen"},    {Decision::withdrawn, "withdrawn"}, {Decision::withdrawn, "avskrivet"},
    {Decision::withdrawn, "avskriven"}, {Decision::withdrawn, "återkallat"}, {Decision::withdrawn, "återkallad"}};

/// The mapping's translation of `text` for `field` (exact, then case-insensitive), if any.
std::optional<std::string> translated(std::string_view text, const config::Mapping* mapping, std::string_view field) {
    if (!mapping) return std::nullopt;
    const auto it = mapping->values.find(std::string(field));
    if (it == mapping->values.end()) return std::nullopt;
    if (const auto exact = it->second.find(std::string(text)); exact != it->second.end()) return exact->second;
    const std::string lower = lower_sv(text);
    for (const auto& [from, to] : it->second) {
        if (lower_sv(from) == lower) return to;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::optional<E> lookup(std::string_view text, const Alias<E> (&aliases)[N]) {
    const std::string lower = lower_sv(trim(text));
    for (const auto& a : aliases) {
        if (a.spelling == lower) return a.value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::optional<E> read_code(std::string_view text, const config::Mapping* mapping, std::string_view field,
                           const Alias<E> (&aliases)[N]) {
    const std::string_view t = trim(text);
    if (auto to = translated(t, mapping, field)) return lookup(*to, aliases);
    return lookup(t, aliases);
}

} // namespace

std::optional<HouseType> read_house_type(std::string_view text, const config::Mapping* mapping) {
    return read_code(text, mapping, "house_type", k_house_types);
}

std::optional<Tenure> read_tenure(std::string_view text, const config::Mapping* mapping) {
    return read_code(text, mapping, "tenure", k_tenures);
}

std::optional<PlanStatus> read_plan_status(std::string_view text, const config::Mapping* mapping) {
    return read_code(text, mapping, "status", k_statuses);
}

std::optional<Decision> read_decision(std::string_view text, const config::Mapping* mapping) {
    return read_code(text, mapping, "decision", k_decisions);
}

std::optional<std::string> translation_problem(std::string_view field, std::string_view target) {
    if (trim(target).empty()) return std::nullopt;
    const auto fail = [&](Field f) {
        return std::optional(fmt::format("'{}' is not a value of {}: use {}, or \"\" for empty", target, field, accepted_values(f)));
    };
    if (field == "house_type") return read_house_type(target, nullptr) ? std::nullopt : fail(Field::house_type);
    if (field == "tenure") return read_tenure(target, nullptr) ? std::nullopt : fail(Field::tenure);
    if (field == "status") return read_plan_status(target, nullptr) ? std::nullopt : fail(Field::status);
    if (field == "decision") return read_decision(target, nullptr) ? std::nullopt : fail(Field::decision);
    if (field == "municipality") {
        const sweden::Found found = sweden::find_kommun_by_text(target);
        return found.kommun ? std::nullopt : std::optional(found.problem);
    }
    return fmt::format("{} has no code list to translate to", field);
}

std::optional<std::string> default_problem(std::string_view field, std::string_view value) {
    const auto f = parse_field(field);
    const auto fields = fields_of(DataKind::permits);
    if (!f || std::find(fields.begin(), fields.end(), *f) == fields.end()) {
        return fmt::format("'{}' is not a permit field (docs/fields.md): defaults apply to permits", field);
    }
    switch (*f) {
    case Field::case_id:
    case Field::municipality:
    case Field::x:
    case Field::y:
    case Field::wkt:
        return fmt::format("{} identifies or places a permit: it cannot be assumed (the mapping's municipality gives every "
                           "row's kommun)", field);
    case Field::house_type:
    case Field::tenure:
    case Field::decision: {
        auto problem = translation_problem(field, value);
        if (!problem && trim(value).empty()) problem = "an empty default assumes nothing: leave it out";
        return problem;
    }
    case Field::dwellings:
    case Field::dwellings_removed:
        return parse_count(value, '.').value ? std::nullopt
                                             : std::optional(fmt::format("'{}' is not a whole number of dwellings", value));
    default:
        if (field.ends_with("_date")) {
            return Date::parse_iso(value) ? std::nullopt : std::optional(fmt::format("'{}' is not a date (YYYY-MM-DD)", value));
        }
        return trim(value).empty() ? std::optional<std::string>("an empty default assumes nothing: leave it out") : std::nullopt;
    }
}

std::optional<std::string> key_problem(const std::vector<std::string>& key) {
    if (key.empty() || key.front() != "case_id") return "a permit's key starts with case_id (the diarienummer): [\"case_id\", ...]";
    for (std::size_t i = 1; i < key.size(); ++i) {
        if (key[i] != "property" && key[i] != "house_type" && key[i] != "tenure") {
            return fmt::format("'{}' cannot be part of a permit's key: after case_id, property, house_type or tenure", key[i]);
        }
        if (std::find(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(i), key[i]) != key.begin() + static_cast<std::ptrdiff_t>(i)) {
            return fmt::format("'{}' is named twice", key[i]);
        }
    }
    return std::nullopt;
}

std::string accepted_values(Field field) {
    switch (field) {
    case Field::house_type: return join_alternatives(codes_of(house_type_codes()));
    case Field::tenure: return join_alternatives(codes_of(tenure_codes()));
    case Field::status: return join_alternatives(codes_of(plan_status_codes()));
    case Field::decision: return "granted, refused or withdrawn (beviljat, avslag, avskrivet)";
    default: return "";
    }
}

} // namespace bostad::ingest
