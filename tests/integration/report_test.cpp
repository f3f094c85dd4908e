// bostad report and bostad monthly on the example project: the report's numbers are the status numbers,
// the HTML opens in headless Chromium without console errors or network requests and draws something,
// the PDF has its pages, embedded fonts and the figures as text, the XLSX holds the tables, and an empty
// month or one before any data still gives a report.
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/text.hpp"
#include "gdal/runtime.hpp"
#include "core/figures.hpp"
#include "support/files.hpp"
#include "support/ogr_read.hpp"
#include "support/process.hpp"
#include "support/store_probe.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class Report : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        const ProcessOptions o = make_example_store(s_dir->path().string(), {"2026-09", "2026-10"});
        // One full report for the tests that only read it.
        const auto r = run_bostad({"report", "--month", "2026-10", "-o", s_dir->file("report")}, o);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        s_status = new json(json::parse(run_bostad({"status", "--month", "2026-10", "--of", "json"}, o).out));
    }
    static void TearDownTestSuite() {
        delete s_status;
        delete s_dir;
    }
    void SetUp() override { opts.cwd = s_dir->file("ex"); }
    ProcessResult bostad(const std::vector<std::string>& args) { return run_bostad(args, opts); }
    static fs::path report(const std::string& file) { return s_dir->path() / "report" / file; }
    /// A CSV table of the report as rows of fields (header first).
    static std::vector<std::vector<std::string>> csv(const fs::path& path) {
        std::vector<std::vector<std::string>> rows;
        for (const auto& line : split(read_file(path), '\n')) {
            std::string l = line;
            if (!l.empty() && l.back() == '\r') l.pop_back();
            if (!l.empty()) rows.push_back(split(l, ','));
        }
        return rows;
    }

    static TempDir* s_dir;
    static json* s_status;
    TempDir dir;
    ProcessOptions opts;
};
TempDir* Report::s_dir = nullptr;
json* Report::s_status = nullptr;

TEST_F(Report, WritesEveryFormat) {
    for (const char* f : {"rapport-2026-10.html", "rapport-2026-10.pdf", "rapport-2026-10.xlsx", "csv/areas.csv", "csv/headlines.csv",
                          "csv/monthly.csv", "csv/stalled.csv", "csv/lapsing.csv", "csv/plans_ending.csv", "csv/rejects.csv"}) {
        EXPECT_TRUE(fs::exists(report(f))) << f;
    }
    EXPECT_FALSE(fs::exists(report(".work"))) << "no scratch files left";
}

TEST_F(Report, NumbersAreTheStatusNumbers) {
    const json& s = *s_status;
    // Per area: every stage figure of the areas table equals status --of json.
    const auto areas = csv(report("csv/areas.csv"));
    std::map<std::string, std::vector<std::string>> by_id;
    for (std::size_t i = 1; i < areas.size(); ++i) by_id[areas[i][0]] = areas[i];
    ASSERT_EQ(s["areas"].size() + 1, areas.size() - 1) << "every area and the unassigned row";
    // Area, name, municipality, planned, unused, then every figure of the table, in its order.
    std::map<std::string, int> columns;
    for (const auto& f : figure_defs()) columns[std::string(f.key)] = 5 + static_cast<int>(f.id);
    ASSERT_EQ(areas[0].size(), 5 + k_figure_count + 1) << "the figures, then the permits without a dwelling count";
    EXPECT_EQ(areas[0][5 + static_cast<std::size_t>(Figure::granted_in_month)], "Beviljade i månaden");
    for (const auto& a : s["areas"]) {
        const auto& row = by_id.at(a["area_id"].get<std::string>());
        for (const auto& [key, col] : columns) EXPECT_EQ(std::stoll(row[static_cast<std::size_t>(col)]), a[key].get<long long>()) << key;
        EXPECT_NEAR(std::stod(row[3]), a["planned"].get<double>(), 0.06);
    }
    // Headlines: the month's flows and the year so far are the status totals.
    const auto head = csv(report("csv/headlines.csv"));
    ASSERT_GE(head.size(), 4u);
    EXPECT_EQ(std::stoll(head[1][1]), s["total"]["started_in_month"].get<long long>());
    EXPECT_EQ(std::stoll(head[1][2]), s["total"]["completed_in_month"].get<long long>());
    EXPECT_EQ(std::stoll(head[1][4]), s["total"]["completed_year_to_date"].get<long long>());
    // The monthly series' last month is the month itself.
    long long completed_in_month = 0;
    for (const auto& row : csv(report("csv/monthly.csv"))) {
        if (row[0] == "2026-10" && row[1] != "Båda kommunerna") completed_in_month += std::stoll(row[3]);
    }
    EXPECT_EQ(completed_in_month, s["total"]["completed_in_month"].get<long long>());
}

