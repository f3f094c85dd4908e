#pragma once
// The project config (bostad.toml): parsed, checked against schemas/config.schema.json, then turned into
// plain structs. Paths are resolved against the config file's folder.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/delivery.hpp"
#include "core/date.hpp"
#include "core/fields.hpp"

namespace bostad::config {

struct Target {
    Month from;
    Month to;
    std::int64_t dwellings = 0;
    std::string description;
};

struct Municipality {
    std::string code;
    std::string name;
    std::vector<Target> targets;
    std::map<int, std::int64_t> official_completions; ///< year → SCB completed dwellings
};

struct Mapping {
    std::string name;
    std::optional<std::string> crs;
    std::optional<std::string> encoding;
    std::optional<std::string> municipality;
    std::vector<std::string> date_formats; ///< empty: YYYY-MM-DD only
    std::optional<char> decimal;
    std::optional<char> separator;
    std::map<std::string, std::string> fields;                            ///< canonical → source field
    std::map<std::string, std::map<std::string, std::string>> values;     ///< canonical field → {source → canonical}
    std::vector<std::string> null_values;     ///< source values that mean empty (trimmed; "" always does)
    bool skip_other_municipalities = false;   ///< rows of a kommun outside the project: skipped, not rejected
    std::map<std::string, std::vector<std::string>> keep; ///< source column → the values whose rows are kept
    std::map<std::string, std::string> defaults; ///< permits: canonical field → value where the source has none
    std::vector<std::string> key{"case_id"};     ///< permits: the fields that identify one within its kommun
};


/// A [[source]]: a delivery that comes every month (`{month}` in its file names).
struct Source : Delivery {
    std::string name;
};

/// An [[area_set]]: areas delivered as a polygon layer (kind areas, area_set = its name).
struct AreaSet : Delivery {
    std::string name;
    std::string description;
};

/// The estimate of dwellings from building rights (ingest/capacity.hpp documents the method).
struct Capacity {
    double storey_height = 3.0;
    int default_floors = 2;
    double default_site_coverage = 0.25;
    int multi_dwelling_from_floors = 3;
    double dwelling_size_smahus = 150;
    double dwelling_size_flerbostadshus = 90;
};

/// A planner's dwelling count for one plan.
struct PlanCapacity {
    std::string municipality;
    std::string plan_id;
    std::int64_t dwellings = 0;
    std::string note;
};

/// A planner's programme for one plan: the dwellings to be applied for in it per year, as one rate or year by
/// year (the forecast, docs/forecast.md §5).
struct PlanProgramme {
    std::string municipality;
    std::string plan_id;
    std::optional<double> dwellings_per_year;
    std::map<int, double> years; ///< calendar year → dwellings
};

struct StatusRules {
    int stalled_after_months = 12;
};

/// [boundaries]: what rows are judged against and the maps outline the kommuner with.
struct Boundaries {
    std::optional<std::string> area_set; ///< the project's own kommun boundaries (none: SCB's, built in)
    double tolerance_m = 5000;
};

struct Report {
    std::optional<std::string> area_set;
    std::string lang = "sv";
    std::vector<std::string> formats{"html", "pdf", "xlsx", "csv"};
    std::string output_dir = "out";
    std::string title = "Bostadsbyggandet – månadsrapport";
};

struct Config {
    std::string path;     ///< the file read
    std::string base_dir; ///< its folder; relative paths are resolved against it
    std::uint64_t text_digest = 0; ///< of the file's text (Digest64): what an ingest's row digests depend on
    std::optional<std::string> db;
    std::vector<Municipality> municipalities;
    std::map<std::string, Mapping> mappings;
    std::vector<Source> sources;
    std::vector<AreaSet> area_sets;
    Report report;
    Boundaries boundaries;
    Capacity capacity;
    StatusRules status;
    std::vector<PlanCapacity> plan_capacities;
    std::vector<PlanProgramme> plan_programmes;
    std::vector<std::string> notes; ///< things to tell the user about the file (a key under its former name)

    const Municipality* find_municipality(const std::string& code) const;
    /// Whether the project covers the kommun: it is one of the [[municipality]] entries, or there are none
    /// (a project of all Sweden's kommuner).
    bool covers(std::string_view code) const;
    /// The kommuner the project covers, by code; empty: all of them.
    std::vector<std::string> project_codes() const;
    const Mapping* find_mapping(const std::string& name) const;
    const AreaSet* find_area_set(const std::string& name) const;
    const PlanCapacity* find_plan_capacity(const std::string& municipality, const std::string& plan_id) const;
    const PlanProgramme* find_plan_programme(const std::string& municipality, const std::string& plan_id) const;
};

/// Reads and validates a config file. Every problem is a UsageError (exit code 2) whose message lists each
/// problem as `FILE:LINE: KEY: what is wrong`.
Config load(const std::string& path);

/// The same from text (for tests); `path` names the file in messages and anchors relative paths.
Config parse(std::string_view text, const std::string& path);

/// Replaces {month} in a configured file path.
std::string expand_month(const std::string& file, const Month& month);

} // namespace bostad::config
