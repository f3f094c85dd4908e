#include "cli/cmd_check.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/store.hpp"
#include "store/summary.hpp"

namespace bostad::cli {
namespace {

nlohmann::json to_json(const store::StoreSummary& s) {
    nlohmann::json tables = nlohmann::json::object();
    for (const auto& t : s.tables) tables[t.table] = t.rows;
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& r : s.last_runs) {
        runs.push_back({{"id", r.id}, {"started_at", r.started_at}, {"kind", r.kind}, {"source", r.source_path},
                        {"municipality", r.municipality ? nlohmann::json(*r.municipality) : nlohmann::json()},
                        {"read", r.rows_read}, {"inserted", r.rows_inserted}, {"updated", r.rows_updated},
                        {"unchanged", r.rows_unchanged}, {"rejected", r.rows_rejected}});
    }
    nlohmann::json references = nlohmann::json::object();
    for (const auto& r : s.run_references) references[r.table + "." + r.column] = r.rows;
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : s.personal_data.samples) {
        hits.push_back({{"table", h.table}, {"column", h.column}, {"row", h.row ? nlohmann::json(*h.row) : nlohmann::json()},
                        {"masked", h.masked}});
    }
    return {{"store", s.path},           {"schema_version", s.schema_version},
            {"tool_schema_version", s.tool_schema_version}, {"created_with", s.created_with},
            {"created_at", s.created_at}, {"last_written_with", s.last_written_with},
            {"tables", tables},          {"last_runs", runs},
            {"personal_data", {{"personnummer_like", s.personal_data.values}, {"samples", hits}}},
            {"run_references", references}};
}

void print_personal_data(std::ostream& out, const store::PersonalDataScan& p) {
    if (p.values == 0) {
        out << "\npersonal data   no stored text looks like a personnummer\n";
        return;
    }
    out << fmt::format("\npersonal data   WARNING: {} stored value(s) look like a personnummer:\n", p.values);
    for (const auto& h : p.samples) {
        out << fmt::format("  {}.{} {}  {}\n", h.table, h.column, h.row ? fmt::format("row {}", *h.row) : "", h.masked);
    }
    if (p.values > static_cast<std::int64_t>(p.samples.size())) {
        out << fmt::format("  ... and {} more\n", p.values - static_cast<std::int64_t>(p.samples.size()));
    }
    out << "  Personal data does not belong in the store: find out which mapping field brought it in, map it no\n"
           "  more (unmapped fields are never read), and ingest the delivery again.\n";
}

void print_runs(std::ostream& out, const std::vector<store::RunSummary>& runs) {
    out << "last runs\n";
    out << fmt::format("{:>5}  {:<24} {:<8} {:>6} {:>6} {:>6} {:>6} {:>6}  {}\n", "run", "started", "kind", "read",
                       "new", "upd", "same", "rej", "source");
    for (const auto& r : runs) {
        out << fmt::format("{:>5}  {:<24} {:<8} {:>6} {:>6} {:>6} {:>6} {:>6}  {}\n", r.id, r.started_at, r.kind,
                           r.rows_read, r.rows_inserted, r.rows_updated, r.rows_unchanged, r.rows_rejected,
                           r.source_path);
    }
}

void print_references(std::ostream& out, const store::StoreSummary& s) {
    if (s.dangling_runs() == 0) {
        out << "\nrun references  every run id in the store names an ingest run\n";
        return;
    }
    out << fmt::format("\nrun references  WARNING: {} row(s) name an ingest run that is not in ingest_runs:\n", s.dangling_runs());
    for (const auto& r : s.run_references) {
        if (r.rows > 0) out << fmt::format("  {}.{}: {} row(s)\n", r.table, r.column, r.rows);
    }
    out << "  The store was changed outside bostad or is damaged: restore it from a backup, or copy it again.\n";
}

void print_text(std::ostream& out, const store::StoreSummary& s) {
    out << fmt::format("store           {}\n", s.path);
    out << fmt::format("schema version  {}{}\n", s.schema_version,
                       s.schema_version < s.tool_schema_version
                           ? fmt::format(" (older than this bostad's {}; the next write migrates it)", s.tool_schema_version)
                           : "");
    out << fmt::format("created         {} with bostad {}\n", s.created_at, s.created_with);
    out << fmt::format("last written by bostad {}\n\n", s.last_written_with);
    out << fmt::format("{:<24}{:>10}\n", "table", "rows");
    for (const auto& t : s.tables) out << fmt::format("{:<24}{:>10}\n", t.table, t.rows);
    out << "\n";
    if (s.last_runs.empty()) {
        out << "last runs       none yet\n";
    } else {
        print_runs(out, s.last_runs);
    }
    print_personal_data(out, s.personal_data);
    print_references(out, s);
}

} // namespace

void CheckCommand::declare(CLI::App& app) {
    app.add_option("--runs", m_options.runs, "How many of the last ingest runs to list")->check(CLI::Range(0, 1000));
}

ExitCode CheckCommand::run(Context& ctx) {
    const auto store = store::open(ctx.store_location(), ctx.store_options(store::Access::read_only));
    const auto snapshot = store->read_snapshot();
    const store::StoreSummary summary = store->summarize(m_options.runs);
    if (ctx.globals().of == OutputFormat::json) ctx.out() << to_json(summary).dump(2) << "\n";
    else print_text(ctx.out(), summary);
    if (summary.personal_data.values > 0) {
        ctx.err() << fmt::format("warning: {} value(s) in {} look like a personnummer (Swedish personal identity "
                                 "number); see the 'personal data' part of `bostad check`\n",
                                 summary.personal_data.values, summary.path);
    }
    if (summary.dangling_runs() > 0) {
        ctx.err() << fmt::format("bostad: {} row(s) in {} name an ingest run that is not there; see the 'run references' "
                                 "part of `bostad check`\n",
                                 summary.dangling_runs(), summary.path);
        return ExitCode::data_problems;
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
