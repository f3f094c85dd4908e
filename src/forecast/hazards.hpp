#pragma once
// How permits leave a stage of the pipeline, month by month (docs/forecast.md §3): for each group, stage and
// number of months spent in the stage, the chance of leaving it in that month by each way out — estimated from
// the stays of the store's permits as an actuarial life table (a stay still going when observation ends counts
// only for the months it was seen), and pooled towards the whole store where a group has few cases.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace bostad::forecast {

/// The stages a permit can be in while in the pipeline.
enum class Stage { applied, granted, started };
inline constexpr std::size_t k_stages = 3;

/// The ways out of a stage: applied → granted | refused | withdrawn; granted → started | lapsed;
/// started → completed.
enum class Exit { granted, refused, withdrawn, started, lapsed, completed };
inline constexpr std::size_t k_exits = 6;

/// Months in a stage the table tells apart; the last bin (k_tail) holds every later month.
inline constexpr int k_months = 60;
inline constexpr int k_tail = k_months - 1;

/// A month as one number: year × 12 + month − 1 (Month::index()).
using MonthIndex = int;

/// One permit's stay in one stage: it entered in month `entered`; it left in month `left` by `exit`, or was
/// still in the stage when observation ended (no `left`).
struct Stay {
    std::size_t group = 0;
    Stage stage = Stage::applied;
    MonthIndex entered = 0;
    std::optional<MonthIndex> left;
    Exit exit = Exit::granted; ///< meaningful when `left`
};

/// The hazards of one group and stage: at[k][e] is the chance that a permit k months into the stage leaves it
/// in that month by exit e (k = 0: the month it entered). at_risk[k] is how many permit-months the estimate
/// rests on (before pooling).
struct StageHazards {
    std::array<std::array<double, k_exits>, k_months> at{};
    std::array<double, k_months> at_risk{};
    /// The chance of leaving by any way in month k.
    double leave(int k) const;
};

class Hazards {
public:
    /// Estimates from `stays` observed up to the end of month `observed_to`, for `groups` groups; a group's
    /// counts are pooled with the whole store's hazards with a weight of `pooling` permit-months.
    Hazards(const std::vector<Stay>& stays, std::size_t groups, MonthIndex observed_to, double pooling);

    const StageHazards& of(std::size_t group, Stage stage) const { return m_groups.at(group)[static_cast<std::size_t>(stage)]; }
    const StageHazards& whole(Stage stage) const { return m_whole[static_cast<std::size_t>(stage)]; }
    std::size_t groups() const { return m_groups.size(); }

private:
    std::vector<std::array<StageHazards, k_stages>> m_groups;
    std::array<StageHazards, k_stages> m_whole;
};

/// The life-table counts of one set of stays: events[k][e] and at_risk[k] (exposed for the tests and the
/// draws of the interval, which need the counts behind each rate).
struct LifeTable {
    std::array<std::array<double, k_exits>, k_months> events{};
    std::array<double, k_months> at_risk{};
    void add(const Stay& stay, MonthIndex observed_to);
};

} // namespace bostad::forecast
