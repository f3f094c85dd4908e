#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad report`, as parsing fills them.
struct ReportOptions {
    std::string month;
    std::optional<std::string> output;
    std::optional<std::string> area_set;
    std::optional<std::string> formats;
    std::optional<std::string> lang;
    bool overwrite = false;
};

/// bostad report: the monthly housing status report as HTML, PDF, XLSX and CSV.
class ReportCommand final : public Command {
public:
    std::string_view name() const override { return "report"; }
    std::string_view summary() const override { return "the monthly housing status report (HTML, PDF, XLSX, CSV)"; }
    std::string_view help_text() const override {
        return "Writes the monthly housing status report for --month into the folder -o DIR (default: the\n"
               "config's [report] output_dir/MONTH/rapport, or /report in English, as monthly writes it): headline figures for the project's kommuner together and\n"
               "each (the month, the year so far, the last 12 months, against the targets), tables per\n"
               "municipality and area, a chart of started and completed dwellings over 24 months with the\n"
               "cumulative line against the target path, the pipeline funnel, maps in the colours of the QGIS\n"
               "styles (framed on the kommuner, their neighbours faint, tätorter named), lists (new,\n"
               "completed, stalled, lapsing within 6 months, plans whose implementation period ends within\n"
               "12 months), lead times against the 10-week rule, the forecast (`bostad forecast`: a chart per\n"
               "kommun with its 80 % intervals against the target's pace, the targets' chances, tables per kommun\n"
               "and area), data quality, SCB's figures and the definitions. --format picks from html,pdf,xlsx,csv (default: the config's); the PDF is the HTML\n"
               "printed by WeasyPrint. Swedish by default, --lang en for English. The numbers are those of\n"
               "`bostad status`. The folder appears complete or not at all; an existing one is replaced only\n"
               "with --overwrite. A PostGIS store (--db PG:...) is read in one snapshot.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const ReportOptions& options() const { return m_options; }

private:
    ReportOptions m_options;
};

} // namespace bostad::cli
