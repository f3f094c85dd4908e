#pragma once
// The report's tables as one XLSX workbook (libxlsxwriter): one sheet per table, text written as text
// (never as a formula), numbers as numbers, days as dates (YYYY-MM-DD). Written row by row in constant memory.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "report/tables.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace bostad::report {

/// Rows of a sheet in Excel and LibreOffice at most.
inline constexpr std::size_t k_sheet_rows = 1'048'576;

/// A workbook written sheet by sheet: each table added becomes the next sheet, its rows written at once (to a
/// temporary file in `scratch`; empty: the system's folder); close() compresses the sheets into the file. A
/// table longer than a sheet holds (`max_rows`, with its title and header) keeps its first rows and a last row
/// naming its CSV file.
class XlsxWorkbook {
public:
    XlsxWorkbook(std::string path, const std::string& title, const std::string& scratch = {}, std::size_t max_rows = k_sheet_rows);
    void add(const Table& table);
    /// Writes the file. Without it the file is left incomplete (the caller's staged output is thrown away).
    void close();

private:
    struct Closer {
        void operator()(lxw_workbook* wb) const noexcept;
    };
    /// A day as a date cell; text that is not a day (or one Excel cannot count) as text.
    void write_day(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, const std::string& iso, const std::string& sheet);
    std::string m_path;
    std::string m_tmpdir, m_title, m_author; ///< libxlsxwriter may keep the pointers: they live as long as the workbook
    std::size_t m_max_rows;
    std::unique_ptr<lxw_workbook, Closer> m_wb;
    lxw_format* m_bold = nullptr; ///< the workbook's
    lxw_format* m_date = nullptr; ///< the workbook's
};

/// Every table into one workbook at `path`.
void write_xlsx(const std::string& path, const std::vector<Table>& tables, const std::string& title, const std::string& scratch = {},
                std::size_t max_rows = k_sheet_rows);

} // namespace bostad::report
