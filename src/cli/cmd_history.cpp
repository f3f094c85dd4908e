#include "cli/cmd_history.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/history.hpp"
#include "store/store.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::cli {
namespace {

std::string show(const std::optional<std::string>& v) { return v ? *v : "–"; }

nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

void print_text(std::ostream& out, const store::EntityHistory& h) {
    out << fmt::format("{} {} (municipality {})\n", h.entity, h.key, h.municipality);
    out << fmt::format("  first delivered in run {} ({}, {})\n", h.first_run, h.first_run_at, h.first_run_source);
    if (h.missing_since_run) out << fmt::format("  MISSING from the full snapshots since run {}\n", *h.missing_since_run);
    for (const auto& [field, value] : h.current) out << fmt::format("  {:<20}{}\n", field, show(value));
    if (h.events.empty()) {
        out << "  no events: unchanged since it was first delivered\n";
        return;
    }
    out << "  events:\n";
    for (const auto& e : h.events) {
        std::string what = e.kind;
        if (e.field) what = fmt::format("{}: {} → {}{}", *e.field, show(e.old_value), show(e.new_value),
                                        e.kind == "changed" ? "" : fmt::format(" ({})", e.kind));
        out << fmt::format("    run {} {} {}: {}\n", e.run_id, e.run_started_at, e.run_source, what);
    }
}

nlohmann::json to_json(const store::EntityHistory& h) {
    nlohmann::json current = nlohmann::json::object();
    for (const auto& [field, value] : h.current) current[field] = opt(value);
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : h.events) {
        events.push_back({{"run_id", e.run_id}, {"run_started_at", e.run_started_at}, {"source", e.run_source},
                          {"kind", e.kind}, {"field", opt(e.field)}, {"old", opt(e.old_value)}, {"new", opt(e.new_value)}});
    }
    return {{"entity", h.entity},
            {"municipality", h.municipality},
            {"key", h.key},
            {"first_run", h.first_run},
            {"missing_since_run", h.missing_since_run ? nlohmann::json(*h.missing_since_run) : nlohmann::json()},
            {"current", current},
            {"events", events}};
}

void print_rejected(Context& ctx, const std::string& key, const std::vector<store::RejectedEntry>& rows) {
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& r : rows) {
            all.push_back({{"entity", "rejected_row"}, {"kind", r.kind}, {"municipality", r.municipality}, {"key", r.key},
                           {"run_id", r.run_id}, {"run_started_at", r.run_started_at}, {"file", r.source_file},
                           {"row", r.source_row}, {"reason", r.reason_code}, {"message", r.message}});
        }
        ctx.out() << all.dump(2) << "\n";
        return;
    }
    ctx.out() << fmt::format("'{}' is not stored: it is only in the quarantine (rejected_rows), {} row{}:\n", key, rows.size(),
                             rows.size() == 1 ? "" : "s");
    for (const auto& r : rows) {
        ctx.out() << fmt::format("  run {} ({}) {}, {} row {}: {}: {}\n", r.run_id, r.run_started_at, r.kind, r.source_file,
                                 r.source_row, r.reason_code, r.message);
    }
}

} // namespace

void HistoryCommand::declare(CLI::App& app) {
    app.add_option("CASE_ID", m_options.key, "A permit's case_id or a plan's plan_id")->required();
    app.add_option("--municipality", m_options.municipality, "Only in this kommun (code or name)");
}

ExitCode HistoryCommand::run(Context& ctx) {
    const auto store = store::open(ctx.store_location(), ctx.store_options(store::Access::read_only));
    const auto snapshot = store->read_snapshot();
    std::optional<std::string> municipality;
    if (m_options.municipality) municipality = sweden::kommun_code(*m_options.municipality, "--municipality");
    const std::vector<store::EntityHistory> found = store->find_history(m_options.key, municipality);
    const std::vector<std::string> similar = found.empty() ? store->similar_keys(m_options.key) : std::vector<std::string>{};
    const std::string where = store->location();
    if (found.empty()) {
        // A case that never got in: its rows in the quarantine say why.
        const std::vector<store::RejectedEntry> rejected = store->find_rejected(m_options.key, municipality);
        if (!rejected.empty()) {
            print_rejected(ctx, m_options.key, rejected);
            return ExitCode::ok;
        }
        std::string msg = fmt::format("CASE_ID: no permit or plan '{}' in {}", m_options.key, where);
        if (!similar.empty()) {
            msg += fmt::format("; did you mean '{}'?", similar.front());
        }
        throw UsageError(msg);
    }
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& h : found) all.push_back(to_json(h));
        ctx.out() << all.dump(2) << "\n";
    } else {
        for (const auto& h : found) print_text(ctx.out(), h);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