TEST_F(Report, ListsFromOnePassAreTheStatusLists) {
    // The report's three permit lists come from one pass over the permits; each must be what `status --list`
    // names, row for row.
    std::size_t listed = 0;
    for (const auto& [id, list] : {std::pair{"new_permits", "new"}, {"completed", "completed"}, {"stalled", "stalled"}}) {
        SCOPED_TRACE(id);
        const json s = json::parse(bostad({"status", "--month", "2026-10", "--of", "json", "--list", list}).out);
        const auto rows = csv(report(fmt::format("csv/{}.csv", id)));
        ASSERT_EQ(rows.size() - 1, s["permits"].size());
        for (std::size_t i = 0; i < s["permits"].size(); ++i) {
            const json& p = s["permits"][i];
            EXPECT_EQ(rows[i + 1][1], p["case_id"].get<std::string>());
            EXPECT_EQ(rows[i + 1][6], p["area_id"].get<std::string>());
            EXPECT_EQ(rows[i + 1][7], p["applied_date"].get<std::string>());
            EXPECT_EQ(rows[i + 1][10], p["completed_date"].get<std::string>());
        }
        listed += s["permits"].size();
    }
    EXPECT_GT(listed, 10u) << "the example's month has permits in its lists";
}

TEST_F(Report, TheSeriesFromOnePassIsEveryMonthsOwnStatus) {
    // The 24 months of the chart come from the month's one permit pass; each must be what that month's own
    // status counts, per municipality.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> series; // (month, name) → row
    for (const auto& row : csv(report("csv/monthly.csv"))) series[{row[0], row[1]}] = row;
    std::size_t months = 0;
    for (Month m = Month(2024, 11); m <= Month(2026, 10); m = m.plus(1), ++months) {
        const json s = json::parse(bostad({"status", "--month", m.str(), "--of", "json"}).out);
        for (const auto& mun : s["municipalities"]) {
            const auto& row = series.at({m.str(), mun["name"].get<std::string>()});
            EXPECT_EQ(std::stoll(row[2]), mun["started_in_month"].get<long long>()) << m.str() << " " << row[1];
            EXPECT_EQ(std::stoll(row[3]), mun["completed_in_month"].get<long long>()) << m.str() << " " << row[1];
        }
        const auto& all = series.at({m.str(), "Båda kommunerna"});
        EXPECT_EQ(std::stoll(all[3]), s["total"]["completed_in_month"].get<long long>()) << m.str();
    }
    EXPECT_EQ(months, 24u);
}

