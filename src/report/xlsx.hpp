#pragma once
// The report's tables as one XLSX workbook (libxlsxwriter): one sheet per table, text written as text
// (never as a formula), numbers as numbers. Written row by row in constant memory.

#include <cstddef>
#include <string>
#include <vector>

#include "report/tables.hpp"

namespace bostad::report {

/// Rows of a sheet in Excel and LibreOffice at most.
inline constexpr std::size_t k_sheet_rows = 1'048'576;

/// `scratch`: a folder for the workbook's temporary files (empty: the system's). A table longer than a sheet
/// holds (`max_rows`, with its title and header) keeps its first rows and a last row naming its CSV file.
void write_xlsx(const std::string& path, const std::vector<Table>& tables, const std::string& title, const std::string& scratch = {},
                std::size_t max_rows = k_sheet_rows);

} // namespace bostad::report
