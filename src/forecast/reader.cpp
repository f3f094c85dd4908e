#include "forecast/reader.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/domain.hpp"
#include "store/feature_source.hpp"
#include "store/status_source.hpp"

namespace bostad::forecast {
namespace {

std::string house_class(std::optional<std::string_view> house_type) {
    if (house_type && (*house_type == code(HouseType::smahus) || *house_type == code(HouseType::flerbostadshus))) {
        return std::string(*house_type);
    }
    return "other";
}

/// A permit's or a plan's key: municipality and id.
std::string key_of(std::string_view municipality, std::string_view id) {
    std::string k(municipality);
    k += '\x1f';
    k += id;
    return k;
}

/// Hashes text and string_view alike, so that a lookup by a view makes no string.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

/// Each area's index in `h.areas`, added when new.
class AreaIndex {
public:
    explicit AreaIndex(History& h) : m_h(h) {}
    int of(std::string_view area_id) {
        const auto it = m_index.find(area_id);
        if (it != m_index.end()) return it->second;
        const int i = static_cast<int>(m_h.areas.size());
        m_h.areas.emplace_back(area_id);
        m_index.emplace(std::string(area_id), i);
        return i;
    }

private:
    History& m_h;
    std::unordered_map<std::string, int, TextHash, std::equal_to<>> m_index;
};

/// The plans in force at the month with their shares of the set's areas (whose every area is added to `h`);
/// returns each plan's index by its key.
std::unordered_map<std::string, int> read_plans(History& h, store::StatusSource& status, AreaIndex& areas,
                                                const Cutoffs<std::string_view>& cut, const std::optional<std::string>& area_set,
                                                const std::function<bool(std::string_view)>& covers) {
    std::unordered_map<std::int64_t, std::size_t> area_of_fid;
    const std::optional<std::int64_t> set = area_set ? status.find_area_set(*area_set) : std::nullopt;
    if (set) {
        for (const store::AreaRow& a : status.areas(*set)) area_of_fid.emplace(a.fid, static_cast<std::size_t>(areas.of(a.area_id)));
    }
    std::vector<std::pair<std::int64_t, ReadPlan>> plans;
    for (const auto& [fid, p] : status.legal_plans(std::nullopt, cut, nullptr)) {
        if (covers && !covers(p.municipality)) continue;
        const auto legal = known_month(p.legal_date, false, h.month);
        if (!legal) continue;
        plans.push_back({fid, ReadPlan{p.municipality, p.plan_id, *legal, p.counted(), {}}});
    }
    std::sort(plans.begin(), plans.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.municipality, a.second.plan_id) < std::tie(b.second.municipality, b.second.plan_id);
    });
    std::unordered_map<std::int64_t, std::size_t> index_of_fid;
    std::unordered_map<std::string, int> index_of_key;
    for (auto& [fid, plan] : plans) {
        index_of_fid.emplace(fid, h.plans.size());
        index_of_key.emplace(key_of(plan.municipality, plan.plan_id), static_cast<int>(h.plans.size()));
        h.plans.push_back(std::move(plan));
    }
    if (set) {
        for (const store::PlanShare& s : status.plan_shares(*set, area_of_fid)) {
            const auto it = index_of_fid.find(s.plan_fid);
            if (it != index_of_fid.end()) h.plans[it->second].areas.emplace_back(static_cast<int>(s.area), s.share);
        }
    }
    return index_of_key;
}

/// A permit lying in a plan in force, ordered as the permits come (by municipality and case_id, bytewise).
struct Link {
    std::string municipality, case_id;
    int plan;
};

std::vector<Link> read_links(store::FeatureSource& features, const std::unordered_map<std::string, int>& plans) {
    std::vector<Link> out;
    if (plans.empty()) return out;
    features.permit_plans([&](const store::PermitPlanLink& l) {
        const auto it = plans.find(key_of(l.plan_municipality, l.plan_id));
        if (it != plans.end()) out.push_back({std::string(l.municipality), std::string(l.case_id), it->second});
    });
    return out;
}

/// Walks the links beside the permits (both in the same order): the plans of each permit in turn.
class LinkCursor {
public:
    explicit LinkCursor(const std::vector<Link>& links) : m_links(links) {}
    std::vector<int> plans_of(std::string_view municipality, std::string_view case_id) {
        const auto key = [](const Link& l) { return std::pair<std::string_view, std::string_view>(l.municipality, l.case_id); };
        const std::pair<std::string_view, std::string_view> permit{municipality, case_id};
        while (m_at < m_links.size() && key(m_links[m_at]) < permit) ++m_at;
        std::vector<int> out;
        for (; m_at < m_links.size() && key(m_links[m_at]) == permit; ++m_at) out.push_back(m_links[m_at].plan);
        return out;
    }

private:
    const std::vector<Link>& m_links;
    std::size_t m_at = 0;
};