TEST_F(Report, ScbIsComparedOnlyForTheYearsTheStoreCovers) {
    // The example's history begins in November 2019: a year is compared when the store's permits of the kommun
    // begin two years before it, and when it is over.
    const std::string store = s_dir->file("ex/bostad.gpkg");
    const auto official = csv(report("csv/official.csv"));
    ASSERT_GT(official.size(), 1u) << "some years are covered";
    std::map<std::string, int> first_covered;
    for (const auto& [name, code] : {std::pair{"Kristianstad", "1290"}, std::pair{"Hässleholm", "1293"}}) {
        const std::string first = query(store, fmt::format("SELECT min(coalesce(applied_date, granted_date, started_date, "
                                                           "completed_date, refused_date, withdrawn_date)) FROM permits "
                                                           "WHERE municipality = '{}'", code));
        ASSERT_EQ(first.size(), 10u) << code;
        const int year = std::stoi(first.substr(0, 4));
        first_covered[name] = (first.substr(5) == "01-01" ? year : year + 1) + 2;
    }
    std::set<std::string> compared;
    for (std::size_t i = 1; i < official.size(); ++i) {
        const int year = std::stoi(official[i][1]);
        EXPECT_GE(year, first_covered.at(official[i][0])) << official[i][0] << " " << year << " is before the store's history";
        EXPECT_LE(year, 2025);
        compared.insert(official[i][0] + official[i][1]);
    }
    const std::string html = read_file(report("rapport-2026-10.html"));
    EXPECT_NE(html.find(fmt::format("Kristianstad: SCB:s år som inte jämförs: 2015–{} täcks inte av lagret",
                                    first_covered.at("Kristianstad") - 1)),
              std::string::npos);
    EXPECT_EQ(compared.count(fmt::format("Kristianstad{}", first_covered.at("Kristianstad"))), 1u) << "the first covered year";

    // A year not over at the month's end is named, not compared.
    const auto r = bostad({"report", "--month", "2024-06", "-o", dir.file("r2024"), "--format", "html,csv", "--lang", "en"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& row : csv(dir.path() / "r2024" / "csv" / "official.csv")) EXPECT_NE(row[1], "2024");
    EXPECT_NE(read_file(dir.path() / "r2024" / "report-2024-06.html").find("2024 not over at the month"), std::string::npos);
}

/// The first page's paragraph of the report's HTML, its entities read back.
std::string lead_of(const std::string& html) {
    const auto at = html.find("<p class=\"lead\">");
    if (at == std::string::npos) return "";
    const std::string lead = html.substr(at + 16, html.find("</p>", at) - at - 16);
    std::string text;
    for (std::size_t i = 0; i < lead.size();) {
        const bool apostrophe = lead.compare(i, 6, "&apos;") == 0;
        text += apostrophe ? '\'' : lead[i];
        i += apostrophe ? 6 : 1;
    }
    return text;
}

TEST_F(Report, TheFirstPageSaysInWordsWhatTheStatusSays) {
    const json& now = *s_status;
    const json before = json::parse(bostad({"status", "--month", "2025-10", "--of", "json"}).out);
    const std::string lead = lead_of(read_file(report("rapport-2026-10.html")));
    ASSERT_FALSE(lead.empty());

    // Completions in the month against the same month a year before.
    const auto done = now["total"]["completed_in_month"].get<long long>();
    const auto done_before = before["total"]["completed_in_month"].get<long long>();
    const std::string compared = done > done_before   ? fmt::format("{} fler än i oktober 2025 ({})", done - done_before, done_before)
                                 : done < done_before ? fmt::format("{} färre än i oktober 2025 ({})", done_before - done, done_before)
                                                      : "lika många som i oktober 2025";
    EXPECT_NE(lead.find(fmt::format("I oktober 2026 färdigställdes {} bostäder i Kristianstad och Hässleholm, {}.", done, compared)),
              std::string::npos) << lead;

    // Each kommun's year so far and its target's straight path.
    for (const auto& m : now["municipalities"]) {
        const auto& t = m["targets"][0];
        const auto expected = std::llround(t["expected_by_now"].get<double>());
        const auto since = t["completed_since_from"].get<long long>();
        EXPECT_NE(lead.find(fmt::format("{} har i år färdigställt {} bostäder; sedan ", m["name"].get<std::string>(),
                                        m["completed_year_to_date"].get<long long>())),
                  std::string::npos) << lead;
        EXPECT_NE(lead.find(fmt::format("är det {} mot målet {} till och med december 2030, vars raka linje låg på {} vid månadens "
                                        "slut: {} {}.", since, t["dwellings"].get<long long>(), expected,
                                        std::llabs(expected - since), expected > since ? "efter" : "före")),
                  std::string::npos) << lead;
    }

    // The stage that moved most in 12 months.
    std::string stage;
    long long most = 0;
    for (const auto& [key, name] : {std::pair{"applied", "ansökta"}, std::pair{"granted", "beviljade"}, std::pair{"started", "påbörjade"}}) {
        const long long change = now["total"][key].get<long long>() - before["total"][key].get<long long>();
        if (stage.empty() || std::llabs(change) > std::llabs(most)) {
            most = change;
            stage = fmt::format("Pipelinen {} mest i skedet {}: {} bostäder vid månadens slut mot {} i oktober 2025 ({:+}).",
                                change > 0 ? "växer" : "krymper", name, now["total"][key].get<long long>(),
                                before["total"][key].get<long long>(), change);
        }
    }
    EXPECT_NE(lead.find(stage), std::string::npos) << stage << "\n" << lead;

    // The three areas with the most stalled dwellings.
    std::vector<std::pair<long long, std::string>> stalled;
    for (const auto& a : now["areas"]) {
        if (a["stalled"].get<long long>() > 0) stalled.emplace_back(-a["stalled"].get<long long>(), a["name"].get<std::string>());
    }
    std::stable_sort(stalled.begin(), stalled.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    ASSERT_GE(stalled.size(), 3u);
    EXPECT_NE(lead.find(fmt::format("Flest stillastående bostäder finns i {} ({}), {} ({}) och {} ({}).", stalled[0].second,
                                    -stalled[0].first, stalled[1].second, -stalled[1].first, stalled[2].second, -stalled[2].first)),
              std::string::npos) << lead;

    // Plans whose genomförandetid ends within 12 months with capacity left: none in the example, so no sentence.
    const json plans = json::parse(bostad({"status", "--month", "2026-10", "--of", "json", "--list", "plans"}).out);
    long long ending = 0;
    for (const auto& p : plans["plans"]) {
        const std::string end = p["implementation_end"];
        ending += end > "2026-10-31" && end <= "2027-10-31" && p["remaining"].get<long long>() > 0;
    }
    EXPECT_EQ(lead.find("genomförandetid") != std::string::npos, ending > 0) << ending << " plans\n" << lead;

    // English too, from the same figures.
    const auto en = bostad({"report", "--month", "2026-10", "-o", dir.file("en"), "--format", "html", "--lang", "en"});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    const std::string english = lead_of(read_file(dir.path() / "en" / "report-2026-10.html"));
    EXPECT_NE(english.find(fmt::format("In October 2026, {} dwellings were completed in Kristianstad and Hässleholm", done)),
              std::string::npos) << english;
    EXPECT_NE(english.find("The most stalled dwellings are in " + stalled[0].second), std::string::npos) << english;
}

TEST_F(Report, TheForecastIsTheForecastCommandsWithItsChartsTablesAndTargetSentence) {
    // The report draws report::k_forecast_draws (400) times; the command with as many gives the same numbers.
    const json f = json::parse(bostad({"forecast", "--month", "2026-10", "--of", "json", "--draws", "400"}).out)["forecast"];
    const std::string html = read_file(report("rapport-2026-10.html"));
    const std::string lead = lead_of(html);
    std::vector<std::string> parts;
    for (const auto& t : f["targets"]) {
        std::string name;
        for (const auto& m : f["municipalities"]) {
            if (m["code"] == t["municipality"]) name = m["name"];
        }
        parts.push_back(fmt::format("{} {} av målets {} bostäder till december 2030 ({} % sannolikhet att nå målet)", name,
                                    std::llround(t["expected_by_end"].get<double>()), t["dwellings"].get<long long>(),
                                    std::llround(t["probability"].get<double>() * 100)));
    }
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_NE(lead.find(fmt::format("Enligt prognosen väntas {} och {} vara färdigställda.", parts[0], parts[1])), std::string::npos)
        << lead;
    // A chart per kommun and for both together, each with a bar per year of history and forecast.
    std::size_t charts = 0;
    for (std::size_t at = html.find("class=\"forecast-chart\""); at != std::string::npos; at = html.find("class=\"forecast-chart\"", at + 1)) {
        ++charts;
    }
    EXPECT_EQ(charts, 3u);
    EXPECT_NE(html.find("prognos: "), std::string::npos) << "the bars name their figures";
    // The tables are the command's figures.
    const auto rows = csv(report("csv/forecast.csv"));
    ASSERT_EQ(rows.size(), 1 + 3 * f["spans"].size());
    for (const auto& m : f["municipalities"]) {
        for (std::size_t i = 0; i < f["spans"].size(); ++i) {
            const auto& c = m["completed"][i];
            const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == m["name"] && r[1] == c["span"]; });
            ASSERT_NE(row, rows.end()) << m["name"] << " " << c["span"];
            EXPECT_NEAR(std::stod((*row)[4]), c["expected"].get<double>(), 0.051);
            const std::string interval = (*row)[5];
            const auto dash = interval.find("–");
            ASSERT_NE(dash, std::string::npos) << interval;
            EXPECT_NEAR(std::stod(interval.substr(0, dash)), c["low"].get<double>(), 0.56) << interval; // whole dwellings
            EXPECT_NEAR(std::stod(interval.substr(dash + std::string("–").size())), c["high"].get<double>(), 0.56) << interval;
        }
    }
    const auto areas = csv(report("csv/forecast_areas.csv"));
    EXPECT_EQ(areas.size(), 1 + f["areas"].size() + 1) << "every area and the permits in no area";
    const auto targets = csv(report("csv/forecast_targets.csv"));
    ASSERT_EQ(targets.size(), 3u);
    EXPECT_EQ(targets[1][0], "Kristianstad");
}

