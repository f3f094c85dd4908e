#include "report/html.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "core/markup.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "report/first_page.hpp"
#include "report/svg.hpp"

namespace bostad::report {
namespace {

// Paper: A4 portrait, with the report's title and month in the footer and the page number; sections of wide
// tables (16 to 18 columns, the lists' 11) on landscape pages, where a fixed table layout keeps every column
// inside the page and a cell's words are hyphenated or broken. Long tables repeat their header (thead) on
// every page.
constexpr const char* k_css = R"(
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: var(--footer); font-size: 7.5pt; color: #555; }
  @bottom-right { content: var(--page-label) " " counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; } }
@page wide { size: A4 landscape; }
section.wide { page: wide; }
section.wide table { table-layout: fixed; }
th, td { overflow-wrap: anywhere; hyphens: auto; }
thead { display: table-header-group; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #222; max-width: 1100px; margin: 0 auto; padding: 0 12px; }
h1 { font-size: 19pt; margin: 10px 0 2px; } h2 { font-size: 14pt; margin-top: 22px; border-bottom: 2px solid #ddd; }
h3 { font-size: 11.5pt; margin: 14px 0 4px; }
.sub { color: #555; margin: 0 0 10px; }
.cards { display: flex; flex-wrap: wrap; gap: 8px; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; min-width: 150px; flex: 1; break-inside: avoid; }
.card .n { font-size: 17pt; font-weight: bold; } .card .l { color: #555; font-size: 8.5pt; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 7pt; width: 100%; word-break: break-word; }
th, td { border: 1px solid #ccc; padding: 2px 4px; } th { background: #f0f0f0; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; max-width: 800px; display: block; break-inside: avoid; }
.section { break-inside: auto; } .map-block { break-inside: avoid; page-break-inside: avoid; }
dl dt { font-weight: bold; margin-top: 6px; } dl dd { margin-left: 14px; }
.empty { color: #777; font-style: italic; }
p.lead { font-size: 11pt; line-height: 1.45; }
)";

/// Lists longer than this show their first rows on screen and paper; CSV and XLSX have them all. (At a national
/// scale a list has 100 000s of rows: 100 on paper say what kind of permits they are, the files say which.)
constexpr std::size_t k_list_rows = 100;
/// The same for the areas table: every DeSO of a region of several kommuner fits.
constexpr std::size_t k_area_rows = 300;

/// Column widths for a fixed table layout: a text column (text in any of the rows shown) gets twice a number
/// column's share.
std::string column_widths(const Table& t, const std::vector<bool>& text_column) {
    std::vector<double> weight(t.header.size(), 1.0);
    for (std::size_t c = 0; c < weight.size() && c < text_column.size(); ++c) {
        if (text_column[c]) weight[c] = 2.0;
    }
    double total = 0;
    for (const double w : weight) total += w;
    std::string out = "<colgroup>";
    for (const double w : weight) out += fmt::format("<col style=\"width:{:.1f}%\">", 100 * w / total);
    return out + "</colgroup>";
}

/// At most `max_rows` rows, and a note where the rest are; `keep_last`: the table's last row (the permits in no
/// area) is shown after them all the same.
std::string table_html(const Table& t, Lang l, std::size_t max_rows = std::numeric_limits<std::size_t>::max(), bool keep_last = false) {
    std::string h = fmt::format("<h3>{}</h3>\n", xml_escape(t.title));
    if (t.size() == 0) return h + "<p class=\"empty\">–</p>\n";
    std::string body;
    std::vector<bool> text_column(t.header.size(), false);
    const std::size_t shown = std::min(t.size(), max_rows);
    std::size_t at = 0;
    t.for_rows(
        [&](const Row& row) {
            if (at++ >= shown && !(keep_last && at == t.size())) return;
            body += "<tr>";
            for (std::size_t c = 0; c < row.size(); ++c) {
                const bool text = std::holds_alternative<std::string>(row[c]) || std::holds_alternative<IsoDate>(row[c]);
                if (text && c < text_column.size()) text_column[c] = true;
                const bool num = !text && !std::holds_alternative<std::monostate>(row[c]);
                body += fmt::format("<td{}>{}</td>", num ? " class=\"num\"" : "", xml_escape(cell_text(row[c])));
            }
            body += "</tr>\n";
        },
        keep_last ? t.size() : shown);
    h += "<table>" + column_widths(t, text_column) + "<thead><tr>";
    for (const auto& c : t.header) h += "<th>" + xml_escape(c) + "</th>";
    h += "</tr></thead><tbody>\n" + body + "</tbody></table>\n";
    if (shown < t.size()) {
        const std::string note =
            l == Lang::sv ? fmt::format("Visar de första {} av {} raderna; alla finns i csv/{}.csv och i arbetsboken.", shown, t.size(), t.id)
                          : fmt::format("Showing the first {} of {} rows; all are in csv/{}.csv and in the workbook.", shown, t.size(), t.id);
        h += fmt::format("<p class=\"empty\">{}</p>\n", xml_escape(note));
    }
    return h;
}

/// Text as a CSS string literal.
std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n' || c == '<') {
            out += fmt::format("\\{:x} ", static_cast<unsigned char>(c));
            continue;
        }
        out += c;
    }
    return out + "\"";
}

/// The style sheet with the footer's texts: the report's title (which names the month) and "Sida"/"Page".
std::string page_css(const std::string& title, Lang l) {
    return fmt::format(":root {{ --footer: {}; --page-label: {}; }}\n{}", css_string(title), css_string(tr(l, "Sida", "Page")), k_css);
}

const Table& find(const std::vector<Table>& tables, const std::string& id) {
    for (const auto& t : tables) {
        if (t.id == id) return t;
    }
    throw std::out_of_range(id);
}

std::string card(const std::string& number, const std::string& label) {
    return fmt::format("<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>", xml_escape(number), xml_escape(label));
}

std::string headline_cards(const Headline& h, Lang l) {
    std::string s = "<div class=\"cards\">";
    s += card(std::to_string(h.this_month.started), tr(l, "påbörjade i månaden", "started in the month"));
    s += card(std::to_string(h.this_month.completed), tr(l, "färdigställda i månaden", "completed in the month"));
    s += card(std::to_string(h.completed_ytd), tr(l, "färdigställda i år", "completed this year"));
    s += card(std::to_string(h.completed_12m), tr(l, "färdigställda senaste 12 mån", "completed, last 12 months"));
    s += card(std::to_string(h.started_12m), tr(l, "påbörjade senaste 12 mån", "started, last 12 months"));
    for (const auto& t : h.targets) {
        const double diff = static_cast<double>(t.completed_since_from) - t.expected_by_now;
        s += card(fmt::format("{} / {:.0f}", t.completed_since_from, t.expected_by_now),
                  fmt::format("{} {} ({:+.0f})", tr(l, "färdigställda mot målets raka linje", "completed against the target's path"),
                              t.description, diff));
    }
    return s + "</div>\n";
}

/// "2015–2018, 2020": years as runs.
std::string year_runs(const std::vector<int>& years) {
    std::string out;
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        out += fmt::format("{}{}", out.empty() ? "" : ", ", j == i ? std::to_string(years[i]) : fmt::format("{}–{}", years[i], years[j]));
        i = j + 1;
    }
    return out;
}

/// Which of SCB's years are not compared, and why: before the store's first permit date, or not over yet.
std::string not_covered(const UncoveredYears& u, Month month, Lang l) {
    std::vector<int> before, open;
    for (const int y : u.years) (Month(y, 12) > month ? open : before).push_back(y);
    std::vector<std::string> parts;
    if (!before.empty()) {
        parts.push_back(u.first_date ? fmt::format("{} {} ({} {}; {})", year_runs(before), tr(l, "täcks inte av lagret", "not covered by the store"),
                                                   tr(l, "dess bygglov börjar", "its permits begin"), *u.first_date,
                                                   tr(l, fmt::format("ett år jämförs när de börjar minst {} år före det", k_coverage_years),
                                                      fmt::format("a year is compared when they begin at least {} years before it", k_coverage_years)))
                                     : fmt::format("{} {}", year_runs(before), tr(l, "täcks inte: lagret har inga bygglov för kommunen",
                                                                                 "not covered: the store has no permits of the kommun")));
    }
    if (!open.empty()) parts.push_back(fmt::format("{} {}", year_runs(open), tr(l, "är inte slut vid månadens utgång", "not over at the month's end")));
    return fmt::format("{}: {} {}.", u.name, tr(l, "SCB:s år som inte jämförs:", "SCB's years not compared:"), join(parts, "; "));
}

std::string definitions(Lang l) {
    const std::pair<std::string, std::string> defs[] = {
        {tr(l, "Planerat", "Planned"), tr(l, "bostäder i detaljplaner som vunnit laga kraft vid månadens slut, fördelade på områden efter överlappande yta",
                                          "dwellings in plans in force at the month's end, shared out to areas by overlapping area")},
        {tr(l, "Outnyttjad kapacitet", "Unused capacity"), tr(l, "planens kapacitet minus bostäder i bygglov inom den som beviljats eller kommit längre (aldrig under noll)",
                                                             "a plan's capacity minus the dwellings of permits inside it that were granted or got further (never below zero)")},
        {tr(l, "Ansökta", "Applied"), tr(l, "bostäder i bygglov som sökts men inte beslutats vid månadens slut", "dwellings applied for and not decided at the month's end")},
        {tr(l, "Beviljade", "Granted"), tr(l, "beviljade bygglov utan startbesked (inom två år från beslutet)", "granted permits without a start (within 2 years of the decision)")},
        {tr(l, "Påbörjade", "Started"), tr(l, "startbesked utan slutbesked", "started, not completed")},
        {tr(l, "Färdigställda", "Completed"), tr(l, "slutbesked; i månaden, i år eller de senaste 12 månaderna enligt rubriken", "completed; in the month, this year or the last 12 months as headed")},
        {tr(l, "Förfallna", "Lapsed"), tr(l, "beviljade men inte påbörjade inom två år (PBL 9 kap. 43 §): lämnar pipelinen", "granted, not started within 2 years (PBL 9:43): leave the pipeline")},
        {tr(l, "Över 5 år", "Overdue"), tr(l, "påbörjade men inte färdigställda fem år efter beslutet", "started, not completed 5 years after the decision")},
        {tr(l, "Stillastående", "Stalled"), tr(l, "ansökta, beviljade eller påbörjade utan nytt datum på den tid konfigurationen anger", "applied, granted or started with no new date for the configured time")},
        {tr(l, "Målets raka linje", "Target path"), tr(l, "målet fördelat jämnt över målperiodens månader", "the target spread evenly over the months of its period")},
        {tr(l, "10-veckorsregeln", "The 10-week rule"), tr(l, "PBL 9 kap. 27 §: beslut inom tio veckor från komplett ansökan; här mätt från ansökans datum", "PBL 9:27: a decision within ten weeks of a complete application; measured here from the application date")},
    };
    std::string s = "<dl>";
    for (const auto& [term, text] : defs) s += fmt::format("<dt>{}</dt><dd>{}</dd>", xml_escape(term), xml_escape(text));
    return s + "</dl>";
}

/// The forecast: a chart per kommun (and all together), the targets with their chances, the table per kommun
/// and year, and the areas.
std::string forecast_html(const ReportData& d, const std::vector<Table>& tables, Lang l) {
    const forecast::Forecast& f = *d.forecast;
    std::string h = fmt::format("<h2>{}</h2>\n<p class=\"sub\">{}</p>\n", xml_escape(tr(l, "Prognos", "Forecast")),
                                xml_escape(tr(l,
                                              fmt::format("Väntade bostäder från lagret som det var känt vid utgången av {}: bygglov i "
                                                          "pipelinen, planer med outnyttjad kapacitet och trenden för nya ansökningar, "
                                                          "med 80 % intervall ur {} dragningar. Metoden: docs/forecast.md.",
                                                          month_name(f.month, l), f.draws),
                                              fmt::format("Dwellings expected from the store as known at the end of {}: permits in the "
                                                          "pipeline, plans with unused capacity and the trend of new applications, with "
                                                          "80 % intervals from {} draws. The method: docs/forecast.md.",
                                                          month_name(f.month, l), f.draws))));
    for (const auto& hl : d.headlines) h += fmt::format("<h3>{}</h3>\n", xml_escape(headline_name(hl, l))) + svg_forecast(f, hl.code, l);
    h += table_html(find(tables, "forecast_targets"), l) + table_html(find(tables, "forecast"), l);
    return h + "<section class=\"wide\">" + table_html(find(tables, "forecast_areas"), l, k_area_rows, true) + "</section>\n";
}

} // namespace

std::string report_html(const ReportData& d, const std::vector<Table>& tables, Lang l, const std::string& title,
                        const std::string& generated_at) {
    const std::string month = d.request.month.str();
    std::string h = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
                                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                                "<title>{}</title><style>{}</style></head><body>\n",
                                l == Lang::sv ? "sv" : "en", xml_escape(title), page_css(title, l));
    h += fmt::format("<h1>{}</h1><p class=\"sub\">{} {} · {} {} · {} {}</p>\n", xml_escape(title),
                     xml_escape(tr(l, "Läget vid utgången av", "Status at the end of")), month,
                     xml_escape(tr(l, "områden:", "areas:")), xml_escape(d.request.area_set),
                     xml_escape(tr(l, "framställd", "generated")), xml_escape(generated_at));

