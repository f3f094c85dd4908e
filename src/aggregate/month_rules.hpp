#pragma once
// The days a status compares permit dates with, as ISO text (ISO dates sort like dates, so the store's date
// text is compared without parsing), and a permit's stage dates read from a statement without copies.

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/pipeline.hpp"

namespace bostad::sqlite {
class Statement;
}

namespace bostad::aggregate {

using Text = std::string_view;

/// The end of a month D and the days the rules of core/pipeline.hpp compare with.
struct MonthDays {
    std::string d;           ///< the month's last day
    std::string lapse;       ///< the latest grant day whose 2 years ran out before D
    std::string overdue;     ///< the same for 5 years
    std::string stalled;     ///< D − the stalled months
    std::string month_start; ///< the month's first day
    std::string year_start;  ///< 1 January of D's year
    std::string lead_after;  ///< D − 12 months: lead times count steps ended after it

    Cutoffs<Text> cutoffs() const { return {d, lapse, overdue, stalled}; }
};

MonthDays month_days(Month month, int stalled_months);

/// The permit columns the status reads, in this order; the stage dates start at k_first_date.
inline constexpr const char* k_permit_columns =
    "p.fid, p.municipality, p.house_type, p.tenure, p.dwellings, p.dwellings_removed, p.applied_date, "
    "p.granted_date, p.started_date, p.completed_date, p.refused_date, p.withdrawn_date";
inline constexpr int k_first_date = 6;

/// A column's text, or none for NULL; valid until the statement steps.
std::optional<Text> text_at(const sqlite::Statement& st, int col);

/// The six stage dates from column `first` on (k_permit_columns order).
StageDates<Text> dates_at(const sqlite::Statement& st, int first);

/// From `first` to `last`, both included.
inline bool between(const std::optional<Text>& v, const std::string& first, const std::string& last) {
    return v && *v >= first && *v <= last;
}

/// Granted, started or completed at the end of the month: counted against a plan's capacity.
inline bool uses_capacity(PipelineState s) {
    return s == PipelineState::granted || s == PipelineState::started || s == PipelineState::completed;
}

} // namespace bostad::aggregate
