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
    app.add_option("--month", m_options.month, "The month, YYYY-MM: the forecast starts after its end")->required();
    app.add_option("--years", m_options.years, "Calendar years after the month's own")->check(CLI::Range(0, 30));
    app.add_option("--area-set", m_options.area_set, "The areas to forecast (default: the config's [report] area_set)");
    app.add_option("--municipality", m_options.municipality, "Only this kommun (code or name) and its areas");
    app.add_option("--draws", m_options.draws, "Draws behind the 80 % intervals")->check(CLI::Range(100, 100000));
}

ExitCode ForecastCommand::run(Context& ctx) {
    const config::Config* config = ctx.config();
    forecast::ForecastRequest req;
    req.month = parse_month_option(m_options.month);
    req.years = m_options.years;
    req.area_set = m_options.area_set;
    if (!req.area_set && config) req.area_set = config->report.area_set;
    if (m_options.municipality) req.municipality = sweden::kommun_code(*m_options.municipality, "--municipality");
    if (config) req.stalled_months = config->status.stalled_after_months;
    req.config = config;
    req.draws = m_options.draws;

    const auto store = jobs::open_for_reading(ctx.store_location(), ctx.store_options(store::Access::read_write));
    const auto snapshot = store->read_snapshot();
    const forecast::Forecast f = forecast::make_forecast(store->features(), store->status(), req);
    const OutputFormat of = ctx.globals().of;
    if (of == OutputFormat::json) {
        ctx.out() << forecast::forecast_json(f).dump(2) << "\n";
    } else if (of == OutputFormat::csv) {
        for (const auto& r : forecast::forecast_csv_rows(f)) ctx.out() << csv_record(r, ',');
    } else {
        forecast::print_forecast(ctx.out(), f);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
