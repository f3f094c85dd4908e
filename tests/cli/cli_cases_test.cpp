// Runs the cases in tests/cli/cases.toml, and checks --help of every registered command.
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>
#include <toml++/toml.h>
#include <CLI/CLI.hpp>

#include "cli/registry.hpp"
#include "support/files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

struct CliCase {
    std::string name;
    std::vector<std::vector<std::string>> setup;
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::string> args;
    int exit = 0;
    std::vector<std::string> stdout_has;
    std::vector<std::string> stderr_has;
    std::vector<std::string> stderr_lacks;
    bool stdout_empty = false;
    bool stderr_empty = false;
};

/// gtest prints a case by its name, not by its bytes.
void PrintTo(const CliCase& c, std::ostream* os) { *os << c.name; }

std::vector<std::string> strings(const toml::node_view<toml::node>& v) {
    std::vector<std::string> out;
    if (auto* a = v.as_array()) {
        for (auto& e : *a) out.push_back(e.value<std::string>().value_or(""));
    }
    return out;
}

std::vector<CliCase> load_cases() {
    std::vector<CliCase> cases;
    toml::table doc = toml::parse_file(BOSTAD_CLI_CASES);
    for (auto& node : *doc["case"].as_array()) {
        auto& t = *node.as_table();
        CliCase c;
        c.name = t["name"].value<std::string>().value_or("?");
        if (auto* setup = t["setup"].as_array()) {
            for (auto& s : *setup) {
                std::vector<std::string> args;
                for (auto& a : *s.as_array()) args.push_back(a.value<std::string>().value_or(""));
                c.setup.push_back(args);
            }
        }
        if (auto* files = t["files"].as_table()) {
            for (auto& [k, v] : *files) c.files.emplace_back(std::string(k.str()), v.value<std::string>().value_or(""));
        }
        c.args = strings(t["args"]);
        c.exit = static_cast<int>(t["exit"].value<std::int64_t>().value_or(0));
        c.stdout_has = strings(t["stdout"]);
        c.stderr_has = strings(t["stderr"]);
        c.stderr_lacks = strings(t["stderr_lacks"]);
        c.stdout_empty = t["stdout_empty"].value<bool>().value_or(false);
        c.stderr_empty = t["stderr_empty"].value<bool>().value_or(false);
        cases.push_back(std::move(c));
    }
    return cases;
}

class CliCaseTest : public ::testing::TestWithParam<CliCase> {};

TEST_P(CliCaseTest, Runs) {
    const CliCase& c = GetParam();
    TempDir dir;
    for (const auto& [file, text] : c.files) {
        std::filesystem::create_directories((dir.path() / file).parent_path());
        write_file(dir.path() / file, text);
    }
    ProcessOptions opts;
    opts.cwd = dir.path().string();
    for (const auto& s : c.setup) {
        const auto r = run_bostad(s, opts);
        ASSERT_EQ(r.exit_code, 0) << "setup failed: " << r.err;
    }
    const auto r = run_bostad(c.args, opts);
    EXPECT_EQ(r.exit_code, c.exit) << "stdout:\n" << r.out << "\nstderr:\n" << r.err;
    for (const auto& s : c.stdout_has) EXPECT_NE(r.out.find(s), std::string::npos) << "stdout lacks: " << s << "\n" << r.out;
    for (const auto& s : c.stderr_has) EXPECT_NE(r.err.find(s), std::string::npos) << "stderr lacks: " << s << "\n" << r.err;
    for (const auto& s : c.stderr_lacks) EXPECT_EQ(r.err.find(s), std::string::npos) << "stderr has: " << s << "\n" << r.err;
    if (c.stdout_empty) {
        EXPECT_EQ(r.out, "");
    }
    if (c.stderr_empty) {
        EXPECT_EQ(r.err, "");
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, CliCaseTest, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<CliCase>& p) { return p.param.name; });

