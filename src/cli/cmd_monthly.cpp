#include "cli/cmd_monthly.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/month_option.hpp"
#include "core/date.hpp"
#include "cli/progress.hpp"
#include "jobs/monthly_job.hpp"

namespace bostad::cli {

void MonthlyCommand::declare(CLI::App& app) {
    app.add_option("--month", m_options.month, "The month, YYYY-MM");
    app.add_flag("--previous", m_options.previous, "The month before today's (instead of --month)");
    app.add_flag("--overwrite", m_options.overwrite, "Replace the month's export and report when they exist");
    app.add_flag("--skip-existing", m_options.skip_existing, "Skip, with a note, a month whose export and report exist");
}

ExitCode MonthlyCommand::run(Context& ctx) {
    if (m_options.previous == !m_options.month.empty()) throw UsageError("give --month YYYY-MM or --previous (the month before today's)");
    if (m_options.overwrite && m_options.skip_existing) throw UsageError("--overwrite and --skip-existing: give one");
    const Month month = m_options.previous ? Month::of(today()).plus(-1) : parse_month_option(m_options.month);
    const config::Config& config = ctx.require_config("monthly");
    TerminalProgress bar(ctx.err());
    jobs::MonthlyJob job{month, ctx.store_location(), m_options.overwrite, m_options.skip_existing,
                         ctx.globals().progress ? &bar : nullptr, [&](const std::string& m) { ctx.note(m); }};
    const jobs::MonthlyDone done = jobs::run_monthly(config, job);
    if (!done.skipped.empty()) {
        ctx.note(fmt::format("bostad monthly {}: skipped, its outputs exist ({}); --overwrite redoes it", month.str(),
                             fmt::format("{}", fmt::join(done.skipped, ", "))));
        return ExitCode::ok;
    }
    for (const auto& w : done.exported.warnings) ctx.note("warning: " + w);

    std::int64_t read = 0, rejected = 0;
    for (const auto& r : done.ingested) {
        read += r.read;
        rejected += r.rejected;
    }
    ctx.out() << fmt::format("bostad monthly {}\n  ingested {} sources and area sets: {} rows read, {} rejected (in the quarantine)\n",
                             month.str(), done.ingested.size(), read, rejected);
    for (const auto& h : done.report.headlines) {
        ctx.out() << fmt::format("  {:<22} started {:>5}, completed {:>5} in the month; completed {:>5} this year, {:>5} in 12 months\n",
                                 h.code.empty() ? "both municipalities" : h.name, h.this_month.started, h.this_month.completed,
                                 h.completed_ytd, h.completed_12m);
    }
    ctx.out() << fmt::format("  QGIS export  {}\n  report       {}/\n", done.exported.output, done.report.dir);
    for (const auto& f : done.report.files) {
        if (f.rfind("csv/", 0) != 0) ctx.out() << fmt::format("               {}/{}\n", done.report.dir, f);
    }
    std::string steps;
    for (const auto& [name, seconds] : done.step_seconds) steps += fmt::format("{}{} {:.1f} s", steps.empty() ? "" : ", ", name, seconds);
    ctx.out() << fmt::format("  took {:.1f} s: {}\n", done.total_seconds, steps);
    return ExitCode::ok;
}

} // namespace bostad::cli
