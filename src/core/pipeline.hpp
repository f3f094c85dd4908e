#pragma once
// The pipeline of a dwelling (product.md), as rules on one permit at the end of a day D. This is the one
// definition, written as data: the C++ below interprets it (on Date values, or on ISO date text straight from
// a store — ISO dates sort like dates), and core/rule_sql.hpp writes the same rules as SQL for a store that
// counts in the database. Nothing else states a rule.
//
//   exit:      refused or withdrawn on or before D: out of the pipeline
//   completed: completed on or before D
//   started:   started on or before D (a start registered late still counts: the startbesked says work began)
//   lapsed:    granted, not started by D, and the 2 years from the grant ran out before D (PBL 9 kap. 43 §:
//              work must start within 2 years): out of the pipeline. The deadline day itself is still in time,
//              and a deadline on a day its month lacks (29 February) falls on the month's last day (lag
//              1930:173). PBL counts from the day the decision gained legal force; the data have only the
//              decision date, so a lapse can show a few weeks early.
//   granted / applied: the decision / the application on or before D; none before the application
//
// The figures of a status (core/figures.hpp) are further rules of the same form: a set of states, and/or a
// stage date inside a window of cutoff days.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/date.hpp"
#include "core/records.hpp"

namespace bostad {

/// A permit's state at D. The numbers are stored nowhere but are the values of the SQL state expression.
enum class PipelineState : std::uint8_t { none, applied, granted, started, completed, refused, withdrawn, lapsed };

inline constexpr int k_lapse_years = 2;
inline constexpr int k_overdue_years = 5;

/// The stage dates of a permit, in the order of StageDates' members.
enum class StageDate : std::uint8_t { applied, granted, started, completed, refused, withdrawn };
inline constexpr std::array<StageDate, 6> k_stage_dates{StageDate::applied,   StageDate::granted, StageDate::started,
                                                        StageDate::completed, StageDate::refused, StageDate::withdrawn};

/// The stage dates of a permit, as Date or as ISO text. A date delivered as a year alone holds the year's
/// last day — the day by which it is known to have happened — and its bit in `year_only` is set: the rules
/// count it as done at the end of its year, and inside a window only when the window holds its whole year
/// (never in a month, nor in a year so far before December).
template <typename D>
struct StageDates {
    std::optional<D> applied, granted, started, completed, refused, withdrawn;
    std::uint8_t year_only = 0; ///< bit i: the StageDate i is a year alone

    bool is_year_only(StageDate s) const { return (static_cast<unsigned>(year_only) >> static_cast<unsigned>(s)) & 1u; }

    const std::optional<D>& at(StageDate s) const {
        switch (s) {
        case StageDate::applied: return applied;
        case StageDate::granted: return granted;
        case StageDate::started: return started;
        case StageDate::completed: return completed;
        case StageDate::refused: return refused;
        case StageDate::withdrawn: break;
        }
        return withdrawn;
    }
    std::optional<D>& at(StageDate s) { return const_cast<std::optional<D>&>(std::as_const(*this).at(s)); }
};

/// The days the rules compare with, for one D.
enum class Day : std::uint8_t { end, lapse, overdue, stalled, month_start, year_start };

template <typename D>
struct Cutoffs {
    D day;         ///< D
    D lapse;       ///< the latest grant day whose 2 years ran out before D
    D overdue;     ///< the latest grant day whose 5 years ran out before D
    D stalled;     ///< D − stalled_months
    D month_start; ///< the first day of D's month
    D year_start;  ///< 1 January of D's year

    const D& at(Day d) const {
        switch (d) {
        case Day::end: return day;
        case Day::lapse: return lapse;
        case Day::overdue: return overdue;
        case Day::stalled: return stalled;
        case Day::month_start: return month_start;
        case Day::year_start: break;
        }
        return year_start;
    }
};

Cutoffs<Date> cutoffs_for(Date day, int stalled_months);

/// The end of a month as ISO text, with every cutoff the rules need and the lead-time window.
struct MonthDays {
    std::string d;           ///< the month's last day
    std::string lapse;       ///< the latest grant day whose 2 years ran out before D
    std::string overdue;     ///< the same for 5 years
    std::string stalled;     ///< D − the stalled months
    std::string month_start; ///< the month's first day
    std::string year_start;  ///< 1 January of D's year
    std::string lead_after;  ///< D − 12 months: lead times count steps ended after it

