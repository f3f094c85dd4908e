#pragma once
// The report's tables as one XLSX workbook (libxlsxwriter): one sheet per table, text written as text
// (never as a formula), numbers as numbers. Written row by row in constant memory.

#include <string>
#include <vector>

#include "report/tables.hpp"

namespace bostad::report {

/// `scratch`: a folder for the workbook's temporary files (empty: the system's).
void write_xlsx(const std::string& path, const std::vector<Table>& tables, const std::string& title, const std::string& scratch = {});

} // namespace bostad::report
