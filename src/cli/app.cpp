#include "cli/app.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/manual.hpp"
#include "cli/registry.hpp"
#include "core/text.hpp"
#include "core/version.hpp"
#include "gdal/runtime.hpp"
#include "geos/context.hpp"
#include "sqlite/database.hpp"
#include "store/schema.hpp"

namespace bostad::cli {
namespace {

constexpr const char* k_global_options =
    "Global options (before or after the command): --config FILE, --db STORE|PG:..., --of text|json, --quiet, --progress.";

constexpr const char* k_exit_codes =
    "Exit codes: 0 ok; 1 data problems found (e.g. rows quarantined with --strict); 2 usage or config error;\n"
    "3 unreadable input or store; 4 write, I/O or external failure; 5 internal error (a bug).";

/// Global options that take a value, so that their values are not taken for the command name.
constexpr std::string_view k_valued_globals[] = {"--config", "--db", "--of"};

std::vector<std::string> command_names(const std::vector<std::unique_ptr<Command>>& commands) {
    std::vector<std::string> names;
    for (const auto& c : commands) names.emplace_back(c->name());
    return names;
}

/// The first argument that is not a global option or its value: the command word the user typed.
std::optional<std::string> command_word(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") return std::nullopt;
        if (std::find(std::begin(k_valued_globals), std::end(k_valued_globals), a) != std::end(k_valued_globals)) {
            ++i;
            continue;
        }
        if (!a.starts_with("-")) return a;
    }
    return std::nullopt;
}

std::string command_list(const std::vector<std::unique_ptr<Command>>& commands) {
    std::string out = "Commands:\n";
    for (const auto& c : commands) out += fmt::format("  {:<10} {}\n", c->name(), c->summary());
    return out;
}

/// "--mnth" → "--month" among the options of the command being parsed.
std::string suggest_option(const CLI::App& app, const std::vector<std::string>& extras) {
    std::vector<std::string> names;
    for (const auto* opt : app.get_options()) {
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    }
    for (const auto& extra : extras) {
        const std::string word = extra.substr(0, extra.find('='));
        if (!word.starts_with("--")) continue;
        if (auto guess = closest_match(word, names)) return fmt::format(" (did you mean '{}'?)", *guess);
    }
    return {};
}

OutputFormat parse_format(const std::string& text) {
    if (text == "json") return OutputFormat::json;
    if (text == "csv") return OutputFormat::csv;
    return OutputFormat::text;
}

} // namespace

std::string version_text() {
    return fmt::format("bostad {} (store schema {}; GDAL {}, GEOS {}, PROJ {} with network {}, SQLite {})",
                       k_tool_version, store::current_schema_version(), gdal::gdal_version(), geos::geos_version(),
                       gdal::proj_version(), gdal::proj_network_enabled() ? "on" : "off", sqlite::sqlite_version());
}

Parsed parse_arguments(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Parsed p;
    p.commands = make_commands();
    const auto names = command_names(p.commands);
    const auto usage = [&p]() {
        p.done = ExitCode::usage;
        return std::move(p);
    };

    if (auto word = command_word(args); word && std::find(names.begin(), names.end(), *word) == names.end()) {
        std::string msg = fmt::format("bostad: unknown command '{}'", *word);
        if (auto guess = closest_match(*word, names)) msg += fmt::format("; did you mean '{}'?", *guess);
        err << msg << "\n" << command_list(p.commands) << "Run 'bostad --help' for the options.\n";
        return usage();
    }

    CLI::App app("bostad: housing construction pipeline tracker with GIS (planned, applied, granted,\n"
                 "started and completed dwellings per area and month).",
                 "bostad");
    app.footer(std::string(k_exit_codes) + "\n");
    app.set_version_flag("--version", version_text());
    app.get_formatter()->column_width(32);
    app.allow_extras(); // unexpected arguments are reported with a suggestion after parsing
    std::string of = "text";
    app.add_option("--config", p.globals.config_path, "Project config file (default: ./bostad.toml when present)");
    app.add_option("--db", p.globals.db, "Store: a GeoPackage path or a PostGIS database as PG:\"dbname=... host=...\" "
                                         "(default: the config's store, else ./bostad.gpkg)");
    app.add_option("--of", of, "Output format: text or json (status also csv)")->check(CLI::IsMember({"text", "json", "csv"}));
    app.add_flag("--quiet,-q", p.globals.quiet, "Print no progress or notes on stderr");
    app.add_flag("--progress", p.globals.progress, "Print progress on stderr");
    // For packaging (no group: not in --help): the man page and the bash completion, from these declarations.
    bool manual = false, completion = false;
    app.add_flag("--manual", manual, "Print the man page (roff)")->group("");
    app.add_flag("--bash-completion", completion, "Print the bash completion script")->group("");

    std::vector<std::pair<CLI::App*, Command*>> subs;
    for (auto& c : p.commands) {
        CLI::App* sub = app.add_subcommand(std::string(c->name()), std::string(c->summary()));
        sub->fallthrough();
        sub->allow_extras(); // reported below with a suggestion
        sub->footer(fmt::format("{}\n\n{}\n{}", c->help_text(), k_global_options, k_exit_codes) + "\n");
        c->declare(*sub);
        subs.emplace_back(sub, c.get());
    }

    if (args.empty()) {
        err << app.help() << "\n" << "bostad: a command is required.\n";
        return usage();
    }

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        p.done = ExitCode::ok;
        return p;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        p.done = ExitCode::ok;
        return p;
    } catch (const CLI::CallForVersion&) {
        out << version_text() << "\n";
        p.done = ExitCode::ok;
        return p;
    } catch (const CLI::ParseError& e) {
        std::string where;
        for (const auto& [sub, cmd] : subs) {
            if (sub->parsed()) where = sub->get_name() + " ";
        }
        err << "bostad: " << e.what() << "\nRun 'bostad " << where << "--help' for usage.\n";
        return usage();
    }

    if (manual || completion) {
        out << (manual ? man_page(app, p.commands) : bash_completion(app));
        p.done = ExitCode::ok;
        return p;
    }
    p.globals.of = parse_format(of);
    for (const auto& [sub, cmd] : subs) {
        if (!sub->parsed()) continue;
        if (const std::vector<std::string> extras = app.remaining(true); !extras.empty()) {
            err << "bostad: unexpected argument(s): " << join(extras, " ") << suggest_option(*sub, extras) << "\n"
                << "Run 'bostad " << sub->get_name() << " --help' for usage.\n";
            return usage();
        }
        const auto accepted = cmd->formats();
        if (std::find(accepted.begin(), accepted.end(), p.globals.of) == accepted.end()) {
            std::vector<std::string> list;
            for (auto f : accepted) list.emplace_back(format_name(f));
            err << fmt::format("bostad: --of {}: `bostad {}` writes {}\n", of, cmd->name(), join_alternatives(list));
            return usage();
        }
        p.command = cmd;
        return p;
    }
    err << app.help() << "\nbostad: a command is required.\n";
    return usage();
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) noexcept {
    try {
        Parsed p = parse_arguments(args, out, err);
        if (p.done) return static_cast<int>(*p.done);
        Context ctx(p.globals, out, err);
        return static_cast<int>(p.command->run(ctx));
    } catch (const Error& e) {
        err << "bostad: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        err << "bostad: internal error: " << e.what() << "\n";
        return static_cast<int>(ExitCode::internal);
    } catch (...) {
        err << "bostad: internal error\n";
        return static_cast<int>(ExitCode::internal);
    }
}

} // namespace bostad::cli
