#pragma once
// A delivery and how to read it: the same fields whether they come from the command line (`bostad ingest FILE
// --kind ...`) or from a [[source]] or [[area_set]] of the config, and recorded as they are with the ingest run.
// Stated once here, so that each place that fills them fills this struct instead of copying field by field.

#include <optional>
#include <string>
#include <vector>

#include "core/fields.hpp"

namespace bostad {

struct Delivery {
    DataKind kind = DataKind::permits;
    std::vector<std::string> files;
    std::optional<std::string> layer;        ///< of a multi-layer file
    std::optional<std::string> mapping;      ///< name of a [mapping.NAME] in the config
    std::optional<std::string> municipality; ///< kommun code of every row
    std::optional<std::string> crs;          ///< "EPSG:n": overrides the files' CRS
    std::optional<std::string> area_set;     ///< areas: the set to load or replace
    std::optional<std::string> vintage;      ///< areas: boundary vintage (default: the config's, else the date)
    bool full_snapshot = false;              ///< the files hold every current case: flag the ones missing
    std::optional<std::string> source_name;  ///< the config's source or area set it came from
};

} // namespace bostad
