#include "cli/cmd_forecast.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/month_option.hpp"
#include "config/config.hpp"
#include "core/csv.hpp"
#include "forecast/forecast_output.hpp"
#include "jobs/open_store.hpp"
#include "store/store.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::cli {

void ForecastCommand::declare(CLI::App& app) {
    app.add_option("--month", m_options.month, "The month, YYYY-MM: the forecast starts after its end");
    app.add_option("--years", m_options.years, "Calendar years after the month's own")->check(CLI::Range(0, 30));
    app.add_option("--area-set", m_options.area_set, "The areas to forecast (default: the config's [report] area_set)");
    app.add_option("--municipality", m_options.municipality, "Only this kommun (code or name) and its areas");
    app.add_option("--draws", m_options.draws, "Draws behind the 80 % intervals")->check(CLI::Range(100, 100000));
    app.add_option("--backtest", m_options.backtest, "FROM..TO (YYYY-MM..YYYY-MM): check the forecast from each month of the range");
    app.add_option("--horizon", m_options.horizon, "Months after each origin the backtest compares")->check(CLI::Range(1, 120));
}

namespace {

/// FROM..TO of --backtest.
std::pair<Month, Month> parse_range(const std::string& text) {
    const auto dots = text.find("..");
    if (dots == std::string::npos) throw UsageError(fmt::format("--backtest: '{}' is not a range (expected YYYY-MM..YYYY-MM)", text));
    const auto from = Month::parse(text.substr(0, dots));
    const auto to = Month::parse(text.substr(dots + 2));
    if (!from || !to) throw UsageError(fmt::format("--backtest: '{}' is not a range (expected YYYY-MM..YYYY-MM)", text));
    return {*from, *to};
}

/// Prints `result` as --of asks.
template <typename Result, typename Json, typename Csv, typename Text>
void print_as(Context& ctx, const Result& result, Json json, Csv csv, Text text) {
    switch (ctx.globals().of) {
    case OutputFormat::json: ctx.out() << json(result).dump(2) << "\n"; break;
    case OutputFormat::csv:
        for (const auto& r : csv(result)) ctx.out() << csv_record(r, ',');
        break;
    case OutputFormat::text: text(ctx.out(), result); break;
    }
}

} // namespace

forecast::ForecastRequest ForecastCommand::scope(Context& ctx) const {
    const config::Config* config = ctx.config();
    forecast::ForecastRequest req;
    req.years = m_options.years;
    req.area_set = m_options.area_set;
    if (!req.area_set && config) req.area_set = config->report.area_set;
    if (m_options.municipality) req.municipality = sweden::kommun_code(*m_options.municipality, "--municipality");
    if (config) req.stalled_months = config->status.stalled_after_months;
    req.config = config;
    req.draws = m_options.draws;
    return req;
}

ExitCode ForecastCommand::run(Context& ctx) {
    if (m_options.backtest && !m_options.month.empty()) {
        throw UsageError("--month and --backtest: give one (a backtest forecasts from every month of its range)");
    }
    if (!m_options.backtest && m_options.month.empty()) throw UsageError("--month is required (or --backtest FROM..TO)");
    forecast::ForecastRequest req = scope(ctx);
    std::optional<forecast::BacktestRequest> backtest;
    if (m_options.backtest) {
        backtest = forecast::BacktestRequest{{}, {}, m_options.horizon, req};
        std::tie(backtest->from, backtest->to) = parse_range(*m_options.backtest);
    } else {
        req.month = parse_month_option(m_options.month);
    }
    const auto store = jobs::open_for_reading(ctx.store_location(), ctx.store_options(store::Access::read_write));
    const auto snapshot = store->read_snapshot();
    if (backtest) {
        print_as(ctx, forecast::run_backtest(store->features(), store->status(), *backtest), forecast::backtest_json,
                 forecast::backtest_csv_rows, forecast::print_backtest);
    } else {
        print_as(ctx, forecast::make_forecast(store->features(), store->status(), req), forecast::forecast_json,
                 forecast::forecast_csv_rows, forecast::print_forecast);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
