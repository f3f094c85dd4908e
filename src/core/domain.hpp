#pragma once
// The code lists of the housing pipeline (product.md, domain.md): canonical codes as stored and exported,
// Swedish and English labels as shown to people.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bostad {

/// Stages of a building permit, in pipeline order, then the side exits.
enum class Stage { applied, granted, started, completed, refused, withdrawn, lapsed };

enum class HouseType { smahus, flerbostadshus, ovrigt };

enum class Tenure { hyresratt, bostadsratt, aganderatt };

/// Detaljplan process statuses, in process order, then the ends of a plan.
enum class PlanStatus { paborjad, samrad, granskning, antagen, laga_kraft, overklagad, upphavd, avslutad };

enum class EntityKind { permit, plan };

/// One entry of a code list: the stored code and its labels.
template <typename E>
struct Code {
    E value;
    std::string_view code;  ///< canonical, as stored: "småhus", "laga_kraft", "granted"
    std::string_view sv;    ///< Swedish label
    std::string_view en;    ///< English label
};

std::span<const Code<Stage>> stage_codes();
std::span<const Code<HouseType>> house_type_codes();
std::span<const Code<Tenure>> tenure_codes();
std::span<const Code<PlanStatus>> plan_status_codes();

template <typename E>
std::string_view code_of(std::span<const Code<E>> list, E value) {
    for (const auto& c : list) {
        if (c.value == value) return c.code;
    }
    return {};
}

/// Finds the entry whose canonical code equals `code` exactly.
template <typename E>
std::optional<E> from_code(std::span<const Code<E>> list, std::string_view code) {
    for (const auto& c : list) {
        if (c.code == code) return c.value;
    }
    return std::nullopt;
}

template <typename E>
std::vector<std::string> codes_of(std::span<const Code<E>> list) {
    std::vector<std::string> out;
    for (const auto& c : list) out.emplace_back(c.code);
    return out;
}

inline std::string_view code(Stage s) { return code_of(stage_codes(), s); }
inline std::string_view code(HouseType h) { return code_of(house_type_codes(), h); }
inline std::string_view code(Tenure t) { return code_of(tenure_codes(), t); }
inline std::string_view code(PlanStatus p) { return code_of(plan_status_codes(), p); }

/// Kommun codes are four digits ("1290"); leading zeros matter ("0180").
bool is_municipality_code(std::string_view text);

} // namespace bostad
