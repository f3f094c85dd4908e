#include "report/tables.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bostad::report {
namespace {

Cell opt(const std::optional<double>& v) { return v ? Cell{*v} : Cell{}; }

Cell text(const std::string& s) { return s.empty() ? Cell{} : Cell{s}; }

Cell date(const std::string& s) { return s.empty() ? Cell{} : Cell{IsoDate{s}}; }

std::vector<std::string> permit_header(Lang l) {
    return {tr(l, "Kommun", "Municipality"), tr(l, "Diarienummer", "Case"), tr(l, "Fastighet", "Property"),
            tr(l, "Hustyp", "House type"), tr(l, "Upplåtelseform", "Tenure"), tr(l, "Bostäder", "Dwellings"),
            tr(l, "Område", "Area"), tr(l, "Ansökt", "Applied"), tr(l, "Beviljat", "Granted"), tr(l, "Startbesked", "Started"),
            tr(l, "Slutbesked", "Completed")};
}

std::vector<Cell> permit_row(const aggregate::ListedPermit& p) {
    return {p.municipality, p.case_id, text(p.property), text(p.house_type), text(p.tenure), p.dwellings ? Cell{*p.dwellings} : Cell{}, text(p.area_id),
            date(p.applied), date(p.granted), date(p.started), date(p.completed)};
}

/// The permits are the report data's: the table refers to them, it does not copy them.
Table permits_table(std::string id, std::string title, const std::vector<aggregate::ListedPermit>& permits, Lang l) {
    return {std::move(id), std::move(title), permit_header(l), {}, permits.size(), [&permits](std::size_t i) { return permit_row(permits[i]); }};
}

/// Planned and unused capacity, every figure of core/figures.hpp, then the permits in the pipeline or completed
/// whose dwellings are unknown (a delivery without dwelling counts: they count as 0 dwellings).
void add_figures(std::vector<Cell>& row, const aggregate::Figures& f) {
    row.insert(row.end(), {Cell{f.planned}, Cell{f.remaining_capacity}});
    std::int64_t unknown = 0;
    for (const auto& d : figure_defs()) {
        row.emplace_back(f.dwellings[d.id]);
        if (d.group == FigureGroup::stage) unknown += f.unknown_dwellings[d.id];
    }
    row.emplace_back(unknown);
}

std::vector<std::string> figures_header(Lang l) {
    std::vector<std::string> out{tr(l, "Planerat", "Planned"), tr(l, "Outnyttjat", "Unused capacity")};
    for (const auto& d : figure_defs()) out.push_back(tr(l, d.sv, d.en));
    out.push_back(tr(l, "Bygglov utan antal bostäder", "Permits without a dwelling count"));
    return out;
}

std::string interval(const forecast::Band& b) { return fmt::format("{:.0f}–{:.0f}", b.low, b.high); }

/// The forecast per kommun and span, per area, and its targets (the figures of `bostad forecast`).
void add_forecast_tables(std::vector<Table>& out, const forecast::Forecast& f, Lang l) {
    using forecast::Source;
    const auto source = [](const forecast::Band& b, Source s) { return Cell{b.by_source[static_cast<std::size_t>(s)]}; };
    Table kommuner{"forecast", tr(l, "Prognos per kommun: väntade bostäder med 80 % intervall", "Forecast per municipality: expected dwellings with 80 % interval"),
                   {tr(l, "Kommun", "Municipality"), tr(l, "Period", "Period"), tr(l, "Påbörjade", "Started"), tr(l, "80 % intervall", "80 % interval"),
                    tr(l, "Färdigställda", "Completed"), tr(l, "80 % intervall", "80 % interval"),
                    tr(l, "därav bygglov i pipelinen", "of which permits in the pipeline"), tr(l, "därav planer", "of which plans"),
                    tr(l, "därav trend", "of which trend")},
                   {}};
    const auto add = [&](const std::string& name, const forecast::UnitForecast& u) {
        for (std::size_t i = 0; i < f.spans.size(); ++i) {
            const forecast::Band& s = u.started[i];
            const forecast::Band& c = u.completed[i];
            const double pipeline = c.by_source[static_cast<std::size_t>(Source::applied)] +
                                    c.by_source[static_cast<std::size_t>(Source::granted)] +
                                    c.by_source[static_cast<std::size_t>(Source::started)];
            kommuner.rows.push_back({name, f.spans[i].label(), s.expected, interval(s), c.expected, interval(c), pipeline,
                                     source(c, Source::plans), source(c, Source::trend)});
        }
    };
    for (const auto& m : f.municipalities) add(m.name, m);
    add(tr(l, "Alla kommuner", "All municipalities"), f.total);
    out.push_back(std::move(kommuner));

    Table areas{"forecast_areas", tr(l, "Prognos per område: väntade färdigställda bostäder", "Forecast per area: expected completed dwellings"),
                {tr(l, "Område", "Area"), tr(l, "Namn", "Name"), tr(l, "Kommun", "Municipality")}, {}};
    for (const auto& span : f.spans) areas.header.push_back(span.label());
    const auto area_row = [&](Row row, const forecast::UnitForecast& u) {
        for (const auto& c : u.completed) row.emplace_back(c.expected);
        areas.rows.push_back(std::move(row));
    };
    for (const auto& a : f.areas) area_row({a.id, text(a.name), text(a.municipality)}, a);
    area_row({Cell{}, tr(l, "Utanför alla områden", "In no area"), Cell{}}, f.unassigned);
    out.push_back(std::move(areas));

    Table targets{"forecast_targets", tr(l, "Målen med prognosen", "The targets with the forecast"),
                  {tr(l, "Kommun", "Municipality"), tr(l, "Mål", "Target"), tr(l, "Period", "Period"), tr(l, "Färdigställt hittills", "Completed so far"),
                   tr(l, "Väntat vid periodens slut", "Expected by its end"), tr(l, "Sannolikhet att nå målet (%)", "Chance of reaching it (%)"),
                   tr(l, "Väntat underskott", "Expected shortfall")},
                  {}};
    for (const auto& t : f.targets) {
        const std::string name = f.name_of(t.municipality);
        targets.rows.push_back({name, t.dwellings, fmt::format("{}–{}", t.from.str(), t.to.str()), t.completed_so_far,
                                t.expected_by_end, t.probability * 100, t.expected_shortfall});
    }
    out.push_back(std::move(targets));
}

} // namespace

