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
    return {p.applied, p.granted, p.started, p.completed, p.refused, p.withdrawn};
}

} // namespace bostad