TEST_F(Report, SentencesWithoutTheirFiguresAreLeftOut) {
    // The history begins in November 2019: in June 2020 there is no year before to compare with.
    const auto r = bostad({"report", "--month", "2020-06", "-o", dir.file("early"), "--format", "html"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string lead = lead_of(read_file(dir.path() / "early" / "rapport-2020-06.html"));
    EXPECT_EQ(lead.find("juni 2019"), std::string::npos) << lead;
    EXPECT_EQ(lead.find("Pipelinen"), std::string::npos) << lead;
    EXPECT_EQ(lead.find("I juni 2020 färdigställdes"), std::string::npos) << lead;
}

TEST_F(Report, HtmlIsSelfContainedAndOpensInHeadlessChromium) {
    const std::string html = read_file(report("rapport-2026-10.html"));
    for (const char* external : {"src=", "href=", "url(", "@import", "<script"}) {
        EXPECT_EQ(html.find(external), std::string::npos) << external << ": the report must work offline";
    }
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("Hässleholm"), std::string::npos);
    EXPECT_NE(html.find("lang=\"sv\""), std::string::npos);

    const fs::path shot = dir.path() / "shot.png", netlog = dir.path() / "net.json";
    const auto r = run_process({"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.file("profile"),
                                "--enable-logging=stderr", "--v=0", "--log-net-log=" + netlog.string(), "--window-size=1200,1600",
                                "--screenshot=" + shot.string(), "file://" + report("rapport-2026-10.html").string()});
    ASSERT_EQ(r.exit_code, 0) << "headless Chromium failed (scripts/setup installs chromium):\n" << r.err;
    EXPECT_EQ(r.err.find("CONSOLE"), std::string::npos) << "console messages:\n" << r.err;
    // Chromium's own background requests aside, the page asked the network for nothing.
    const json log = json::parse(read_file(netlog));
    for (const auto& e : log["events"]) {
        if (!e.contains("params") || !e["params"].contains("url")) continue;
        const std::string url = e["params"]["url"];
        const bool own = url.find("google") != std::string::npos || url.find("gvt1.com") != std::string::npos ||
                         url.find("gstatic") != std::string::npos || url.rfind("file://", 0) == 0 || url.rfind("data:", 0) == 0;
        EXPECT_TRUE(own) << "the report requested " << url;
    }
    // The screenshot is not blank.
    gdal::ensure_initialized();
    std::unique_ptr<GDALDataset> png(GDALDataset::Open(shot.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(png) << "no screenshot";
    const int w = png->GetRasterXSize(), h = png->GetRasterYSize();
    std::vector<std::uint8_t> red(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    ASSERT_EQ(png->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, red.data(), w, h, GDT_Byte, 0, 0), CE_None);
    const auto inked = std::count_if(red.begin(), red.end(), [](std::uint8_t v) { return v < 200; });
    EXPECT_GT(inked, w * h / 100) << "the screenshot is (nearly) blank";
}

TEST_F(Report, PdfHasPagesEmbeddedFontsAndTheFigures) {
    const std::string pdf = report("rapport-2026-10.pdf").string();
    const auto info = run_process({"/usr/bin/pdfinfo", pdf});
    ASSERT_EQ(info.exit_code, 0) << info.err;
    const auto pages_at = info.out.find("Pages:");
    ASSERT_NE(pages_at, std::string::npos);
    const int pages = std::stoi(info.out.substr(pages_at + 6));
    EXPECT_GE(pages, 6) << "headlines, charts, funnel, maps, tables, lists, definitions";
    EXPECT_LE(pages, 40);
    const auto fonts = run_process({"/usr/bin/pdffonts", pdf});
    ASSERT_EQ(fonts.exit_code, 0);
    const auto font_lines = split(fonts.out, '\n');
    ASSERT_GT(font_lines.size(), 3u) << fonts.out;
    for (std::size_t i = 2; i < font_lines.size(); ++i) {
        if (font_lines[i].empty()) continue;
        EXPECT_NE(font_lines[i].find(" yes "), std::string::npos) << "not embedded: " << font_lines[i];
    }
    const auto text = run_process({"/usr/bin/pdftotext", "-layout", pdf, "-"});
    ASSERT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("2026-10"), std::string::npos);
    EXPECT_NE(text.out.find("Hässleholm"), std::string::npos) << "å, ä, ö survive into the PDF";
    EXPECT_NE(text.out.find("Färdigställda"), std::string::npos);
    const json& s = *s_status;
    EXPECT_NE(text.out.find(std::to_string(s["total"]["completed_year_to_date"].get<long long>())), std::string::npos)
        << "the headline figure 'completed this year'";
}

TEST_F(Report, XlsxOpensAndHoldsTheTables) {
    const std::string xlsx = report("rapport-2026-10.xlsx").string();
    gdal::ensure_initialized();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds) << "GDAL's XLSX driver cannot open the workbook";
    std::set<std::string> sheets;
    std::vector<std::string> order;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        sheets.insert(ds->GetLayer(i)->GetName());
        order.emplace_back(ds->GetLayer(i)->GetName());
    }
    for (const char* t : {"headlines", "municipalities", "areas", "monthly", "lead_times", "new_permits", "completed", "stalled",
                          "lapsing", "plans_ending", "ingest_runs", "rejects", "official"}) {
        EXPECT_TRUE(sheets.count(t)) << t;
    }
    // Every table of the CSV folder is a sheet, the forecast's last (they are added once the forecast is made,
    // after the others were written while it was being made).
    std::set<std::string> tables;
    for (const auto& e : fs::directory_iterator(report("csv"))) tables.insert(e.path().stem().string());
    EXPECT_EQ(sheets, tables);
    const std::vector<std::string> forecast_sheets{"forecast", "forecast_areas", "forecast_targets"};
    ASSERT_GE(order.size(), forecast_sheets.size());
    EXPECT_EQ(std::vector<std::string>(order.end() - 3, order.end()), forecast_sheets);
    // The forecast's sheet holds its table: a title row, the header, then the rows of forecast.csv.
    EXPECT_EQ(ds->GetLayerByName("forecast")->GetFeatureCount(), static_cast<GIntBig>(csv(report("csv/forecast.csv")).size() + 1));
    // The areas sheet: a title row, the header, then every area and the unassigned row (GDAL reads the title
    // and the header as rows too, since the first row is not a header alone).
    EXPECT_EQ(ds->GetLayerByName("areas")->GetFeatureCount(), static_cast<GIntBig>(s_status->at("areas").size() + 3));
}