    if (const auto sentences = first_page_sentences(d, l); !sentences.empty()) {
        h += fmt::format("<h2>{}</h2>\n<p class=\"lead\">", xml_escape(tr(l, "Månaden i korthet", "The month in brief")));
        for (const auto& s : sentences) h += xml_escape(s) + " ";
        h += "</p>\n";
    }
    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Nyckeltal", "Headline figures")));
    for (const auto& hl : d.headlines) {
        h += fmt::format("<h3>{}</h3>\n", xml_escape(headline_name(hl, l))) + headline_cards(hl, l);
    }
    h += table_html(find(tables, "headlines"), l);

    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Påbörjade och färdigställda de senaste 24 månaderna", "Started and completed, last 24 months")));
    for (const auto& hl : d.headlines) h += fmt::format("<h3>{}</h3>\n", xml_escape(headline_name(hl, l))) + svg_chart(hl, l);

    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Bostadstratten", "The pipeline")));
    for (const auto& hl : d.headlines) h += fmt::format("<h3>{}</h3>\n", xml_escape(headline_name(hl, l))) + svg_funnel(hl, l);

    if (d.forecast) h += forecast_html(d, tables, l);

    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Kartor", "Maps")));
    for (const auto& hl : d.headlines) {
        h += fmt::format("<div class=\"map-block\"><h3>{}</h3>\n{}</div>\n", xml_escape(headline_name(hl, l)), svg_map(d, hl.code, l));
    }

