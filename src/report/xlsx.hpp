#pragma once
// The report's tables as one XLSX workbook (libxlsxwriter): one sheet per table, text written as text
// (never as a formula), numbers as numbers.

#include <string>
#include <vector>

#include "report/tables.hpp"

namespace bostad::report {

void write_xlsx(const std::string& path, const std::vector<Table>& tables, const std::string& title);

} // namespace bostad::report