TEST(CliHelp, TopLevelHelpListsEveryCommandAndTheExitCodes) {
    const auto r = run_bostad({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
    for (const auto& cmd : cli::make_commands()) {
        EXPECT_NE(r.out.find(std::string(cmd->name())), std::string::npos) << cmd->name();
    }
    EXPECT_NE(r.out.find("Exit codes: 0 ok; 1 data problems"), std::string::npos);
    EXPECT_NE(r.out.find("--config"), std::string::npos);
}

TEST(CliHelp, EveryCommandHasHelp) {
    for (const auto& cmd : cli::make_commands()) {
        const std::string name(cmd->name());
        for (const char* flag : {"--help", "-h"}) {
            const auto r = run_bostad({name, flag});
            EXPECT_EQ(r.exit_code, 0) << name << " " << flag << ": " << r.err;
            EXPECT_EQ(r.err, "") << name;
            EXPECT_NE(r.out.find("Usage: bostad " + name), std::string::npos) << r.out;
            EXPECT_NE(r.out.find(std::string(cmd->help_text())), std::string::npos) << name;
            EXPECT_NE(r.out.find("Global options"), std::string::npos) << name;
            EXPECT_NE(r.out.find("Exit codes"), std::string::npos) << name;
        }
    }
}

/// Every command of the registry with the long options its declare() gives CLI11 (what --help lists).
std::vector<std::pair<std::string, std::vector<std::string>>> declared_options() {
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& cmd : cli::make_commands()) {
        CLI::App app;
        cmd->declare(app);
        std::vector<std::string> names;
        for (const CLI::Option* o : app.get_options()) {
            for (const auto& l : o->get_lnames()) names.push_back("--" + l);
        }
        out.emplace_back(std::string(cmd->name()), std::move(names));
    }
    return out;
}

std::string roff_escaped(const std::string& option) {
    std::string out;
    for (const char c : option) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

TEST(CliManual, TheManPageHasEveryCommandAndOptionOfTheRegistryAndRendersCleanly) {
    TempDir dir;
    const auto r = run_bostad({"--manual"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind(".TH BOSTAD 1", 0), 0u);
    std::size_t options = 0;
    for (const auto& [command, names] : declared_options()) {
        const auto at = r.out.find(".SS bostad " + command + "\n");
        ASSERT_NE(at, std::string::npos) << command;
        const auto end = r.out.find(".SS ", at + 1);
        const std::string section = r.out.substr(at, end == std::string::npos ? std::string::npos : end - at);
        for (const auto& name : names) {
            const std::regex item("\n\\.B (\\\\-[a-z], )?" + std::regex_replace(roff_escaped(name), std::regex(R"(\\)"), R"(\\)") + "[ \n]");
            EXPECT_TRUE(std::regex_search(section, item)) << command << " " << name;
            ++options;
        }
    }
    EXPECT_GT(options, 40u);
    for (const char* global : {"--config", "--db", "--of", "--quiet", "--progress"}) {
        EXPECT_NE(r.out.find(roff_escaped(global)), std::string::npos) << global;
    }
    // groff (groff-base, installed by scripts/setup) renders it without a warning.
    write_file(dir.path() / "bostad.1", r.out);
    ProcessOptions o;
    o.cwd = dir.path().string();
    const auto rendered = run_process({"/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", "bostad.1"}, o);
    EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
    EXPECT_EQ(rendered.err, "") << "groff warns";
}

/// What bash completes after the words typed so far (the last one is being typed).
std::string complete(const std::string& script, const std::string& words) {
    TempDir dir;
    write_file(dir.path() / "c.bash", script);
    std::filesystem::create_directories(dir.path() / "empty");
    const std::string line = "source ../c.bash; COMP_WORDS=(" + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _bostad; "
                             "echo \"${COMPREPLY[*]}\"";
    ProcessOptions o;
    o.cwd = (dir.path() / "empty").string();
    const auto r = run_process({"/bin/bash", "-c", line}, o);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
}

TEST(CliManual, BashCompletesEveryCommandAndItsOptions) {
    const auto r = run_bostad({"--bash-completion"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(complete(r.out, "bostad fore"), "forecast\n");
    EXPECT_EQ(complete(r.out, "bostad --db x.gpkg mon"), "monthly\n");
    for (const auto& [command, names] : declared_options()) {
        const std::string all = complete(r.out, "bostad " + command + " ''");
        for (const auto& name : names) EXPECT_NE((" " + all).find(" " + name + " "), std::string::npos) << command << " " << name << ": " << all;
        EXPECT_NE(all.find("--config"), std::string::npos) << "the global options too";
    }
    EXPECT_EQ(complete(r.out, "bostad forecast --back"), "--backtest\n");
    EXPECT_EQ(complete(r.out, "bostad forecast --area-set ''"), "\n") << "a value: files (none here)";
}

} // namespace
} // namespace bostad::test
