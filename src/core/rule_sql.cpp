#include "core/rule_sql.hpp"

#include <fmt/format.h>

namespace bostad {
namespace {

const std::string& date_name(const SqlNames& n, StageDate d) { return n.dates[static_cast<std::size_t>(d)]; }
const std::string& day_name(const SqlNames& n, Day d) { return n.days[static_cast<std::size_t>(d)]; }

const std::string& earliest_name(const SqlNames& n, StageDate d) {
    const std::string& e = n.earliest[static_cast<std::size_t>(d)];
    return e.empty() ? date_name(n, d) : e;
}

/// The date in [from, to] (an open start without `from`) — all of its year, for a year alone; NULL compares
/// false, so the condition is false.
std::string window(StageDate d, const std::optional<Day>& from, Day to, const SqlNames& n) {
    std::string c = fmt::format("{} <= {}", date_name(n, d), day_name(n, to));
    if (from) c = fmt::format("{} >= {} AND {}", earliest_name(n, d), day_name(n, *from), c);
    return fmt::format("coalesce({}, false)", c);
}

std::string states_sql(std::uint8_t bits, const SqlNames& n) {
    std::string list;
    for (unsigned s = 0; s < 8; ++s) {
        if (bits & (1u << s)) list += fmt::format("{}{}", list.empty() ? "" : ", ", s);
    }
    return fmt::format("{} IN ({})", n.state, list);
}

/// The latest of the applied, granted and started dates on or before D lies in the window. Without a start:
/// one of them is on or before D, and none lies after the window's end up to D. With a start: the latest
/// itself — the first of equal ones, as holds() picks it — lies in the window (all its year, for a year alone).
std::string latest_activity(const Rule& r, const SqlNames& n) {
    const std::string& end = day_name(n, Day::end);
    constexpr StageDate activity[] = {StageDate::applied, StageDate::granted, StageDate::started};
    if (!r.from) {
        std::string any, none_later;
        for (const StageDate d : activity) {
            const std::string& c = date_name(n, d);
            any += fmt::format("{}coalesce({} <= {}, false)", any.empty() ? "" : " OR ", c, end);
            none_later += fmt::format(" AND NOT coalesce({} > {} AND {} <= {}, false)", c, day_name(n, r.to), c, end);
        }
        return fmt::format("({}){}", any, none_later);
    }
    std::string out;
    for (std::size_t k = 0; k < std::size(activity); ++k) {
        const std::string& c = date_name(n, activity[k]);
        std::string latest = fmt::format("coalesce({} <= {}, false)", c, end);
        for (std::size_t j = 0; j < std::size(activity); ++j) {
            if (j == k) continue;
            const std::string& other = date_name(n, activity[j]);
            latest += fmt::format(" AND NOT coalesce({} <= {} AND {} {} {}, false)", other, end, other, j < k ? ">=" : ">", c);
        }
        out += fmt::format("{}({} AND {})", out.empty() ? "" : " OR ", latest, window(activity[k], r.from, r.to, n));
    }
    return out;
}

} // namespace

std::string state_sql(const SqlNames& n) {
    std::string out = "CASE";
    for (const StateRule& r : k_state_rules) {
        out += fmt::format(" WHEN {} <= {} THEN {}", date_name(n, r.date), day_name(n, r.day), static_cast<int>(r.state));
    }
    return out + " ELSE 0 END";
}

std::string rule_sql(const Rule& r, const SqlNames& n) {
    std::vector<std::string> parts;
    if (r.states) parts.push_back(states_sql(r.states, n));
    if (r.date == RuleDate::latest_activity) parts.push_back(latest_activity(r, n));
    else if (const auto d = stage_date_of(r.date)) parts.push_back(window(*d, r.from, r.to, n));
    if (parts.empty()) return "true";
    std::string out;
    for (const auto& p : parts) out += fmt::format("{}({})", out.empty() ? "" : " AND ", p);
    return out;
}

} // namespace bostad
