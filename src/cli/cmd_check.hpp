#pragma once

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad check`, as parsing fills them.
struct CheckOptions {
    int runs = 5;
};

/// bostad check: what a store holds, without changing it.
class CheckCommand final : public Command {
public:
    std::string_view name() const override { return "check"; }
    std::string_view summary() const override { return "show what a store holds: schema, row counts, last runs, personal data"; }
    std::string_view help_text() const override {
        return "Show what a store holds: its schema version, the tool versions that created and last wrote\n"
               "it, the number of rows in every table and the last ingest runs. Warns (on stderr, and in a\n"
               "'personal data' part) about stored text that looks like a personnummer (YYMMDD-NNNN,\n"
               "YYYYMMDDNNNN, ... with a valid check digit). Verifies that every run id the store's rows name\n"
               "(first_run, last_seen_run, ... run_id) is an ingest run, and exits with code 1 when one is not.\n"
               "Opens the store read-only and never migrates or changes it.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const CheckOptions& options() const { return m_options; }

private:
    CheckOptions m_options;
};

} // namespace bostad::cli
