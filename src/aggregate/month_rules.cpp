#include "aggregate/month_rules.hpp"

#include "sqlite/database.hpp"

namespace bostad::aggregate {

MonthDays month_days(Month month, int stalled_months) {
    const Date d = month.last_day();
    const Cutoffs<Date> c = cutoffs_for(d, stalled_months);
    return {d.iso(),
            c.lapse.iso(),
            c.overdue.iso(),
            c.stalled.iso(),
            month.first_day().iso(),
            Date::from_ymd(month.year(), 1, 1).iso(),
            d.plus_months(-12).iso()};
}

std::optional<Text> text_at(const sqlite::Statement& st, int col) { return st.column_optional_view(col); }

StageDates<Text> dates_at(const sqlite::Statement& st, int first) {
    return {text_at(st, first),     text_at(st, first + 1), text_at(st, first + 2),
            text_at(st, first + 3), text_at(st, first + 4), text_at(st, first + 5)};
}

} // namespace bostad::aggregate
