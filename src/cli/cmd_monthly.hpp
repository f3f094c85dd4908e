#pragma once

#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad monthly`, as parsing fills them.
struct MonthlyOptions {
    std::string month;
    bool previous = false;
    bool overwrite = false;
    bool skip_existing = false;
};

/// bostad monthly: the main job, driven by the config.
class MonthlyCommand final : public Command {
public:
    std::string_view name() const override { return "monthly"; }
    std::string_view summary() const override { return "the main job: ingest every source, then status, export and report"; }
    std::string_view help_text() const override {
        return "The monthly job of the config: ingests every area set and source for --month ({month} in\n"
               "their paths), prints the headline figures, writes the QGIS export and the report into the\n"
               "config's [report] output_dir/MONTH/ (bostad-MONTH.gpkg and the report files), and says where\n"
               "everything is and how long each step took (ingest, export, report). Existing outputs of the\n"
               "month are replaced only with --overwrite; with --skip-existing a month whose outputs all exist is\n"
               "skipped with a note (exit code 0). --previous runs the month before today's (for a timer).";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const MonthlyOptions& options() const { return m_options; }

private:
    MonthlyOptions m_options;
};

} // namespace bostad::cli
