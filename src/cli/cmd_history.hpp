#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad history`, as parsing fills them.
struct HistoryOptions {
    std::string key;
    std::optional<std::string> municipality;
};

/// bostad history CASE_ID: the recorded events of one permit or plan.
class HistoryCommand final : public Command {
public:
    std::string_view name() const override { return "history"; }
    std::string_view summary() const override { return "the recorded events of one permit or plan"; }
    std::string_view help_text() const override {
        return "Show what the store knows of one permit (by case_id, diarienummer) or plan (by plan_id): its\n"
               "values now, the run that first delivered it, and every recorded event since: each changed field\n"
               "(old → new, which run), dates that moved backwards or disappeared, and when the case was\n"
               "missing from a full snapshot or reappeared. An id that was only ever rejected is shown from the\n"
               "quarantine (reason, run, file and row); an id that is in neither is a usage error.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const HistoryOptions& options() const { return m_options; }

private:
    HistoryOptions m_options;
};

} // namespace bostad::cli
