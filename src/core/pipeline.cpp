#include "core/pipeline.hpp"

namespace bostad {

namespace {

/// The latest grant day whose deadline `years` on was before `day`. A deadline is the same day `years` on, or
/// the last day of its month when the month lacks it; since that is not one-to-one, the answer is found by
/// stepping forward from the nearest candidate.
Date last_grant_expired(Date day, int years) {
    const int months = 12 * years;
    Date grant = day.plus_days(-1).plus_months(-months);
    while (grant.plus_days(1).plus_months(months) < day) grant = grant.plus_days(1);
    return grant;
}

} // namespace

Cutoffs<Date> cutoffs_for(Date day, int stalled_months) {
    return {day,
            last_grant_expired(day, k_lapse_years),
            last_grant_expired(day, k_overdue_years),
            day.plus_months(-stalled_months),
            Date::from_ymd(day.year(), day.month(), 1),
            Date::from_ymd(day.year(), 1, 1)};
}

MonthDays month_days(Month month, int stalled_months) {
    const Date d = month.last_day();
    const Cutoffs<Date> c = cutoffs_for(d, stalled_months);
    return {d.iso(), c.lapse.iso(), c.overdue.iso(), c.stalled.iso(), c.month_start.iso(), c.year_start.iso(),
            d.plus_months(-12).iso()};
}

std::optional<StageDate> stage_date_of(RuleDate d) {
    switch (d) {
    case RuleDate::applied: return StageDate::applied;
    case RuleDate::granted: return StageDate::granted;
    case RuleDate::started: return StageDate::started;
    case RuleDate::completed: return StageDate::completed;
    case RuleDate::none:
    case RuleDate::latest_activity: break;
    }
    return std::nullopt;
}

StageDates<Date> stage_dates(const PermitRecord& p) {
    return {p.applied, p.granted, p.started, p.completed, p.refused, p.withdrawn, year_only_bits(p.year_only)};
}

std::string_view stage_date_field(StageDate s) {
    static constexpr std::string_view names[] = {"applied_date", "granted_date", "started_date",
                                                  "completed_date", "refused_date", "withdrawn_date"};
    return names[static_cast<std::size_t>(s)];
}

std::string year_only_fields(std::uint8_t bits) {
    std::string out;
    for (const StageDate s : k_stage_dates) {
        if (!((static_cast<unsigned>(bits) >> static_cast<unsigned>(s)) & 1u)) continue;
        if (!out.empty()) out += ',';
        out += stage_date_field(s);
    }
    return out;
}

std::uint8_t year_only_bits(std::optional<std::string_view> fields) {
    std::uint8_t bits = 0;
    if (!fields) return bits;
    for (std::string_view rest = *fields; !rest.empty();) {
        const std::size_t comma = rest.find(',');
        const std::string_view name = rest.substr(0, comma);
        for (const StageDate s : k_stage_dates) {
            if (stage_date_field(s) == name) bits = static_cast<std::uint8_t>(bits | (1u << static_cast<unsigned>(s)));
        }
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return bits;
}

} // namespace bostad
