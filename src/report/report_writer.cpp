#include "report/report_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/crash_point.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/staged_output.hpp"
#include "core/text_file.hpp"
#include "report/html.hpp"
#include "report/pdf.hpp"
#include "report/xlsx.hpp"

namespace bostad::report {
namespace {

namespace fs = std::filesystem;

/// A table as CSV, row by row.
void write_csv_table(const fs::path& path, const Table& t) {
    TextFileWriter out(path);
    out.write(csv_record(t.header, ','));
    std::vector<std::string> fields;
    t.for_rows([&](const Row& row) {
        fields.clear();
        for (const auto& c : row) {
            // Text that a spreadsheet would run as a formula is escaped; numbers are written as numbers.
            fields.push_back(std::holds_alternative<std::string>(c) ? formula_safe(cell_text(c)) : cell_text(c, 1));
        }
        out.write(csv_record(fields, ','));
    });
    out.close();
}

/// "2026-11-28 02:37 UTC", for people.
std::string generated_at() {
    const std::string now = utc_now();
    return now.substr(0, 10) + " " + now.substr(11, 5) + " UTC";
}

} // namespace

ReportSummary write_report(store::Store& store, const ReportOptions& opt) {
    for (const auto& f : opt.formats) {
        if (f != "html" && f != "pdf" && f != "xlsx" && f != "csv") {
            throw UsageError(fmt::format("--format: '{}' is not one of html, pdf, xlsx, csv", f));
        }
    }
    StagedOutput out(opt.output_dir, StagedOutput::Kind::folder, opt.overwrite);
    const std::string base = fmt::format("{}-{}", opt.lang == Lang::sv ? "rapport" : "report", opt.request.month.str());
    const fs::path dir = out.staging();
    fs::create_directories(dir);
    const fs::path scratch = dir / ".work";
    fs::create_directories(scratch);
    ReportSummary summary;
    const auto wants = [&](const char* f) { return std::find(opt.formats.begin(), opt.formats.end(), f) != opt.formats.end(); };
    // The workbook's sheets but the forecast's are written while the forecast is made (its tables come last).
    std::optional<XlsxWorkbook> workbook;
    std::vector<std::string> early_sheets;
    const auto write_early_sheets = [&](const ReportData& partial) {
        workbook.emplace((dir / (base + ".xlsx")).string(), opt.title, scratch.string());
        for (const Table& t : report_tables(partial, opt.lang)) {
            workbook->add(t);
            early_sheets.push_back(t.id);
        }
    };
    const ReportData data = gather(store, opt.request, wants("xlsx") ? std::function<void(const ReportData&)>(write_early_sheets) : nullptr);
    crash_point("report.gathered");
    const std::vector<Table> tables = report_tables(data, opt.lang);

    // The workbook's last sheets; its compression, the slowest part of it, runs beside the other formats.
    std::future<void> workbook_closed;
    if (workbook) {
        for (std::size_t i = 0; i < tables.size(); ++i) {
            if (i >= early_sheets.size()) workbook->add(tables[i]);
            else if (tables[i].id != early_sheets[i]) throw InternalError(fmt::format("the report's sheet {} changed", early_sheets[i]));
        }
        workbook_closed = std::async(std::launch::async, [&workbook] { workbook->close(); });
    }

    const std::string html = report_html(data, tables, opt.lang, opt.title, generated_at());
    const fs::path html_path = (wants("html") ? dir : scratch) / (base + ".html");
    write_text_file(html_path, html);
    if (wants("html")) summary.files.push_back(base + ".html");
    crash_point("report.html_written");
    if (wants("pdf")) {
        write_pdf(html_path, dir / (base + ".pdf"), scratch);
        crash_point("report.pdf_written");
        summary.files.push_back(base + ".pdf");
    }
    if (workbook) summary.files.push_back(base + ".xlsx");
    if (wants("csv")) {
        fs::create_directories(dir / "csv");
        for (const auto& t : tables) {
            write_csv_table(dir / "csv" / (t.id + ".csv"), t);
            crash_point("report.csv_written");
            summary.files.push_back("csv/" + t.id + ".csv");
        }
    }
    if (workbook_closed.valid()) workbook_closed.get();
    fs::remove_all(scratch);
    crash_point("report.files_written");
    out.commit();
    summary.dir = out.target().string();
    summary.headlines = data.headlines;
    return summary;
}

} // namespace bostad::report