std::string headline_name(const Headline& h, Lang lang) {
    return h.code.empty() ? tr(lang, "Båda kommunerna", "Both municipalities") : h.name;
}

void Table::for_rows(const std::function<void(const Row&)>& f, std::size_t limit) const {
    const std::size_t n = std::min(size(), limit);
    for (std::size_t i = 0; i < n; ++i) {
        if (make_row) f(make_row(i));
        else f(rows[i]);
    }
}

std::string cell_text(const Cell& c, int decimals) {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* day = std::get_if<IsoDate>(&c)) return day->text;
    if (const auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&c)) return fmt::format("{:.{}f}", *d, decimals);
    return {};
}

std::vector<Table> report_tables(const ReportData& d, Lang l) {
    std::vector<Table> out;

    Table head{"headlines", tr(l, "Nyckeltal", "Headline figures"),
               {tr(l, "Kommun", "Municipality"), tr(l, "Påbörjade i månaden", "Started in month"),
                tr(l, "Färdigställda i månaden", "Completed in month"), tr(l, "Påbörjade i år", "Started this year"),
                tr(l, "Färdigställda i år", "Completed this year"), tr(l, "Påbörjade 12 mån", "Started, 12 months"),
                tr(l, "Färdigställda 12 mån", "Completed, 12 months"), tr(l, "Mål", "Target"),
                tr(l, "Färdigställda mot målet", "Completed towards target"), tr(l, "Enligt rak linje", "On the straight path"),
                tr(l, "Skillnad", "Difference")},
               {}};
    for (const auto& h : d.headlines) {
        std::vector<Cell> row{headline_name(h, l), h.this_month.started, h.this_month.completed, h.started_ytd, h.completed_ytd,
                              h.started_12m,       h.completed_12m};
        if (h.targets.empty()) {
            row.insert(row.end(), 4, Cell{});
        } else {
            const auto& t = h.targets.front();
            row.insert(row.end(), {Cell{fmt::format("{} ({}–{})", t.dwellings, t.from.str(), t.to.str())}, Cell{t.completed_since_from},
                                   Cell{t.expected_by_now}, Cell{static_cast<double>(t.completed_since_from) - t.expected_by_now}});
        }
        head.rows.push_back(std::move(row));
    }
    out.push_back(std::move(head));

    Table mun{"municipalities", tr(l, "Läget per kommun", "Status per municipality"), {tr(l, "Kommun", "Municipality")}, {}};
    for (auto& h : figures_header(l)) mun.header.push_back(std::move(h));
    for (const auto& m : d.status.municipalities) {
        std::vector<Cell> row{m.name};
        add_figures(row, m.figures);
        mun.rows.push_back(std::move(row));
    }
    std::vector<Cell> total{tr(l, "Båda kommunerna", "Both municipalities")};
    add_figures(total, d.status.total);
    mun.rows.push_back(std::move(total));
    out.push_back(std::move(mun));

    Table areas{"areas", tr(l, "Läget per område", "Status per area"),
                {tr(l, "Område", "Area"), tr(l, "Namn", "Name"), tr(l, "Kommun", "Municipality")}, {}};
    for (auto& h : figures_header(l)) areas.header.push_back(std::move(h));
    for (const auto& a : d.status.areas) {
        std::vector<Cell> row{a.area_id, text(a.name), text(a.municipality)};
        add_figures(row, a.figures);
        areas.rows.push_back(std::move(row));
    }
    std::vector<Cell> none{Cell{}, tr(l, "Utanför alla områden", "In no area"), Cell{}};
    add_figures(none, d.status.unassigned);
    areas.rows.push_back(std::move(none));
    out.push_back(std::move(areas));

    Table series{"monthly", tr(l, "Påbörjade och färdigställda per månad", "Started and completed per month"),
                 {tr(l, "Månad", "Month"), tr(l, "Kommun", "Municipality"), tr(l, "Påbörjade", "Started"),
                  tr(l, "Färdigställda", "Completed")},
                 {}};
    for (const auto& h : d.headlines) {
        for (const auto& f : h.series) series.rows.push_back({f.month.str(), headline_name(h, l), f.started, f.completed});
    }
    out.push_back(std::move(series));

    Table lead{"lead_times", tr(l, "Handläggnings- och byggtider (senaste 12 månaderna)", "Lead times (last 12 months)"),
               {tr(l, "Kommun", "Municipality"), tr(l, "Steg", "Step"), tr(l, "Antal", "Count"), tr(l, "Median (dagar)", "Median (days)"),
                tr(l, "90:e percentil (dagar)", "90th percentile (days)"), tr(l, "Andel inom 10 veckor", "Share within 10 weeks")},
               {}};
    for (const auto& m : d.status.municipalities) {
        const std::pair<std::string, const aggregate::LeadTime*> steps[] = {
            {tr(l, "ansökan → beslut", "applied → granted"), &m.applied_to_granted},
            {tr(l, "beslut → startbesked", "granted → started"), &m.granted_to_started},
            {tr(l, "startbesked → slutbesked", "started → completed"), &m.started_to_completed}};
        for (const auto& [step, t] : steps) {
            lead.rows.push_back({m.name, step, t->count, opt(t->median_days), opt(t->p90_days),
                                 t->share_within_10_weeks ? Cell{*t->share_within_10_weeks * 100} : Cell{}});
        }
    }
    out.push_back(std::move(lead));

    out.push_back(permits_table("new_permits", tr(l, "Nya ansökningar i månaden", "New applications in the month"), d.new_permits, l));
    out.push_back(permits_table("completed", tr(l, "Färdigställda i månaden", "Completed in the month"), d.completed, l));
    out.push_back(permits_table("stalled", tr(l, "Stillastående bygglov", "Stalled permits"), d.stalled, l));
    Table lapsing{"lapsing", tr(l, "Bygglov som förfaller inom 6 månader", "Permits lapsing within 6 months"), permit_header(l), {},
                  d.lapsing.size(), [&d](std::size_t i) {
                      Row row = permit_row(d.lapsing[i].permit);
                      row.emplace_back(date(d.lapsing[i].deadline));
                      return row;
                  }};
    lapsing.header.push_back(tr(l, "Sista dag för start", "Last day to start"));
    out.push_back(std::move(lapsing));

    Table plans{"plans_ending",
                tr(l, "Planer vars genomförandetid slutar inom 12 månader, med outnyttjad kapacitet",
                   "Plans whose implementation period ends within 12 months, with unused capacity"),
                {tr(l, "Kommun", "Municipality"), tr(l, "Plan", "Plan"), tr(l, "Namn", "Name"), tr(l, "Laga kraft", "In force"),
                 tr(l, "Genomförandetid slutar", "Implementation ends"), tr(l, "Kapacitet", "Capacity"), tr(l, "Använt", "Used"),
                 tr(l, "Kvar", "Remaining")},
                {}};
    for (const auto& p : d.plans_ending) {
        plans.rows.push_back({p.municipality, p.plan_id, text(p.name), date(p.legal_date), date(p.implementation_end),
                              p.capacity ? Cell{*p.capacity} : Cell{}, p.used, p.remaining});
    }
    out.push_back(std::move(plans));

    Table runs{"ingest_runs", tr(l, "Senaste inläsningen av varje källa", "Latest ingest of every source"),
               {tr(l, "Körning", "Run"), tr(l, "Källa", "Source"), tr(l, "Slag", "Kind"), tr(l, "Klar", "Finished"),
                tr(l, "Lästa", "Read"), tr(l, "Nya", "Inserted"), tr(l, "Ändrade", "Updated"), tr(l, "Oförändrade", "Unchanged"),
                tr(l, "Utanför projektet", "Outside the project"), tr(l, "Avvisade", "Rejected")},
               {}};
    for (const auto& r : d.runs) {
        runs.rows.push_back({r.run_id, r.source, r.kind, text(r.finished_at), r.read, r.inserted, r.updated, r.unchanged,
                             r.skipped, r.rejected});
    }
    out.push_back(std::move(runs));

    Table rejects{"rejects", tr(l, "Avvisade rader per orsak", "Rejected rows by reason"),
                  {tr(l, "Orsakskod", "Reason code"), tr(l, "Rader", "Rows")},
                  {}};
    for (const auto& [reason, n] : d.rejects_by_reason) rejects.rows.push_back({reason, n});
    out.push_back(std::move(rejects));

    Table border{"near_border",
                 tr(l, "Bygglov utanför sin kommuns gräns men inom toleransen (kontrollera läget)",
                    "Permits outside their kommun's outline but within the tolerance (check the location)"),
                 {tr(l, "Kommun", "Municipality"), tr(l, "Ärende", "Case"), tr(l, "Läge", "Location")},
                 {}};
    for (const auto& b : d.near_border) border.rows.push_back({b.municipality, b.case_id, b.where});
    out.push_back(std::move(border));

    Table official{"official", tr(l, "Jämförelse med SCB:s officiella statistik", "Comparison with SCB's official figures"),
                   {tr(l, "Kommun", "Municipality"), tr(l, "År", "Year"), tr(l, "SCB färdigställda", "SCB completed"),
                    tr(l, "bostad färdigställda", "bostad completed"), tr(l, "Skillnad", "Difference")},
                   {}};
    for (const auto& o : d.official) {
        official.rows.push_back({o.name, std::int64_t{o.year}, o.official, o.bostad, o.bostad - o.official});
    }
    out.push_back(std::move(official));
    if (d.forecast) add_forecast_tables(out, *d.forecast, l);
    return out;
}

} // namespace bostad::report
