#pragma once
// How an ingest's report is shown: a few lines of text, or JSON.

#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "ingest/request.hpp"

namespace bostad::cli {

void print_ingest_summary(std::ostream& out, const ingest::IngestReport& r);
nlohmann::json ingest_summary_json(const ingest::IngestReport& r);

} // namespace bostad::cli
