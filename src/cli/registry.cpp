#include "cli/registry.hpp"

#include "cli/cmd_check.hpp"
#include "cli/cmd_copy.hpp"
#include "cli/cmd_example.hpp"
#include "cli/cmd_history.hpp"
#include "cli/cmd_ingest.hpp"
#include "cli/cmd_init.hpp"
#include "cli/cmd_status.hpp"
#include "cli/cmd_export.hpp"
#include "cli/cmd_forecast.hpp"
#include "cli/cmd_monthly.hpp"
#include "cli/cmd_report.hpp"

namespace bostad::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InitCommand>());
    commands.push_back(std::make_unique<IngestCommand>());
    commands.push_back(std::make_unique<StatusCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    commands.push_back(std::make_unique<ForecastCommand>());
    commands.push_back(std::make_unique<MonthlyCommand>());
    commands.push_back(std::make_unique<HistoryCommand>());
    commands.push_back(std::make_unique<CheckCommand>());
    commands.push_back(std::make_unique<CopyCommand>());
    commands.push_back(std::make_unique<ExampleCommand>());
    return commands;
}

} // namespace bostad::cli
