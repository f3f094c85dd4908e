#pragma once

#include "cli/command.hpp"

namespace bostad::cli {

/// bostad check: what a store holds, without changing it.
class CheckCommand final : public Command {
public:
    std::string_view name() const override { return "check"; }
    std::string_view summary() const override { return "show what a store holds: schema, row counts, last runs"; }
    std::string_view help_text() const override {
        return "Show what a store holds: its schema version, the tool versions that created and last wrote\n"
               "it, the number of rows in every table and the last ingest runs. Opens the store read-only\n"
               "and never migrates or changes it.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

private:
    int m_runs = 5;
};

} // namespace bostad::cli
