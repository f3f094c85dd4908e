#include "cli/cmd_example.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "example/project.hpp"

namespace bostad::cli {

void ExampleCommand::declare(CLI::App& app) {
    app.add_option("DIR", m_options.dir, "Folder to write the project into (created when missing)")->required();
    app.add_option("--seed", m_options.seed, "Seed of the generator")->capture_default_str();
    app.add_option("--month", m_options.month, "Newest monthly export, YYYY-MM (the other is the month before)")
        ->capture_default_str();
    app.add_flag("--overwrite", m_options.overwrite, "Replace an example already in DIR (bostad.toml and data/)");
}

ExitCode ExampleCommand::run(Context& ctx) {
    const auto month = Month::parse(m_options.month);
    if (!month) throw UsageError(fmt::format("--month: '{}' is not a month (expected YYYY-MM, e.g. 2026-10)", m_options.month));
    example::ExampleOptions options{m_options.dir, m_options.seed, *month, m_options.overwrite};
    const example::ExampleSummary s = example::generate_example(options);

    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& d : s.deliveries) files.push_back({{"file", d.file}, {"rows", d.rows}, {"defects", d.defects}});
        ctx.out() << nlohmann::json{{"dir", s.dir},
                                    {"config", s.config},
                                    {"months", {s.first_month.str(), s.last_month.str()}},
                                    {"districts", s.districts},
                                    {"plans", s.plans},
                                    {"permits", s.permits},
                                    {"files", files}}
                         .dump(2)
                  << "\n";
        return ExitCode::ok;
    }
    ctx.out() << fmt::format("example project written to {}\n", s.dir);
    ctx.out() << fmt::format("  config     {}\n", s.config);
    ctx.out() << fmt::format("  areas      {} districts in 2 municipalities\n", s.districts);
    ctx.out() << fmt::format("  plans      {} detaljplaner\n", s.plans);
    ctx.out() << fmt::format("  permits    {} building permits, monthly exports {} and {}\n", s.permits,
                             s.first_month.str(), s.last_month.str());
    for (const auto& d : s.deliveries) {
        ctx.out() << fmt::format("  {:<62} {:>5} rows{}\n", d.file, d.rows,
                                 d.defects.empty() ? "" : fmt::format(", {} deliberate defects", d.defects.size()));
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
