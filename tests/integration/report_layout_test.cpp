// The report on paper and on screen: no word of the PDF outside its page's margins (read back with poppler's
// `pdftotext -bbox`), wide tables on landscape pages, table headers repeated on every page a table spans, the
// title, month and page number in every footer, and month labels of the chart that never overlap — on the
// example and on a large generated project (long names, long lists, many areas).
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/text.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

struct PdfWord {
    std::string text;
    double x0, y0, x1, y1;
};

struct PdfPage {
    double width = 0, height = 0;
    std::vector<PdfWord> words;

    bool has(const std::string& text) const {
        for (const auto& w : words) {
            if (w.text == text) return true;
        }
        return false;
    }
    bool landscape() const { return width > height; }
};

/// Every page of the PDF with its words' boxes, in points from the top left.
std::vector<PdfPage> pdf_pages(const fs::path& pdf) {
    const auto r = run_process({"/usr/bin/pdftotext", "-bbox", pdf.string(), "-"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<PdfPage> pages;
    static const std::regex page_re(R"re(<page width="([\d.]+)" height="([\d.]+)">)re");
    static const std::regex word_re(R"re(<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>)re");
    std::smatch m;
    for (const auto& line : split(r.out, '\n')) {
        if (std::regex_search(line, m, page_re)) {
            pages.push_back({std::stod(m[1]), std::stod(m[2]), {}});
        } else if (!pages.empty() && std::regex_search(line, m, word_re)) {
            pages.back().words.push_back({m[5], std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
        }
    }
    return pages;
}

/// The PDF's layout rules; `rows_of` names, per table header word, a pattern of words in its rows: every
/// landscape page (where the tables and lists are) holding such a word holds the header word too (the header
/// is repeated).
void expect_laid_out(const fs::path& pdf, const std::string& footer, const std::map<std::string, std::regex>& rows_of) {
    const auto pages = pdf_pages(pdf);
    ASSERT_GE(pages.size(), 4u);
    // The page's margins are 12 mm (34 pt) at the sides; a word may not reach into the outer 28 pt.
    constexpr double k_edge = 28;
    std::size_t landscape = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto& page = pages[p];
        landscape += page.landscape();
        for (const auto& w : page.words) {
            EXPECT_TRUE(w.x0 >= k_edge && w.x1 <= page.width - k_edge && w.y0 >= 0 && w.y1 <= page.height)
                << pdf.filename() << " page " << p + 1 << ": '" << w.text << "' at x " << w.x0 << "–" << w.x1 << ", y " << w.y0
                << "–" << w.y1 << " lies outside the page (" << page.width << " × " << page.height << ")";
        }
        // The footer: the title with its month, and "Sida N / total".
        std::string bottom;
        for (const auto& w : page.words) {
            if (w.y0 > page.height - 45) bottom += w.text + " ";
        }
        EXPECT_NE(bottom.find(footer), std::string::npos) << "page " << p + 1 << " footer: " << bottom;
        EXPECT_NE(bottom.find(fmt::format("Sida {} / {}", p + 1, pages.size())), std::string::npos) << "page " << p + 1 << ": " << bottom;
        for (const auto& [header, rows] : rows_of) {
            bool row_here = false;
            for (const auto& w : page.words) row_here = row_here || std::regex_match(w.text, rows);
            if (row_here && page.landscape()) {
                EXPECT_TRUE(page.has(header)) << "page " << p + 1 << " holds rows but not the header '" << header << "'";
            }
        }
    }
    EXPECT_GT(landscape, 0u) << "the wide tables are on landscape pages";
}

/// The x positions and texts of the chart's month labels (the SVG's text at the axis), chart by chart.
std::vector<std::vector<std::pair<double, std::string>>> month_labels(const std::string& html) {
    std::vector<std::vector<std::pair<double, std::string>>> charts;
    static const std::regex label(R"re(<text x="([\d.]+)" y="[\d.]+" font-size="(\d+)">(\d{4}-\d{2})</text>)re");
    std::size_t at = 0;
    while ((at = html.find("class=\"chart\"", at)) != std::string::npos) {
        const std::size_t end = html.find("</svg>", at);
        const std::string svg = html.substr(at, end - at);
        charts.emplace_back();
        for (std::sregex_iterator it(svg.begin(), svg.end(), label), last; it != last; ++it) {
            charts.back().emplace_back(std::stod((*it)[1]), (*it)[3]);
        }
        at = end;
    }
    return charts;
}

void expect_labels_apart(const std::string& html, const std::string& first_month) {
    const auto charts = month_labels(html);
    ASSERT_FALSE(charts.empty());
    for (const auto& labels : charts) {
        ASSERT_GE(labels.size(), 4u) << "a label every quarter or so";
        EXPECT_EQ(labels.front().second, first_month);
        for (std::size_t i = 1; i < labels.size(); ++i) {
            // A label of 7 characters at 10 px is at most 7 × 10 × 0.64 = 44.8 px wide in DejaVu Sans.
            EXPECT_GE(labels[i].first - labels[i - 1].first, 44.8)
                << labels[i - 1].second << " at " << labels[i - 1].first << " and " << labels[i].second << " at " << labels[i].first
                << " overlap";
        }
    }
}

class ReportLayout : public ::testing::Test {
protected:
    TempDir dir;
};

TEST_F(ReportLayout, TheExamplesPdfKeepsEveryWordOnItsPageAndItsChartLabelsApart) {
    const ProcessOptions o = make_example_store(dir.path().string(), {"2026-09", "2026-10"});
    // 2025-11: the 24 months begin in December, next to January (the labels once printed as "2023-12024-01").
    for (const auto& [month, first] : {std::pair{"2026-10", "2024-11"}, std::pair{"2025-11", "2023-12"}}) {
        const std::string out = dir.file(std::string("r") + month);
        const auto r = run_bostad({"report", "--month", month, "-o", out, "--format", "html,pdf"}, o);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        expect_labels_apart(read_file(fs::path(out) / fmt::format("rapport-{}.html", month)), first);
        expect_laid_out(fs::path(out) / fmt::format("rapport-{}.pdf", month), fmt::format("– {}", month),
                        {{"Diarienummer", std::regex(R"(BN)")}, {"Område", std::regex(R"(129[03]-\d\d)")}});
    }
}

/// A project larger than the example in every direction the layout feels: 64 areas with long names, long
/// property names, and lists longer than the report shows.
void write_large_project(const fs::path& dir) {
    std::string areas = "area_id,name,municipality,wkt\n";
    for (int i = 0; i < 8; ++i) {
        for (int j = 0; j < 8; ++j) {
            const double x = 436000 + i * 1500, y = 6199000 + j * 1500;
            areas += fmt::format("D{0:02},\"Distriktet med ett mycket långt namn nummer {0} i Kristianstads kommun\",1290,"
                                 "\"POLYGON (({1} {2}, {3} {2}, {3} {4}, {1} {4}, {1} {2}))\"\n",
                                 i * 8 + j, x, y, x + 1500, y + 1500);
        }
    }
    write_file(dir / "areas.csv", areas);
    std::string permits = "case_id,municipality,property,house_type,tenure,dwellings,applied_date,granted_date,started_date,x,y\n";
    for (int i = 0; i < 1200; ++i) {
        const bool fresh = i % 2 == 0; // applied in the month (a new application) or stalled since 2025
        permits += fmt::format("BN 2026-{:06},1290,KRISTIANSTAD LÅNGA FASTIGHETSBETECKNINGEN-KVARTERET {}:{},flerbostadshus,"
                               "bostadsrätt,{},{},,,{},{}\n",
                               i, i, 1000 + i, 1 + i % 40, fresh ? "2026-10-05" : "2025-06-10", 436100 + (i * 37) % 11800,
                               6199100 + (i * 53) % 11800);
    }
    write_file(dir / "permits.csv", permits);
    write_file(dir / "bostad.toml", "[[municipality]]\ncode = \"1290\"\n[report]\ntitle = \"Bostadsbyggandet i en stor kommun med en "
                                    "lång rubrik\"\n");
}

TEST_F(ReportLayout, ALargeProjectsPdfKeepsEveryWordOnItsPageAndRepeatsItsHeaders) {
    write_large_project(dir.path());
    ProcessOptions o;
    o.cwd = dir.path().string();
    ASSERT_EQ(run_bostad({"init", "-q"}, o).exit_code, 0);
    auto r = run_bostad({"ingest", "areas.csv", "--kind", "areas", "--area-set", "d", "--crs", "EPSG:3006", "-q"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_bostad({"--of", "json", "ingest", "permits.csv", "--kind", "permits", "--crs", "EPSG:3006"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_NE(r.out.find("\"inserted\": 1200"), std::string::npos) << r.out;
    r = run_bostad({"report", "--month", "2026-10", "-o", "r", "--format", "html,pdf", "--area-set", "d"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const fs::path pdf = dir.path() / "r" / "rapport-2026-10.pdf";
    expect_laid_out(pdf, "– 2026-10", {{"Diarienummer", std::regex(R"(2026-\d{6})")}, {"Område", std::regex(R"(D\d\d)")}});
    EXPECT_GE(pdf_pages(pdf).size(), 12u) << "lists over several pages: 600 new applications and 600 stalled (100 of each shown)";
    expect_labels_apart(read_file(dir.path() / "r" / "rapport-2026-10.html"), "2024-11");
}

} // namespace
} // namespace bostad::test