    h += fmt::format("<section class=\"wide\"><h2>{}</h2>\n", xml_escape(tr(l, "Per kommun och område", "Per municipality and area")));
    h += table_html(find(tables, "municipalities"), l) + table_html(find(tables, "areas"), l, k_area_rows, true) + "</section>\n";

    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Handläggningstider mot 10-veckorsregeln", "Lead times against the 10-week rule")));
    h += table_html(find(tables, "lead_times"), l);

    h += fmt::format("<section class=\"wide\"><h2>{}</h2>\n", xml_escape(tr(l, "Listor", "Lists")));
    for (const char* id : {"new_permits", "completed", "stalled", "lapsing", "plans_ending"}) {
        h += table_html(find(tables, id), l, k_list_rows);
    }
    h += "</section>\n";

    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Datakvalitet", "Data quality")));
    h += table_html(find(tables, "ingest_runs"), l) + table_html(find(tables, "rejects"), l);
    h += table_html(find(tables, "near_border"), l, k_list_rows);
    h += fmt::format("<p class=\"sub\">{}</p>\n", xml_escape(fmt::format(
        "{}{}", tr(l, "Kommungränser: " + d.outlines_source_sv, "Kommun boundaries: " + d.outlines_source),
        d.status.areas_left_out > 0 ? tr(l, fmt::format("; {} områden i kommuner utanför projektet är utelämnade", d.status.areas_left_out),
                                  fmt::format("; {} areas in kommuner outside the project are left out", d.status.areas_left_out))
                             : std::string())));
    if (!d.official.empty() || !d.official_not_covered.empty()) {
        h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Jämförelse med SCB", "Comparison with SCB")));
        h += table_html(find(tables, "official"), l);
        for (const auto& u : d.official_not_covered) h += fmt::format("<p class=\"sub\">{}</p>\n", xml_escape(not_covered(u, d.request.month, l)));
    }
    h += fmt::format("<h2>{}</h2>\n", xml_escape(tr(l, "Definitioner", "Definitions"))) + definitions(l);
    h += fmt::format("<p class=\"sub\">bostad {} · {}</p>\n</body></html>\n", k_tool_version, xml_escape(generated_at));
    return h;
}

} // namespace bostad::report
