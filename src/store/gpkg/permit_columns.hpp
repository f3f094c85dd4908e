#pragma once
// A permit's stage dates read from a GeoPackage statement as ISO text, without copies (ISO dates sort like
// dates, so the store's date text is compared with the cutoffs of core/pipeline.hpp without parsing).

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/pipeline.hpp"

namespace bostad::sqlite {
class Statement;
}

namespace bostad::store::gpkg {

using Text = std::string_view;

/// The permit columns the status reads, in this order; the stage dates start at k_first_date, followed by
/// year_only; a query's own columns start at k_permit_column_count.
inline constexpr const char* k_permit_columns =
    "p.fid, p.municipality, p.house_type, p.tenure, p.dwellings, p.dwellings_removed, p.applied_date, "
    "p.granted_date, p.started_date, p.completed_date, p.refused_date, p.withdrawn_date, p.year_only";
inline constexpr int k_first_date = 6;
inline constexpr int k_permit_column_count = 13;

/// A column's text, or none for NULL; valid until the statement steps.
std::optional<Text> text_at(const sqlite::Statement& st, int col);

/// The six stage dates from column `first` on, and which of them are years alone (k_permit_columns order).
StageDates<Text> dates_at(const sqlite::Statement& st, int first);

} // namespace bostad::store::gpkg
