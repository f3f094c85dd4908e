#pragma once
// Opens a delivered file as rows: CSV and other delimited text with bostad's own reader, everything else
// through OGR. Refuses a missing file, a folder and an empty file with a message that says so.

#include <memory>
#include <string>

#include "core/row_source.hpp"

namespace bostad::ingest {

std::unique_ptr<RowSource> open_source(const std::string& path, const SourceOptions& options);

} // namespace bostad::ingest
