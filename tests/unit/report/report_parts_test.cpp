// The report's parts (report/) from a ReportData made here, without a store: the tables follow the table of
// figures, cells print as they should, the HTML is whole and escapes what it shows, the SVG pictures have a
// bar per month and step, and the XLSX workbook is written.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <numbers>

#include <fmt/format.h>

#include <cpl_string.h>
#include <cpl_vsi.h>

#include "core/figures.hpp"
#include "gdal/runtime.hpp"
#include "report/html.hpp"
#include "report/svg.hpp"
#include "report/tables.hpp"
#include "report/xlsx.hpp"
#include "support/ogr_read.hpp"
#include "support/temp_dir.hpp"
#include "support/wkb.hpp"

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
    d.status.municipalities.push_back({"1290", "Kristianstad", f, {}, {}, {}, {}, 3, 0, {}, {}, {}});
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

aggregate::ListedPermit listed(std::string case_id) {
    return {"1290", std::move(case_id), "FAST 1", "", "", 4, "D1", "2025-01-02", "2025-02-03", "", ""};
}

TEST(ReportTables, ListsMakeTheirRowsFromTheReportDataWhenWritten) {
    ReportData d = small_report();
    d.stalled = {listed("A/1"), listed("A/2"), listed("A/3")};
    d.lapsing.push_back({listed("B/1"), "2027-02-03"});
    const auto tables = report_tables(d, Lang::sv);
    const auto find = [&](const std::string& id) { return *std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.id == id; }); };
    const Table& stalled = find("stalled");
    EXPECT_TRUE(stalled.rows.empty()) << "a list is not copied into the table";
    ASSERT_EQ(stalled.size(), 3u);
    std::vector<std::string> cases;
    stalled.for_rows([&](const Row& r) { cases.push_back(cell_text(r[1])); });
    EXPECT_EQ(cases, (std::vector<std::string>{"A/1", "A/2", "A/3"}));
    cases.clear();
    stalled.for_rows([&](const Row& r) { cases.push_back(cell_text(r[1])); }, 2);
    EXPECT_EQ(cases.size(), 2u) << "a limit";
    const Table& lapsing = find("lapsing");
    ASSERT_EQ(lapsing.size(), 1u);
    lapsing.for_rows([&](const Row& r) {
        EXPECT_EQ(r.size(), lapsing.header.size());
        EXPECT_EQ(cell_text(r.back()), "2027-02-03") << "the last day to start";
    });
}

TEST(ReportHtml, ANationalAreaTableShowsItsFirstRowsAndThePermitsInNoArea) {
    ReportData d = small_report();
    d.status.areas.clear();
    for (int i = 0; i < 400; ++i) d.status.areas.push_back({fmt::format("D{:03}", i), "", "1290", {}});
    const std::string html = report_html(d, report_tables(d, Lang::sv), Lang::sv, "Rapport", "2026-11-05 07:00 UTC");
    EXPECT_NE(html.find("<td>D299</td>"), std::string::npos);
    EXPECT_EQ(html.find("<td>D300</td>"), std::string::npos) << "the first 300 rows only";
    EXPECT_NE(html.find("Utanför alla områden"), std::string::npos) << "the row of the permits in no area is kept";
    EXPECT_NE(html.find("Visar de första 300 av 401 raderna; alla finns i csv/areas.csv"), std::string::npos);
}

/// A polygon of n vertices on a circle.
std::vector<std::uint8_t> ring_wkb(double x, double y, double r, int n) {
    std::vector<std::pair<double, double>> ring;
    for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * i / n;
        ring.emplace_back(x + r * std::cos(a), y + r * std::sin(a));
    }
    ring.push_back(ring.front());
    return test::polygon_wkb(ring);
}

TEST(ReportSvg, MapDrawsOutlinesAtItsScaleAndADotPerPixel) {
    ReportData d = small_report();
    // A district of 20 000 vertices fills the map (some 2 000 pixels round: a vertex every 0.1 pixel).
    d.areas.push_back({"D1", "Rund", "1290", 10, ring_wkb(450000, 6200000, 1000, 20000)});
    // 1 000 permits on one spot and one elsewhere: two dots.
    for (int i = 0; i < 1000; ++i) d.permits.push_back({450000, 6200000, "1290", "applied"});
    d.permits.push_back({450500, 6200000, "1290", "applied"});
    std::string map = svg_map(d, "", Lang::sv);
    EXPECT_EQ(count_of(map, "r=\"2.2\"/>"), 2u) << "dots on the same pixel are drawn once";
    EXPECT_EQ(map.find("visas"), std::string::npos) << "no thinning to note";
    const auto path = map.find("<path d=\"");
    ASSERT_NE(path, std::string::npos);
    const std::size_t vertices = count_of(map.substr(path, map.find('"', path + 9) - path), "L") + 1;
    EXPECT_GT(vertices, 1000u) << "the ring keeps its shape";
    EXPECT_LT(vertices, 2500u) << "vertices closer than a pixel to the last one drawn are left out";

    // 40 000 permits on as many pixels: thinned to at most 5 000 dots, and the legend says so.
    d.permits.clear();
    for (int i = 0; i < 200; ++i) {
        for (int j = 0; j < 200; ++j) d.permits.push_back({449300 + i * 7.0, 6199300 + j * 7.0, "1290", "started"});
    }
    map = svg_map(d, "", Lang::sv);
    EXPECT_LE(count_of(map, "r=\"2.2\"/>"), 5000u);
    EXPECT_GE(count_of(map, "r=\"2.2\"/>"), 4000u);
    EXPECT_NE(map.find(">40000 bygglov i 40000 punkter,<"), std::string::npos);
    EXPECT_NE(map.find(">var 8:e visas<"), std::string::npos);
}

