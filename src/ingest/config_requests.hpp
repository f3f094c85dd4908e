#pragma once
// The ingests a project config asks for: its area sets, then its sources, for one month's deliveries.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "ingest/request.hpp"

namespace bostad::config {
struct Config;
}

namespace bostad::ingest {

struct ConfigSelection {
    std::optional<Month> month;            ///< replaces {month} in file paths
    std::optional<std::string> source;     ///< only this source
    std::optional<std::string> area_set;   ///< only this area set
    bool area_sets = true;                 ///< include the area sets
    bool sources = true;                   ///< include the sources
};

/// One request per selected area set and source, in config order. Throws UsageError naming the config key
/// when a path needs a month that is not given, a file does not exist, or the selection names nothing.
std::vector<IngestRequest> requests_from_config(const config::Config& config, const ConfigSelection& selection);

} // namespace bostad::ingest
