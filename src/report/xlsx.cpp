#include "report/xlsx.hpp"

#include <memory>
#include <optional>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "core/crash_point.hpp"
#include "core/date.hpp"
#include "core/error.hpp"

namespace bostad::report {
namespace {

void check(lxw_error e, const std::string& path, const std::string& what) {
    if (e != LXW_NO_ERROR) throw IoError(fmt::format("{}: cannot write {}: {}", path, what, lxw_strerror(e)));
}

/// The day as a spreadsheet's serial number (days since 1899-12-30); nullopt for text that is not a day, and for
/// days before 1900-03-01, which Excel counts differently.
std::optional<double> serial_day(const std::string& iso) {
    constexpr std::int32_t k_1970_in_excel = 25569;
    constexpr std::int32_t k_first_safe = -25508; // 1900-03-01 in days since 1970-01-01
    const auto d = Date::parse_iso(iso);
    if (!d || d->days() < k_first_safe) return std::nullopt;
    return static_cast<double>(d->days() + k_1970_in_excel);
}

} // namespace

void XlsxWorkbook::Closer::operator()(lxw_workbook* wb) const noexcept {
    if (wb) workbook_close(wb);
}

XlsxWorkbook::XlsxWorkbook(std::string path, const std::string& title, const std::string& scratch, std::size_t max_rows)
    : m_path(std::move(path)), m_tmpdir(scratch), m_title(title), m_author("bostad"), m_max_rows(max_rows) {
    // Constant memory: each row goes to a temporary file (in `scratch`) as it is written, with its text inline,
    // instead of the whole workbook and a table of every distinct string in memory (at a national scale the
    // lists have hundreds of thousands of rows). Rows must then be written in order, which they are.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = m_tmpdir.empty() ? nullptr : m_tmpdir.data();
    m_wb.reset(workbook_new_opt(m_path.c_str(), &options));
    if (!m_wb) throw IoError(fmt::format("cannot create '{}'", m_path));
    // libxlsxwriter takes non-const strings but only reads them.
    lxw_doc_properties props{};
    props.title = m_title.data();
    props.author = m_author.data();
    check(workbook_set_properties(m_wb.get(), &props), m_path, "its properties");
    m_bold = workbook_add_format(m_wb.get());
    format_set_bold(m_bold);
    m_date = workbook_add_format(m_wb.get());
    format_set_num_format(m_date, "yyyy-mm-dd");
}

void XlsxWorkbook::add(const Table& t) {
    crash_point("report.sheet");
    const std::string& path = m_path;
    // Sheet names: at most 31 characters, the table id is ASCII and short.
    lxw_worksheet* ws = workbook_add_worksheet(m_wb.get(), t.id.substr(0, 31).c_str());
    if (!ws) throw IoError(fmt::format("{}: cannot add the sheet '{}'", path, t.id));
    worksheet_freeze_panes(ws, 2, 0);
    check(worksheet_write_string(ws, 0, 0, t.title.c_str(), m_bold), path, t.id);
    for (std::size_t c = 0; c < t.header.size(); ++c) {
        check(worksheet_write_string(ws, 1, static_cast<lxw_col_t>(c), t.header[c].c_str(), m_bold), path, t.id);
    }
    // A sheet holds at most max_rows rows: the title, the header, the table's first rows and a last row that
    // says where the rest are.
    const std::size_t room = m_max_rows > 3 ? m_max_rows - 3 : 0;
    const bool cut = t.size() > room + 1;
    lxw_row_t row = 2;
    t.for_rows(
        [&](const Row& cells) {
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                const Cell& cell = cells[c];
                if (const auto* s = std::get_if<std::string>(&cell)) check(worksheet_write_string(ws, row, col, s->c_str(), nullptr), path, t.id);
                else if (const auto* i = std::get_if<std::int64_t>(&cell)) check(worksheet_write_number(ws, row, col, static_cast<double>(*i), nullptr), path, t.id);
                else if (const auto* d = std::get_if<double>(&cell)) check(worksheet_write_number(ws, row, col, *d, nullptr), path, t.id);
                else if (const auto* day = std::get_if<IsoDate>(&cell)) write_day(ws, row, col, day->text, t.id);
            }
            ++row;
        },
        cut ? room : t.size());
    if (cut) {
        const std::string note = fmt::format("… {} more rows: every row is in csv/{}.csv", t.size() - room, t.id);
        check(worksheet_write_string(ws, row, 0, note.c_str(), m_bold), path, t.id);
    }
}

void XlsxWorkbook::write_day(lxw_worksheet* ws, std::uint32_t row, std::uint16_t col, const std::string& iso, const std::string& sheet) {
    if (const auto serial = serial_day(iso)) check(worksheet_write_number(ws, row, col, *serial, m_date), m_path, sheet);
    else check(worksheet_write_string(ws, row, col, iso.c_str(), nullptr), m_path, sheet);
}

void XlsxWorkbook::close() {
    check(workbook_close(m_wb.release()), m_path, "the workbook");
}

void write_xlsx(const std::string& path, const std::vector<Table>& tables, const std::string& title, const std::string& scratch,
                std::size_t max_rows) {
    XlsxWorkbook wb(path, title, scratch, max_rows);
    for (const auto& t : tables) wb.add(t);
    wb.close();
}

} // namespace bostad::report
