#pragma once

#include <optional>
#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad status`, as parsing fills them.
struct StatusOptions {
    std::string month;
    std::optional<std::string> area_set;
    std::optional<std::string> municipality;
    std::optional<std::string> list;
};

/// bostad status: the pipeline per area for one month, or the permits and plans behind it.
class StatusCommand final : public Command {
public:
    std::string_view name() const override { return "status"; }
    std::string_view summary() const override { return "dwellings planned, applied, granted, started, completed per area"; }
    std::string_view help_text() const override {
        return "The housing pipeline at the end of --month: per area of --area-set (default: the config's\n"
               "[report] area_set), for what lies in no area (unassigned) and in total, the dwellings at each\n"
               "stage (applied, granted, started, completed), applied, granted, started and completed in the\n"
               "month, completed in the year so far, lapsed (not started within 2 years of the grant), overdue (not completed within 5\n"
               "years) and stalled (no new stage date for [status] stalled_after_months), the planned\n"
               "capacity of plans with legal force shared out by overlap area and what of it is unused. Per\n"
               "municipality also lead times over the last 12 months and progress against the config's\n"
               "targets. New dwellings in text; --of json and csv add net dwellings (new − removed), json the\n"
               "splits by house type and tenure. --list names the permits (or plans) behind a figure.\n"
               "Only the kommuner of the project (the config's [[municipality]]; without any, every kommun) are\n"
               "counted, areas included; --municipality (a code or a name) narrows it to one.\n"
               "A month that has not begun is an error; a month before any data gives zeros.\n"
               "On a PostGIS store (--db PG:...) the permits stream out of the database (COPY) into the same\n"
               "count as on a GeoPackage, and the lists are chosen by the database, all in one read-only snapshot.";
    }
    std::vector<OutputFormat> formats() const override { return {OutputFormat::text, OutputFormat::json, OutputFormat::csv}; }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const StatusOptions& options() const { return m_options; }

private:
    StatusOptions m_options;
};

} // namespace bostad::cli
