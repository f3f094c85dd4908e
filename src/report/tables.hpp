#pragma once
// The report's tables, built once from ReportData and written as HTML, XLSX and CSV alike, so every
// format shows the same numbers (which are the `bostad status` numbers).

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "report/report_data.hpp"

namespace bostad::report {

enum class Lang { sv, en };

/// The Swedish or the English text.
inline std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::sv ? sv : en); }

/// A calendar day, YYYY-MM-DD as stored: text in HTML and CSV, a date (a number with a date format) in XLSX, so
/// that a spreadsheet sorts, filters and counts by it.
struct IsoDate {
    std::string text;
};

using Cell = std::variant<std::monostate, std::string, std::int64_t, double, IsoDate>;

using Row = std::vector<Cell>;

/// A table of the report. Small tables hold their rows; the permit lists (hundreds of thousands of rows at a
/// national scale) make each row when it is written, from the report's data, so that the rows are never held
/// twice (HTML shows the first of them, CSV and XLSX stream them all).
struct Table {
    std::string id;    ///< file and sheet name: "areas", "new_permits", …
    std::string title; ///< in the report's language
    std::vector<std::string> header;
    std::vector<Row> rows;                       ///< a small table's rows
    std::size_t made_rows = 0;                   ///< a list's row count
    std::function<Row(std::size_t)> make_row{};  ///< a list's row i (0 ≤ i < made_rows)

    std::size_t size() const { return make_row ? made_rows : rows.size(); }
    /// Calls `f` with each of the first `limit` rows, in order.
    void for_rows(const std::function<void(const Row&)>& f, std::size_t limit = std::numeric_limits<std::size_t>::max()) const;
};

/// The tables refer to `d` (the lists are not copied): keep it while they are written.
std::vector<Table> report_tables(const ReportData& d, Lang lang);

/// A cell as text: integers as they are, reals with `decimals`, empty for none.
std::string cell_text(const Cell& c, int decimals = 0);

/// The name of a municipality, or "both together" for the code "".
std::string headline_name(const Headline& h, Lang lang);

} // namespace bostad::report
