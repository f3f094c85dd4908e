#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"
#include "forecast/forecast.hpp"

namespace bostad::cli {

/// The options of `bostad forecast`, as parsing fills them.
struct ForecastOptions {
    std::string month;
    int years = 3;
    std::optional<std::string> area_set;
    std::optional<std::string> municipality;
    int draws = 1000;
    std::optional<std::string> backtest; ///< FROM..TO
    int horizon = 12;
};

/// bostad forecast: expected dwellings started and completed per area and year, with intervals.
class ForecastCommand final : public Command {
public:
    std::string_view name() const override { return "forecast"; }
    std::string_view summary() const override { return "expected dwellings started and completed per area and year"; }
    std::string_view help_text() const override {
        return "A forecast from the store as known at the end of --month (only dates on or before it): for the\n"
               "total, each kommun, each area of --area-set (default: the config's [report] area_set) and what\n"
               "lies in no area, the dwellings expected to be started and completed in the rest of the month's\n"
               "year and each of the next --years calendar years, each with an 80 % interval, and split by where\n"
               "they come from: the permits in the pipeline by stage (applied, granted, started), the plans in\n"
               "force with unused capacity (by the rate the store's plans are taken up at, or the config's\n"
               "[[plan_programme]]) and the permits not applied for yet (the trend of the last 36 months).\n"
               "For each target of the config's kommuner: the chance of reaching it by its end and the expected\n"
               "shortfall. Permits without a dwelling count are forecast as permits, apart. The intervals come\n"
               "from --draws seeded draws: the same store and month give the same numbers.\n"
               "--backtest FROM..TO (instead of --month) checks the forecast against what happened: from each\n"
               "month of the range, the completed dwellings forecast for the next --horizon months from the\n"
               "store as known then, against what the store records, beside two naive forecasts (the last 12\n"
               "months repeated; the mean month of the last 36): the mean absolute error per kommun and origin,\n"
               "per kommun and per area, and the share of outcomes inside the 80 % interval.\n"
               "The method, with its formulas: docs/forecast.md.";
    }
    std::vector<OutputFormat> formats() const override { return {OutputFormat::text, OutputFormat::json, OutputFormat::csv}; }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const ForecastOptions& options() const { return m_options; }

private:
    /// What the options say a forecast covers (area set, kommun, draws, the config's rules).
    forecast::ForecastRequest scope(Context& ctx) const;
    ForecastOptions m_options;
};

} // namespace bostad::cli
