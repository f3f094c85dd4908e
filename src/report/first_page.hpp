#pragma once
// The report's first page in words: what happened in the month and what it means, in 3 to 6 sentences
// written from the figures the report already holds (the status of the month and of the month a year
// before, the monthly series, the targets, the areas and the plans). No sentence is canned: each is computed,
// and left out when its figures are missing (no target, no history a year back, nothing stalled).

#include <string>
#include <vector>

#include "report/report_data.hpp"
#include "report/tables.hpp"

namespace bostad::report {

std::vector<std::string> first_page_sentences(const ReportData& d, Lang lang);

/// "oktober 2026" or "October 2026".
std::string month_name(Month m, Lang lang);

} // namespace bostad::report