    Cutoffs<std::string_view> cutoffs() const { return {d, lapse, overdue, stalled, month_start, year_start}; }
};

MonthDays month_days(Month month, int stalled_months);

template <typename D>
bool on_or_before(const std::optional<D>& d, const D& day) {
    return d && !(day < *d);
}

/// The year of `d` (a year alone, stored as its last day) begins on or after `from`.
inline bool year_begins_by(const Date& from, const Date& d) { return !(Date::from_ymd(d.year(), 1, 1) < from); }
inline bool year_begins_by(std::string_view from, std::string_view d) {
    if (d.size() < 4) return false;
    const char first[10] = {d[0], d[1], d[2], d[3], '-', '0', '1', '-', '0', '1'};
    return !(std::string_view(first, 10) < from);
}

/// The StageDate bits of a comma-separated list of date field names (PermitRecord::year_only), and back.
std::uint8_t year_only_bits(std::optional<std::string_view> fields);
std::string year_only_fields(std::uint8_t bits);
/// The date field name of a stage date ("granted_date").
std::string_view stage_date_field(StageDate s);

/// One step of the state rules: the permit is in `state` when its `date` is on or before the cutoff `day`.
struct StateRule {
    PipelineState state;
    StageDate date;
    Day day;
};

/// The state rules, in the order they are tried: the first that holds gives the state (none when none does).
inline constexpr std::array<StateRule, 7> k_state_rules{{
    {PipelineState::refused, StageDate::refused, Day::end},
    {PipelineState::withdrawn, StageDate::withdrawn, Day::end},
    {PipelineState::completed, StageDate::completed, Day::end},
    {PipelineState::started, StageDate::started, Day::end},
    {PipelineState::lapsed, StageDate::granted, Day::lapse},
    {PipelineState::granted, StageDate::granted, Day::end},
    {PipelineState::applied, StageDate::applied, Day::end},
}};

template <typename D>
PipelineState state_at(const StageDates<D>& p, const Cutoffs<D>& c) {
    for (const StateRule& r : k_state_rules) {
        if (on_or_before(p.at(r.date), c.at(r.day))) return r.state;
    }
    return PipelineState::none;
}

/// A set of states as bits.
constexpr std::uint8_t state_bits(std::initializer_list<PipelineState> states) {
    std::uint8_t bits = 0;
    for (const PipelineState s : states) bits = static_cast<std::uint8_t>(bits | (1u << static_cast<unsigned>(s)));
    return bits;
}

/// What a rule looks at besides the state: one stage date, or the latest of the applied, granted and started
/// dates on or before D (the last sign of life of a case).
enum class RuleDate : std::uint8_t { none, applied, granted, started, completed, latest_activity };

/// A rule on one permit at D: its state is one of `states` (0: any state), and the date `date` lies in
/// [from, to] (from none: no lower bound).
struct Rule {
    std::uint8_t states = 0;
    RuleDate date = RuleDate::none;
    std::optional<Day> from;
    Day to = Day::end;
};

/// The stage date a rule date names (latest_activity and none name none).
std::optional<StageDate> stage_date_of(RuleDate d);

template <typename D>
bool holds(const Rule& r, const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    if (r.states && !(r.states & (1u << static_cast<unsigned>(state)))) return false;
    if (r.date == RuleDate::none) return true;
    const std::optional<D>* date = nullptr;
    StageDate which = StageDate::applied;
    if (r.date == RuleDate::latest_activity) {
        for (const StageDate s : {StageDate::applied, StageDate::granted, StageDate::started}) {
            const auto& d = p.at(s);
            if (on_or_before(d, c.day) && (!date || **date < *d)) date = &d, which = s;
        }
        if (!date) return false;
    } else {
        which = *stage_date_of(r.date);
        date = &p.at(which);
    }
    if (!*date) return false;
    if (r.from && **date < c.at(*r.from)) return false;
    if (r.from && p.is_year_only(which) && !year_begins_by(c.at(*r.from), **date)) return false;
    return on_or_before(*date, c.at(r.to));
}

/// Granted, started or completed at D: a permit whose dwellings count against its plan's capacity.
inline constexpr Rule k_uses_capacity{
    state_bits({PipelineState::granted, PipelineState::started, PipelineState::completed}), RuleDate::none, {}, Day::end};

inline bool uses_capacity(PipelineState s) {
    return k_uses_capacity.states & (1u << static_cast<unsigned>(s));
}

StageDates<Date> stage_dates(const PermitRecord& p);

} // namespace bostad
