#pragma once
// The report's tables, built once from ReportData and written as HTML, XLSX and CSV alike, so every
// format shows the same numbers (which are the `bostad status` numbers).

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "report/report_data.hpp"

namespace bostad::report {

enum class Lang { sv, en };

/// The Swedish or the English text.
inline std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::sv ? sv : en); }

using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
    std::string id;    ///< file and sheet name: "areas", "new_permits", …
    std::string title; ///< in the report's language
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
};

std::vector<Table> report_tables(const ReportData& d, Lang lang);

/// A cell as text: integers as they are, reals with `decimals`, empty for none.
std::string cell_text(const Cell& c, int decimals = 0);

/// The name of a municipality, or "both together" for the code "".
std::string headline_name(const Headline& h, Lang lang);

} // namespace bostad::report