/// Of the plans a permit lies in, the latest in force when it entered the pipeline.
int plan_at_entry(const History& h, const KnownPermit& p, const std::vector<int>& plans) {
    const auto entry = entry_of(p);
    int best = -1;
    for (const int i : plans) {
        const MonthIndex legal = h.plans[static_cast<std::size_t>(i)].legal;
        if (entry && legal <= entry->second && (best < 0 || legal >= h.plans[static_cast<std::size_t>(best)].legal)) best = i;
    }
    return best;
}

} // namespace

std::vector<std::pair<int, double>> ReadPlan::shares() const {
    std::vector<std::pair<int, double>> out = areas;
    double rest = 1;
    for (const auto& a : areas) rest -= a.second;
    if (rest > 1e-9) out.emplace_back(-1, rest);
    return out;
}

std::size_t Groups::of(std::string_view municipality, std::optional<std::string_view> house_type) {
    // Permits come by municipality: the group is most often one of the last few.
    for (const Recent& r : m_recent) {
        if (r.used && r.municipality == municipality && r.house_type.has_value() == house_type.has_value() &&
            (!house_type || *r.house_type == *house_type)) {
            return r.group;
        }
    }
    const std::size_t found = find_or_add(municipality, house_type);
    m_recent[m_next_recent] = {true, std::string(municipality), house_type ? std::optional<std::string>(*house_type) : std::nullopt, found};
    m_next_recent = (m_next_recent + 1) % m_recent.size();
    return found;
}

std::size_t Groups::find_or_add(std::string_view municipality, std::optional<std::string_view> house_type) {
    std::pair<std::string, std::string> key{std::string(municipality), house_class(house_type)};
    const auto it = m_index.find(key);
    if (it != m_index.end()) return it->second;
    m_groups.push_back({key.first, key.second});
    m_index.emplace(std::move(key), m_groups.size() - 1);
    return m_groups.size() - 1;
}

std::optional<MonthIndex> known_month(std::optional<std::string_view> iso, bool year_only, Month month) {
    if (!iso || !Date::parse_iso(*iso)) return std::nullopt;
    // A valid ISO date: its year and month are read off the text (a million permits have six dates each).
    const auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + ((*iso)[i] - '0');
        return v;
    };
    const Month of(number(0, 4), number(5, 2));
    if (of > month) return std::nullopt;
    return year_only ? Month(of.year(), 7).index() : of.index();
}

History read_history(store::FeatureSource& features, store::StatusSource* plans, Month month, int stalled_months,
                     const std::optional<std::string>& area_set, const std::function<bool(std::string_view)>& covers) {
    History h;
    h.month = month;
    const MonthDays days = month_days(month, stalled_months);
    const Cutoffs<std::string_view> cut = days.cutoffs();
    AreaIndex areas(h);
    const auto plan_index = plans ? read_plans(h, *plans, areas, cut, area_set, covers) : std::unordered_map<std::string, int>{};
    const std::vector<Link> links = read_links(features, plan_index);
    LinkCursor cursor(links);
    features.permits({area_set, false}, [&](const store::PermitFeature& p) {
        if (covers && !covers(p.municipality)) return;
        const PipelineState state = state_at(p.dates, cut);
        if (state == PipelineState::none) return; // not applied for yet
        ReadPermit r;
        r.known.group = h.groups.of(p.municipality, p.house_type);
        r.known.state = state;
        const auto at = [&](StageDate d) { return known_month(p.dates.at(d), p.dates.is_year_only(d), month); };
        r.known.applied = at(StageDate::applied);
        r.known.granted = at(StageDate::granted);
        r.known.started = at(StageDate::started);
        r.known.completed = at(StageDate::completed);
        r.known.refused = at(StageDate::refused);
        r.known.withdrawn = at(StageDate::withdrawn);
        r.dwellings = p.dwellings;
        if (p.area_id) r.area = areas.of(*p.area_id);
        if (!links.empty()) {
            const std::vector<int> in = cursor.plans_of(p.municipality, p.case_id);
            if (!in.empty()) r.plan = plan_at_entry(h, r.known, in);
        }
        h.permits.push_back(r);
    });
    return h;
}

} // namespace bostad::forecast