TEST(ReportXlsx, WritesAWorkbook) {
    const ReportData d = small_report();
    test::TempDir dir;
    const std::string path = dir.file("r.xlsx");
    write_xlsx(path, report_tables(d, Lang::sv), "Rapport");
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_GT(std::filesystem::file_size(path), 1000u);
}

/// A member of a zip archive, read whole through GDAL's /vsizip/.
std::string zip_member(const std::string& zip, const std::string& member) {
    gdal::ensure_initialized();
    std::string out;
    VSILFILE* f = VSIFOpenL(("/vsizip/" + zip + "/" + member).c_str(), "rb");
    if (!f) return out;
    char buf[4096];
    for (std::size_t got; (got = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) out.append(buf, got);
    VSIFCloseL(f);
    return out;
}

/// The XML of the workbook's sheet whose text holds `marker` (libxlsxwriter writes text inline in constant memory).
std::string sheet_xml_with(const std::string& xlsx, const std::string& marker) {
    gdal::ensure_initialized();
    std::unique_ptr<char*, decltype(&CSLDestroy)> names(VSIReadDir(("/vsizip/" + xlsx + "/xl/worksheets").c_str()), &CSLDestroy);
    for (char** n = names.get(); n && *n; ++n) {
        std::string xml = zip_member(xlsx, std::string("xl/worksheets/") + *n);
        if (xml.find(marker) != std::string::npos) return xml;
    }
    return {};
}

// Days are dates in the workbook (a number with a date format), so that a spreadsheet sorts and filters by them;
// text stays text.
TEST(ReportXlsx, DaysAreDatesAndTextIsText) {
    ReportData d = small_report();
    d.stalled = {listed("S/1")};
    d.stalled[0].granted = "2024-02-03";
    d.stalled[0].started = "1899-06-01"; // before Excel counts days right: kept as text
    test::TempDir dir;
    const std::string path = dir.file("r.xlsx");
    write_xlsx(path, report_tables(d, Lang::sv), "Rapport");
    const std::string sheet = sheet_xml_with(path, "S/1");
    ASSERT_FALSE(sheet.empty()) << "no sheet holds the stalled permit";
    const std::size_t granted = sheet.find("<c r=\"I3\"");
    ASSERT_NE(granted, std::string::npos) << sheet;
    const std::string cell = sheet.substr(granted, sheet.find("</c>", granted) - granted);
    EXPECT_NE(cell.find("<v>45325</v>"), std::string::npos) << "2024-02-03 is day 45325: " << cell;
    EXPECT_EQ(cell.find("t=\""), std::string::npos) << "a number, not text: " << cell;
    const std::size_t started = sheet.find("<c r=\"J3\"");
    ASSERT_NE(started, std::string::npos);
    EXPECT_NE(sheet.substr(started, 120).find("1899-06-01"), std::string::npos) << "kept as text";
    EXPECT_NE(sheet.find(">S/1<"), std::string::npos) << "the case id is text";
    // The date cells carry a style whose number format is a date.
    const std::string styles = zip_member(path, "xl/styles.xml");
    EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << styles;
    EXPECT_NE(cell.find(" s=\""), std::string::npos) << "the date cell has a style: " << cell;
}

TEST(ReportXlsx, AListLongerThanASheetKeepsItsFirstRowsAndNamesItsCsv) {
    ReportData d = small_report();
    for (int i = 0; i < 10; ++i) d.stalled.push_back(listed(fmt::format("S/{}", i)));
    test::TempDir dir;
    const std::string path = dir.file("r.xlsx");
    write_xlsx(path, report_tables(d, Lang::sv), "Rapport", dir.path().string(), 6);
    // GDAL reads every row as a feature (the title row is not a header alone): title, header, 3 rows, the note.
    const test::OgrLayer sheet = test::read_layer(path, "stalled");
    ASSERT_EQ(sheet.rows.size(), 6u) << "the sheet's six rows";
    std::string all;
    for (const auto& row : sheet.rows) {
        for (const auto& [k, v] : row.fields) all += v + "|";
    }
    EXPECT_NE(all.find("S/0|"), std::string::npos);
    EXPECT_NE(all.find("S/2|"), std::string::npos);
    EXPECT_EQ(all.find("S/3|"), std::string::npos) << "rows beyond the sheet are left out";
    EXPECT_NE(all.find("… 7 more rows: every row is in csv/stalled.csv"), std::string::npos) << all;
    // A table that fits is whole: title, header, the area and the row in no area.
    EXPECT_EQ(test::read_layer(path, "areas").rows.size(), 4u);
}

} // namespace
} // namespace bostad::report
