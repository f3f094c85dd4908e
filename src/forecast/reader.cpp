#include "forecast/reader.hpp"

#include "core/domain.hpp"
#include "store/feature_source.hpp"

namespace bostad::forecast {
namespace {

std::string house_class(std::optional<std::string_view> house_type) {
    if (house_type && (*house_type == code(HouseType::smahus) || *house_type == code(HouseType::flerbostadshus))) {
        return std::string(*house_type);
    }
    return "other";
}

} // namespace

std::size_t Groups::of(std::string_view municipality, std::optional<std::string_view> house_type) {
    std::pair<std::string, std::string> key{std::string(municipality), house_class(house_type)};
    const auto it = m_index.find(key);
    if (it != m_index.end()) return it->second;
    m_groups.push_back({key.first, key.second});
    m_index.emplace(std::move(key), m_groups.size() - 1);
    return m_groups.size() - 1;
}

std::optional<MonthIndex> known_month(std::optional<std::string_view> iso, bool year_only, Month month) {
    const std::optional<Date> d = iso ? Date::parse_iso(*iso) : std::nullopt;
    if (!d || Month::of(*d) > month) return std::nullopt;
    return year_only ? Month(d->year(), 7).index() : Month::of(*d).index();
}

History read_history(store::FeatureSource& features, Month month, int stalled_months, const std::optional<std::string>& area_set,
                     const std::function<bool(std::string_view)>& covers) {
    History h;
    h.month = month;
    const MonthDays days = month_days(month, stalled_months);
    const Cutoffs<std::string_view> cut = days.cutoffs();
    std::map<std::string, int, std::less<>> area_index;
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
        if (p.area_id) {
            const auto it = area_index.find(*p.area_id);
            if (it != area_index.end()) {
                r.area = it->second;
            } else {
                r.area = static_cast<int>(h.areas.size());
                h.areas.emplace_back(*p.area_id);
                area_index.emplace(std::string(*p.area_id), r.area);
            }
        }
        h.permits.push_back(r);
    });
    return h;
}

} // namespace bostad::forecast
