#pragma once
// The store's permits as the forecast reads them at the end of a month (docs/forecast.md §1-2): each permit's
// group, dwellings, area, stage months as known then, and its state by the status's own rules.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "forecast/history.hpp"

namespace bostad::store {
class FeatureSource;
class StatusSource;
}

namespace bostad::forecast {

/// The groups permits are told apart by: municipality × house type class (småhus, flerbostadshus, other —
/// övrigt or not delivered).
class Groups {
public:
    struct Group {
        std::string municipality;
        std::string house_class;
    };
    /// The group's index, added when new.
    std::size_t of(std::string_view municipality, std::optional<std::string_view> house_type);
    std::size_t size() const { return m_groups.size(); }
    const Group& at(std::size_t i) const { return m_groups.at(i); }

private:
    std::size_t find_or_add(std::string_view municipality, std::optional<std::string_view> house_type);

    std::vector<Group> m_groups;
    std::map<std::pair<std::string, std::string>, std::size_t, std::less<>> m_index;
    /// The last few lookups, as given, and their group.
    struct Recent {
        bool used = false;
        std::string municipality;
        std::optional<std::string> house_type;
        std::size_t group = 0;
    };
    std::array<Recent, 8> m_recent{};
    std::size_t m_next_recent = 0;
};

/// A permit with what the forecast counts besides its history.
struct ReadPermit {
    KnownPermit known;
    std::optional<std::int64_t> dwellings; ///< none: not delivered (forecast as a permit, never as dwellings)
    int area = -1;                         ///< index into History::areas; -1: in no area
    /// Index into History::plans: the plan it lies in that was in force when it entered the pipeline (of
    /// several, the latest by laga kraft); -1: none.
    int plan = -1;
};

/// A plan in force at the end of the month (laga kraft on or before it).
struct ReadPlan {
    std::string municipality, plan_id;
    MonthIndex legal = 0; ///< the month of its laga kraft
    double capacity = 0;  ///< the dwellings it counts for, by the status's rules (override, delivered, estimate)
    std::vector<std::pair<int, double>> areas; ///< (index into History::areas, share); the rest lies in no area
    /// `areas` and, when some of the plan lies in no area, (-1, that rest).
    std::vector<std::pair<int, double>> shares() const;
};

struct History {
    Month month;
    Groups groups;
    std::vector<std::string> areas; ///< read with plans: the set's areas by area_id, then any other met; else in the order met
    std::vector<ReadPermit> permits;
    std::vector<ReadPlan> plans; ///< ordered by municipality and plan_id
};

/// The month index of an ISO date as known at the end of `month`: none when later. A year alone (the store
/// holds the year's last day) is known once its year has ended, and placed in July, the middle of its year.
std::optional<MonthIndex> known_month(std::optional<std::string_view> iso, bool year_only, Month month);

/// Every permit of the store (of the kommuner `covers` accepts) as known at the end of `month`, with its area in
/// `area_set` (none: every permit in no area). Permits not applied for by then are left out. With `plans`, also
/// the plans in force at the month with their shares of the areas, and the plan each permit lies in.
History read_history(store::FeatureSource& features, store::StatusSource* plans, Month month, int stalled_months,
                     const std::optional<std::string>& area_set, const std::function<bool(std::string_view)>& covers);

} // namespace bostad::forecast
