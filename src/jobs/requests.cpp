#include "jobs/requests.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad::jobs {

std::string choose_area_set(const config::Config* config, const std::optional<std::string>& option, std::string_view command) {
    if (option) return *option;
    if (config && config->report.area_set) return *config->report.area_set;
    throw UsageError(fmt::format("{} needs an area set: give --area-set NAME, or [report] area_set in the config", command));
}

exports::ExportRequest export_request(const config::Config* config, Month month, const std::string& area_set) {
    exports::ExportRequest r;
    r.month = month;
    r.area_set = area_set;
    r.boundary_set = config && config->boundaries.area_set ? *config->boundaries.area_set : "";
    r.config = config;
    if (config) r.stalled_months = config->status.stalled_after_months;
    return r;
}

report::ReportRequest report_request(const config::Config* config, Month month, const std::string& area_set) {
    const exports::ExportRequest e = export_request(config, month, area_set);
    return {e.month, e.area_set, e.boundary_set, e.stalled_months, e.config};
}

std::filesystem::path MonthOutputs::export_path(std::string_view format) const {
    if (format == "gpkg") return gpkg;
    return dir / fmt::format("{}-{}", gpkg.stem().string(), format);
}

MonthOutputs month_outputs(const config::Config& config, Month month, bool english) {
    const std::filesystem::path dir = std::filesystem::path(config.report.output_dir) / month.str();
    return {dir, dir / fmt::format("bostad-{}.gpkg", month.str()), dir / (english ? "report" : "rapport")};
}

MonthOutputs default_outputs(const config::Config* config, Month month, bool english, std::string_view command) {
    if (!config) throw UsageError(fmt::format("{} needs -o (or a config, whose [report] output_dir says where outputs go)", command));
    MonthOutputs out = month_outputs(*config, month, english);
    std::filesystem::create_directories(out.dir);
    return out;
}

std::string report_title(const config::Config* config, Month month) {
    return fmt::format("{} – {}", config ? config->report.title : "Bostadsbyggandet", month.str());
}

} // namespace bostad::jobs
