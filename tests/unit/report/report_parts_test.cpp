// The report's parts (report/) from a ReportData made here, without a store: the tables follow the table of
// figures, cells print as they should, the HTML is whole and escapes what it shows, the SVG pictures have a
// bar per month and step, and the XLSX workbook is written.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/figures.hpp"
#include "report/html.hpp"
#include "report/svg.hpp"
#include "report/tables.hpp"
#include "report/xlsx.hpp"
#include "support/temp_dir.hpp"

namespace bostad::report {
namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

ReportData small_report() {
    ReportData d;
    d.request.month = Month(2026, 10);
    d.request.area_set = "distrikt";
    d.status.month = d.request.month;
    Figures f;
    f.planned = 120;
    f.remaining_capacity = 80;
    f.dwellings[Figure::granted] = 7;
    f.dwellings[Figure::granted_in_month] = 3;
    f.dwellings[Figure::completed_in_month] = 2;
    f.unknown_dwellings[Figure::granted] = 4; // a decision list: four bygglov without a dwelling count
    f.unknown_dwellings[Figure::started] = 1;
    f.unknown_dwellings[Figure::granted_in_month] = 2; // a flow: not added again
    d.status.areas.push_back({"D1", "Centrum <öst>", "1290", f});
    d.status.total = f;
    d.status.municipalities.push_back({"1290", "Kristianstad", f, {}, {}, {}, {}, 3, 0, {}, {}});
    Headline both{"", "", {}, 0, 0, 0, 0, f, {}, {}};
    for (int i = 0; i < k_series_months; ++i) both.series.push_back({d.request.month.plus(i - k_series_months + 1), i % 3, i % 2});
    both.this_month = both.series.back();
    d.headlines.push_back(both);
    return d;
}

TEST(ReportTables, FigureColumnsFollowTheTableOfFigures) {
    const ReportData d = small_report();
    const auto tables = report_tables(d, Lang::sv);
    const auto areas = std::find_if(tables.begin(), tables.end(), [](const Table& t) { return t.id == "areas"; });
    ASSERT_NE(areas, tables.end());
    ASSERT_EQ(areas->header.size(), 5 + k_figure_count + 1);
    for (const auto& def : figure_defs()) EXPECT_EQ(areas->header[5 + static_cast<std::size_t>(def.id)], def.sv);
    EXPECT_EQ(areas->header.back(), "Bygglov utan antal bostäder");
    const auto& row = areas->rows.front();
    EXPECT_EQ(cell_text(row.back()), "5") << "the permits of every stage whose dwellings are unknown";
    EXPECT_EQ(cell_text(row[5 + static_cast<std::size_t>(Figure::granted_in_month)]), "3");
    EXPECT_EQ(cell_text(row[3], 1), "120.0");
    const auto english = report_tables(d, Lang::en);
    EXPECT_EQ(english[2].header[5 + static_cast<std::size_t>(Figure::granted_in_month)], "Granted in month");
    EXPECT_EQ(cell_text(Cell{}), "");
}

TEST(ReportHtml, IsOneDocumentThatEscapesWhatItShows) {
    const ReportData d = small_report();
    const auto tables = report_tables(d, Lang::sv);
    const std::string html = report_html(d, tables, Lang::sv, "Bostäder & mål", "2026-11-05 07:00 UTC");
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("</html>"), std::string::npos);
    EXPECT_NE(html.find("Centrum &lt;öst&gt;"), std::string::npos);
    EXPECT_EQ(html.find("Centrum <öst>"), std::string::npos);
    EXPECT_NE(html.find("Bostäder &amp; mål"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos) << "no scripts";
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org")) << "no network resources but SVG's namespace";
}

TEST(ReportSvg, ChartAndFunnelDrawEveryMonthAndStep) {
    const ReportData d = small_report();
    const std::string chart = svg_chart(d.headlines.front(), Lang::sv);
    EXPECT_EQ(chart.rfind("<svg", 0), 0u);
    EXPECT_GE(count_of(chart, "<rect"), static_cast<std::size_t>(k_series_months)) << "a bar per month at least";
    const std::string funnel = svg_funnel(d.headlines.front(), Lang::en);
    EXPECT_EQ(count_of(funnel, "<rect"), 5u);
    EXPECT_NE(funnel.find(">Granted<"), std::string::npos) << "the figure's label";
}

TEST(ReportXlsx, WritesAWorkbook) {
    const ReportData d = small_report();
    test::TempDir dir;
    const std::string path = dir.file("r.xlsx");
    write_xlsx(path, report_tables(d, Lang::sv), "Rapport");
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

} // namespace
} // namespace bostad::report