TEST_F(Report, EnglishOnRequestAndNoOverwriteWithoutTheFlag) {
    const std::string out = dir.file("en");
    auto r = bostad({"report", "--month", "2026-10", "-o", out, "--lang", "en", "--format", "html,csv"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string html = read_file(fs::path(out) / "report-2026-10.html");
    EXPECT_NE(html.find("Headline figures"), std::string::npos);
    EXPECT_NE(html.find("lang=\"en\""), std::string::npos);
    EXPECT_FALSE(fs::exists(fs::path(out) / "report-2026-10.pdf")) << "only the formats asked for";
    r = bostad({"report", "--month", "2026-10", "-o", out, "--format", "csv"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--overwrite"), std::string::npos);
    r = bostad({"report", "--month", "2026-10", "-o", dir.file("x"), "--format", "html,docx"});
    EXPECT_EQ(r.exit_code, 2) << "an unknown format";
    EXPECT_FALSE(fs::exists(dir.file("x")));
}

TEST_F(Report, AKilledReportLeavesNoFolder) {
    for (const char* point : {"report.html_written", "report.files_written"}) {
        SCOPED_TRACE(point);
        ProcessOptions o = opts;
        o.env_extra = {{"BOSTAD_CRASH_AT", point}};
        const std::string out = dir.file(point);
        const auto r = run_bostad({"report", "--month", "2026-10", "-o", out, "--format", "html,csv"}, o);
        EXPECT_EQ(r.signal, 9) << r.err;
        EXPECT_FALSE(fs::exists(out)) << "a half-written report at the target";
    }
}

TEST_F(Report, AMonthBeforeAnyDataGivesAReportNotACrash) {
    const std::string out = dir.file("early");
    const auto r = bostad({"report", "--month", "2010-01", "-o", out, "--format", "html,csv,xlsx"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto head = csv(fs::path(out) / "csv/headlines.csv");
    ASSERT_GE(head.size(), 2u);
    EXPECT_EQ(head[1][1], "0");
    EXPECT_EQ(csv(fs::path(out) / "csv/new_permits.csv").size(), 1u) << "only the header";
    EXPECT_NE(read_file(fs::path(out) / "rapport-2010-01.html").find("<svg"), std::string::npos);
    const auto future = bostad({"report", "--month", "2099-01", "-o", dir.file("future")});
    EXPECT_EQ(future.exit_code, 2);
    EXPECT_FALSE(fs::exists(dir.file("future")));
}

TEST(ReportOutput, TextThatLooksLikeAFormulaStaysText) {
    TempDir dir;
    const ProcessOptions o = make_example_store(dir.path().string(), {"2026-10"});
    write_file(dir.path() / "ex/evil.csv", "case_id,municipality,property,house_type,tenure,dwellings,applied_date,x,y\n"
                                           "BN X-1,1290,\"=HYPERLINK(\"\"http://evil\"\")\",småhus,äganderätt,1,2026-10-05,449600,6210000\n"
                                           "BN X-2,1290,@SUM(A1),småhus,äganderätt,1,2026-10-06,449600,6210000\n");
    const auto in = run_bostad({"ingest", "evil.csv", "--kind", "permits", "--crs", "EPSG:3006"}, o);
    ASSERT_EQ(in.exit_code, 0) << in.err;
    const auto r = run_bostad({"report", "--month", "2026-10", "-o", "rep", "--format", "csv,xlsx"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string csv_text = read_file(dir.path() / "ex/rep/csv/new_permits.csv");
    EXPECT_NE(csv_text.find("\"'=HYPERLINK("), std::string::npos) << csv_text;
    EXPECT_NE(csv_text.find(",'@SUM(A1),"), std::string::npos) << csv_text;
    // In the workbook the text is a string cell: read back as the same text, not computed.
    const OgrLayer sheet = read_layer(dir.file("ex/rep/rapport-2026-10.xlsx"), "new_permits");
    bool found = false;
    for (const auto& row : sheet.rows) {
        for (const auto& [field, value] : row.fields) found |= value == "=HYPERLINK(\"http://evil\")";
    }
    EXPECT_TRUE(found);
    // The export's CSV escapes it as well.
    const auto ex = run_bostad({"export", "--month", "2026-10", "-o", "csv", "--format", "csv"}, o);
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    const std::string permits = read_file(dir.path() / "ex/csv/permits.csv");
    EXPECT_NE(permits.find("\"'=HYPERLINK("), std::string::npos);
    EXPECT_EQ(permits.find(",=HYPERLINK"), std::string::npos);
}

TEST(Monthly, RunsTheWholeJobFromTheConfigAndSaysWhereTheOutputsAre) {
    TempDir dir;
    const ProcessOptions o = make_example_project(dir.path().string());
    auto r = run_bostad({"monthly", "--month", "2026-09"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("out/2026-09/bostad-2026-09.gpkg"), std::string::npos) << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(  took \d+\.\d s: ingest \d+\.\d s, export \d+\.\d s, report \d+\.\d s)")))
        << "the total and each step's time\n" << r.out;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/bostad-2026-09.gpkg"));
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/rapport/rapport-2026-09.pdf"));
    EXPECT_EQ(validate_gpkg(dir.file("ex/out/2026-09/bostad-2026-09.gpkg")), "");
    r = run_bostad({"monthly", "--month", "2026-10"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The report's numbers are the status numbers of the same store.
    const json s = json::parse(run_bostad({"status", "--month", "2026-10", "--of", "json"}, o).out);
    const std::string head = read_file(dir.path() / "ex/out/2026-10/rapport/csv/headlines.csv");
    EXPECT_NE(head.find(fmt::format("Båda kommunerna,{},{}", s["total"]["started_in_month"].get<long long>(),
                                    s["total"]["completed_in_month"].get<long long>())),
              std::string::npos)
        << head;
    // Running the month again replaces its outputs only with --overwrite; --skip-existing leaves them be.
    EXPECT_EQ(run_bostad({"monthly", "--month", "2026-10"}, o).exit_code, 2);
    const fs::path gpkg = dir.path() / "ex/out/2026-10/bostad-2026-10.gpkg";
    const auto written = fs::last_write_time(gpkg);
    r = run_bostad({"monthly", "--month", "2026-10", "--skip-existing"}, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("bostad monthly 2026-10: skipped, its outputs exist"), std::string::npos) << r.err;
    EXPECT_EQ(fs::last_write_time(gpkg), written) << "a skipped month is not written";
    EXPECT_EQ(run_bostad({"monthly", "--month", "2026-10", "--overwrite"}, o).exit_code, 0);
    EXPECT_NE(fs::last_write_time(gpkg), written);
    // A month half done is not skipped: it needs a look, or --overwrite.
    fs::remove_all(dir.path() / "ex/out/2026-10/rapport");
    r = run_bostad({"monthly", "--month", "2026-10", "--skip-existing"}, o);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("only when all its outputs exist"), std::string::npos) << r.err;
}

TEST(Monthly, PreviousIsTheMonthBeforeTodaysAndATimerSkipsAMonthDone) {
    TempDir dir;
    const ProcessOptions o = make_example_project(dir.path().string());
    const Month previous = Month::of(today()).plus(-1);
    // The month's outputs, as an earlier run left them.
    const fs::path out = dir.path() / "ex/out" / previous.str();
    fs::create_directories(out / "rapport");
    write_file(out / fmt::format("bostad-{}.gpkg", previous.str()), "x");
    const auto r = run_bostad({"monthly", "--previous", "--skip-existing"}, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find(fmt::format("bostad monthly {}: skipped", previous.str())), std::string::npos) << r.err;
    const auto both = run_bostad({"monthly", "--previous", "--month", "2026-10"}, o);
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_NE(both.err.find("give --month YYYY-MM or --previous"), std::string::npos) << both.err;
    EXPECT_EQ(run_bostad({"monthly"}, o).exit_code, 2);
    EXPECT_EQ(run_bostad({"monthly", "--previous", "--overwrite", "--skip-existing"}, o).exit_code, 2);
}

TEST(Defaults, ReportAndExportWithoutOutputWriteWhereMonthlyWouldOnANewProject) {
    TempDir dir;
    const ProcessOptions o = make_example_store(dir.path().string(), {"2026-09"});
    ASSERT_FALSE(fs::exists(dir.path() / "ex/out")) << "a new project has no output folder yet";

    const auto rep = run_bostad({"report", "--month", "2026-09", "--format", "pdf"}, o);
    ASSERT_EQ(rep.exit_code, 0) << rep.err;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/rapport/rapport-2026-09.pdf"));
    EXPECT_NE(rep.out.find("out/2026-09/rapport"), std::string::npos) << rep.out;
    EXPECT_EQ(rep.out.find("csv/"), std::string::npos) << "no line for a format not asked for\n" << rep.out;
    const auto en = run_bostad({"report", "--month", "2026-09", "--format", "html", "--lang", "en"}, o);
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/report/report-2026-09.html"));

    const auto ex = run_bostad({"export", "--month", "2026-09"}, o);
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/bostad-2026-09.gpkg"));
    const auto csv = run_bostad({"export", "--month", "2026-09", "--format", "csv"}, o);
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_TRUE(fs::exists(dir.path() / "ex/out/2026-09/bostad-2026-09-csv/status.csv"));

    // The same paths as monthly's: it finds them and refuses to replace them without --overwrite.
    const auto again = run_bostad({"monthly", "--month", "2026-09"}, o);
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("bostad-2026-09.gpkg' already exists"), std::string::npos) << again.err;
    EXPECT_EQ(run_bostad({"export", "--month", "2026-09"}, o).exit_code, 2) << "an existing output needs --overwrite";
    // A path the user names keeps today's rule: its folder must exist.
    const auto named = run_bostad({"report", "--month", "2026-09", "-o", "nowhere/r", "--format", "html"}, o);
    EXPECT_EQ(named.exit_code, 2) << named.err;
    EXPECT_FALSE(fs::exists(dir.path() / "ex/nowhere"));
}

} // namespace
} // namespace bostad::test
