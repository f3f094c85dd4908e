#include "cli/cmd_report.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/month_option.hpp"
#include "jobs/open_store.hpp"
#include "jobs/requests.hpp"
#include "core/text.hpp"

namespace bostad::cli {

void ReportCommand::declare(CLI::App& app) {
    app.add_option("--month", m_options.month, "The month, YYYY-MM: the report on its end")->required();
    app.add_option("-o,--output", m_options.output,
                   "The folder to write; its parent must exist (default: the config's [report] output_dir/MONTH/rapport, "
                   "or .../report with --lang en, created as monthly creates it)");
    app.add_option("--area-set", m_options.area_set, "The areas of the tables and maps (default: the config's [report] area_set)");
    app.add_option("--format", m_options.formats, "Comma-separated: html,pdf,xlsx,csv (default: the config's [report] formats)");
    app.add_option("--lang", m_options.lang, "sv (default) or en")->check(CLI::IsMember({"sv", "en"}));
    app.add_flag("--overwrite", m_options.overwrite, "Replace an existing report folder");
}

ExitCode ReportCommand::run(Context& ctx) {
    const Month month = parse_month_option(m_options.month);
    const config::Config* config = ctx.config();
    report::ReportOptions opt;
    opt.request = jobs::report_request(config, month, jobs::choose_area_set(config, m_options.area_set, "report"));
    if (m_options.formats) opt.formats = split(*m_options.formats, ',');
    else if (config) opt.formats = config->report.formats;
    const std::string lang = m_options.lang.value_or(config ? config->report.lang : "sv");
    opt.lang = lang == "en" ? report::Lang::en : report::Lang::sv;
    opt.output_dir = m_options.output ? *m_options.output
                                      : jobs::default_outputs(config, month, lang == "en", "report").report_dir.string();
    opt.title = jobs::report_title(config, month);
    opt.overwrite = m_options.overwrite;

    const auto store = jobs::open_for_reading(ctx.store_location(), ctx.store_options(store::Access::read_write));
    // The report reads one state of the store while an ingest may be writing.
    const auto snapshot = store->read_snapshot();
    const report::ReportSummary done = report::write_report(*store, opt);
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::ordered_json j;
        j["dir"] = done.dir;
        j["month"] = month.str();
        j["files"] = done.files;
        ctx.out() << j.dump(2) << "\n";
        return ExitCode::ok;
    }
    ctx.out() << fmt::format("wrote the report for {} into {}:\n", month.str(), done.dir);
    for (const auto& f : done.files) {
        if (f.rfind("csv/", 0) != 0) ctx.out() << "  " << f << "\n";
    }
    const auto csv = std::count_if(done.files.begin(), done.files.end(), [](const std::string& f) { return f.rfind("csv/", 0) == 0; });
    if (csv > 0) ctx.out() << fmt::format("  csv/ ({} tables)\n", csv);
    return ExitCode::ok;
}

} // namespace bostad::cli
