#include "cli/cmd_status.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "aggregate/status.hpp"
#include "aggregate/status_json.hpp"
#include "core/csv.hpp"
#include "jobs/open_store.hpp"
#include "sweden/kommuner.hpp"
#include "store/store.hpp"

namespace bostad::cli {
namespace {

using aggregate::Counts;
using aggregate::Figures;

std::optional<aggregate::ListKind> parse_list(const std::string& text) {
    if (text == "lapsed") return aggregate::ListKind::lapsed;
    if (text == "overdue") return aggregate::ListKind::overdue;
    if (text == "stalled") return aggregate::ListKind::stalled;
    if (text == "new") return aggregate::ListKind::new_permits;
    if (text == "completed") return aggregate::ListKind::completed;
    return std::nullopt;
}

void print_csv(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
    for (const auto& r : rows) out << csv_record(r, ',');
}

/// One row of the text table: area id, name, planned, unused, then every figure (core/figures.hpp).
void print_cells(std::ostream& out, std::string_view id, std::string_view name, std::string_view planned, std::string_view unused,
                 const std::vector<std::string>& figures) {
    out << fmt::format("{:<12} {:<24} {:>8} {:>8}", id, name, planned, unused);
    for (std::size_t i = 0; i < figures.size(); ++i) {
        out << fmt::format(" {:>{}}", figures[i], std::max<std::size_t>(6, figure_defs()[i].heading.size()));
    }
    out << "\n";
}

void print_header(std::ostream& out) {
    std::vector<std::string> headings;
    for (const auto& f : figure_defs()) headings.emplace_back(f.heading);
    print_cells(out, "area", "name", "planned", "unused", headings);
}

void print_row(std::ostream& out, std::string_view id, std::string_view name, const Figures& f) {
    std::vector<std::string> values;
    for (const auto& d : figure_defs()) values.push_back(std::to_string(f.dwellings[d.id]));
    print_cells(out, id, name, fmt::format("{:.0f}", f.planned), fmt::format("{:.0f}", f.remaining_capacity), values);
}

/// "applied 3, granted 2, …" for the figures of one group.
std::string group_text(const Counts& c, FigureGroup group) {
    std::string out;
    for (const auto& f : figure_defs()) {
        if (f.group == group) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", f.key, c[f.id]);
    }
    return out;
}

/// Permits whose dwellings are unknown (a decision list): counted as permits, as 0 dwellings. Nothing when none.
void print_unknown(std::ostream& out, const Figures& f) {
    if (f.unknown_dwellings == Counts{}) return;
    out << fmt::format("  permits with unknown dwellings (counted as 0 above): {}; {}\n",
                       group_text(f.unknown_dwellings, FigureGroup::stage), group_text(f.unknown_dwellings, FigureGroup::flow));
}

std::string lead(const aggregate::LeadTime& t) {
    if (t.count == 0) return "no steps ended in the last 12 months";
    std::string s = fmt::format("median {:.0f} days, 90th percentile {:.0f} days", *t.median_days, *t.p90_days);
    if (t.share_within_10_weeks) s += fmt::format(", {:.0f} % within 10 weeks", *t.share_within_10_weeks * 100);
    return s + fmt::format(" (n = {})", t.count);
}

void print_municipality(std::ostream& out, const aggregate::MunicipalityStatus& m) {
    const Counts& c = m.figures.dwellings;
    out << fmt::format("\n{} ({})\n", m.name, m.code);
    out << fmt::format("  dwellings       {}\n", group_text(c, FigureGroup::stage));
    out << fmt::format("  flows           {}\n", group_text(c, FigureGroup::flow));
    out << fmt::format("  flags           {}\n", group_text(c, FigureGroup::flag));
    print_unknown(out, m.figures);
    std::string sources;
    for (const auto& [source, dwellings] : m.planned_by_source) {
        if (dwellings > 0) sources += fmt::format("{}{} {:.0f}", sources.empty() ? "" : ", ", source, dwellings);
    }
    out << fmt::format("  plans           {} with legal force, capacity {:.0f} ({}), unused {:.0f}{}\n", m.plans_with_legal_force,
                       m.figures.planned, sources.empty() ? "none" : sources, m.figures.remaining_capacity,
                       m.plans_without_capacity ? fmt::format("; {} without any capacity", m.plans_without_capacity) : "");
    out << fmt::format("  applied→granted {}\n", lead(m.applied_to_granted));
    out << fmt::format("  granted→started {}\n", lead(m.granted_to_started));
    out << fmt::format("  started→done    {}\n", lead(m.started_to_completed));
    for (const auto& t : m.targets) {
        const double diff = static_cast<double>(t.completed_since_from) - t.expected_by_now;
        out << fmt::format("  target          {} ({} dwellings {}..{}): {} completed, {:.0f} on the straight path ({:+.0f})\n",
                           t.description, t.dwellings, t.from.str(), t.to.str(), t.completed_since_from, t.expected_by_now, diff);
    }
}

void print_status(std::ostream& out, const aggregate::StatusResult& s) {
    out << fmt::format("Status at the end of {}{} (new dwellings)\n\n", s.month.str(),
                       s.area_set.empty() ? ", no area set" : fmt::format(", area set {}", s.area_set));
    print_header(out);
    for (const auto& a : s.areas) print_row(out, a.area_id, a.name, a.figures);
    print_row(out, "unassigned", "in no area", s.unassigned);
    print_row(out, "total", "", s.total);
    if (!(s.total.unknown_dwellings == Counts{})) {
        out << "\npermits whose dwellings are unknown (counted as permits, as 0 dwellings), per area:\n";
        const auto unknown = [&](std::string_view id, const Figures& f) {
            if (f.unknown_dwellings == Counts{}) return;
            out << fmt::format("  {:<12} {}; {}\n", id, group_text(f.unknown_dwellings, FigureGroup::stage),
                               group_text(f.unknown_dwellings, FigureGroup::flow));
        };
        for (const auto& a : s.areas) unknown(a.area_id, a.figures);
        unknown("unassigned", s.unassigned);
        unknown("total", s.total);
    }
    for (const auto& m : s.municipalities) print_municipality(out, m);
}

void print_permits(std::ostream& out, aggregate::ListKind kind, const std::vector<aggregate::ListedPermit>& permits) {
    out << fmt::format("{} permits: {}\n", aggregate::list_kind_name(kind), permits.size());
    if (permits.empty()) return;
    out << fmt::format("{:<6} {:<20} {:<24} {:<15} {:>5} {:<12} {:<10} {:<10} {:<10} {:<10}\n", "kommun", "case_id", "property",
                       "house_type", "dw", "area", "applied", "granted", "started", "completed");
    for (const auto& p : permits) {
        out << fmt::format("{:<6} {:<20} {:<24} {:<15} {:>5} {:<12} {:<10} {:<10} {:<10} {:<10}\n", p.municipality, p.case_id,
                           p.property, p.house_type, p.dwellings ? std::to_string(*p.dwellings) : "?", p.area_id, p.applied, p.granted, p.started, p.completed);
    }
}

void print_plans(std::ostream& out, const std::vector<aggregate::ListedPlan>& plans) {
    out << fmt::format("plans with legal force: {}\n", plans.size());
    if (plans.empty()) return;
    out << fmt::format("{:<6} {:<20} {:<28} {:<10} {:>8} {:<9} {:>6} {:>9}  {}\n", "kommun", "plan_id", "name", "legal",
                       "capacity", "source", "used", "remaining", "method / note");
    for (const auto& p : plans) {
        out << fmt::format("{:<6} {:<20} {:<28} {:<10} {:>8} {:<9} {:>6} {:>9}  {}\n", p.municipality, p.plan_id, p.name,
                           p.legal_date, p.capacity ? std::to_string(*p.capacity) : "–", p.capacity_source, p.used,
                           p.remaining, p.capacity_note.empty() ? p.capacity_method : p.capacity_note);
    }
}

} // namespace

void StatusCommand::declare(CLI::App& app) {
    app.add_option("--month", m_options.month, "The month, YYYY-MM: the status at its end")->required();
    app.add_option("--area-set", m_options.area_set, "The areas to count by (default: the config's [report] area_set)");
    app.add_option("--municipality", m_options.municipality, "Only this kommun (code or name) and its areas");
    app.add_option("--list", m_options.list, "List the permits lapsed, overdue or stalled at the month's end, new or completed "
                                     "in the month, or the plans with legal force and their capacity")
        ->check(CLI::IsMember({"lapsed", "overdue", "stalled", "new", "completed", "plans"}));
}

ExitCode StatusCommand::run(Context& ctx) {
    const auto month = Month::parse(m_options.month);
    if (!month) throw UsageError(fmt::format("--month: '{}' is not a month (expected YYYY-MM)", m_options.month));
    const config::Config* config = ctx.config();
    aggregate::StatusRequest req;
    req.month = *month;
    req.area_set = m_options.area_set;
    if (!req.area_set && config) req.area_set = config->report.area_set;
    if (m_options.municipality) req.municipality = sweden::kommun_code(*m_options.municipality, "--municipality");
    req.config = config;
    if (config) req.stalled_months = config->status.stalled_after_months;

    const OutputFormat of = ctx.globals().of;
    const auto store = jobs::open_for_reading(ctx.store_location(), ctx.store_options(store::Access::read_write));
    // One snapshot for every query of the status: a concurrent writer's commit is seen whole or not at all.
    const auto snapshot = store->read_snapshot();
    if (m_options.list == "plans") {
        const auto plans = aggregate::list_plans(store->status(), req);
        if (of == OutputFormat::json) ctx.out() << aggregate::plan_list_json(req, plans).dump(2) << "\n";
        else if (of == OutputFormat::csv) print_csv(ctx.out(), aggregate::plan_list_csv_rows(plans));
        else print_plans(ctx.out(), plans);
        return ExitCode::ok;
    }
    if (m_options.list) {
        const auto kind = *parse_list(*m_options.list);
        const auto permits = aggregate::list_permits(store->status(), req, kind);
        if (of == OutputFormat::json) ctx.out() << aggregate::list_json(req, kind, permits).dump(2) << "\n";
        else if (of == OutputFormat::csv) print_csv(ctx.out(), aggregate::list_csv_rows(permits));
        else print_permits(ctx.out(), kind, permits);
        return ExitCode::ok;
    }
    const auto status = aggregate::compute_status(store->status(), req);
    if (status.areas_left_out > 0) {
        ctx.note(fmt::format("note: {} areas of the set '{}' lie in kommuner {} and are left out", status.areas_left_out,
                             status.area_set, req.municipality ? "other than " + sweden::label(*req.municipality)
                                                               : std::string("outside the project (the config's [[municipality]])")));
    }
    if (of == OutputFormat::json) ctx.out() << aggregate::status_json(status).dump(2) << "\n";
    else if (of == OutputFormat::csv) print_csv(ctx.out(), aggregate::status_csv_rows(status));
    else print_status(ctx.out(), status);
    return ExitCode::ok;
}

} // namespace bostad::cli
