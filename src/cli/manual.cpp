#include "cli/manual.hpp"

#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/version.hpp"

namespace bostad::cli {
namespace {

/// Text safe in roff: backslashes escaped, a line that begins with . or ' protected, hyphens as \-, and
/// every character beyond ASCII as \[uXXXX] (troff reads bytes; UTF-8 would need preconv).
std::string roff(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        line_start = c == '\n';
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            // A UTF-8 sequence (the texts are valid UTF-8: they are the program's own).
            const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            std::uint32_t cp = c & (0x3Fu >> extra);
            for (int k = 0; k < extra && i + 1 < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[++i]) & 0x3Fu);
            out += fmt::format("\\[u{:04X}]", cp);
        }
    }
    return out;
}

/// The options a user sees (hidden ones have no group), help and version included.
std::vector<const CLI::Option*> shown_options(const CLI::App& app) {
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* o : app.get_options()) {
        if (!o->get_group().empty()) out.push_back(o);
    }
    return out;
}

/// A flag takes none.
bool takes_value(const CLI::Option* o) { return o->get_expected_min() > 0; }

/// "--month VALUE", "--overwrite", "-q, --quiet", "CASE_ID".
std::string option_label(const CLI::Option* o) {
    std::vector<std::string> names;
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    if (names.empty()) return o->get_name();
    std::string label = fmt::format("{}", fmt::join(names, ", "));
    if (takes_value(o)) label += " " + (o->get_type_name().empty() ? std::string("VALUE") : o->get_type_name());
    return label;
}

std::string option_words(const CLI::App& app) {
    std::vector<std::string> words;
    for (const CLI::Option* o : shown_options(app)) {
        for (const auto& s : o->get_snames()) words.push_back("-" + s);
        for (const auto& l : o->get_lnames()) words.push_back("--" + l);
    }
    return fmt::format("{}", fmt::join(words, " "));
}

/// The long names of the options of `app` that take a value.
void valued_words(const CLI::App& app, std::set<std::string>& words) {
    for (const CLI::Option* o : shown_options(app)) {
        if (!takes_value(o)) continue;
        for (const auto& l : o->get_lnames()) words.insert("--" + l);
    }
}

void man_options(std::string& out, const CLI::App& app) {
    for (const CLI::Option* o : shown_options(app)) {
        out += fmt::format(".TP\n.B {}\n{}\n", roff(option_label(o)), roff(o->get_description()));
    }
}

} // namespace

std::string man_page(const CLI::App& app, const std::vector<std::unique_ptr<Command>>& commands) {
    std::string out = fmt::format(".TH BOSTAD 1 \"\" \"bostad {}\" \"User Commands\"\n", k_tool_version);
    out += ".SH NAME\nbostad \\- housing construction pipeline tracker with GIS\n";
    out += ".SH SYNOPSIS\n.B bostad\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR]\n";
    out += ".SH DESCRIPTION\n" + roff(app.get_description()) + "\n";
    out += ".SH GLOBAL OPTIONS\nBefore or after the command.\n";
    man_options(out, app);
    out += ".SH COMMANDS\n";
    for (const auto& c : commands) {
        const CLI::App* sub = app.get_subcommand(std::string(c->name()));
        out += fmt::format(".SS {}\n{}\n.PP\n{}\n", roff(std::string("bostad ") + std::string(c->name())), roff(c->summary()),
                           roff(c->help_text()));
        man_options(out, *sub);
    }
    out += ".SH EXIT STATUS\n" + roff(app.get_footer()) + "\n";
    out += ".SH SEE ALSO\nThe README and docs/ in /usr/share/doc/bostad, and \\fBbostad \\fIcommand\\fB \\-\\-help\\fR.\n";
    return out;
}

std::string bash_completion(const CLI::App& app) {
    std::string names, cases;
    for (const CLI::App* sub : app.get_subcommands({})) {
        names += (names.empty() ? "" : " ") + sub->get_name();
        cases += fmt::format("        {}) opts=\"{}\" ;;\n", sub->get_name(), option_words(*sub));
    }
    std::set<std::string> valued_set;
    valued_words(app, valued_set);
    for (const CLI::App* sub : app.get_subcommands({})) valued_words(*sub, valued_set);
    const std::string valued = fmt::format("{}", fmt::join(valued_set, "|"));
    return fmt::format(R"(# bash completion for bostad {version}, written by `bostad --bash-completion` from the same
# declarations as --help.
_bostad() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local commands="{names}"
    local globals="{globals}"
    case "$prev" in
        {valued}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    esac
    local cmd="" word
    for word in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
        case " $commands " in *" $word "*) cmd="$word"; break ;; esac
    done
    local opts=""
    case "$cmd" in
{cases}        "") COMPREPLY=($(compgen -W "$commands $globals" -- "$cur")); return 0 ;;
    esac
    COMPREPLY=($(compgen -W "$opts $globals" -- "$cur"))
}}
complete -F _bostad bostad
)",
                       fmt::arg("version", k_tool_version), fmt::arg("names", names), fmt::arg("globals", option_words(app)),
                       fmt::arg("valued", valued), fmt::arg("cases", cases));
}

} // namespace bostad::cli
