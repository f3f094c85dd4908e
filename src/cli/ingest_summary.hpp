#pragma once
// How an ingest's report is shown: a few lines of text, or JSON; and the note on the assignments that
// follow an ingest.

#include <iosfwd>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "aggregate/assignment.hpp"
#include "ingest/request.hpp"

namespace bostad::cli {

void print_ingest_summary(std::ostream& out, const ingest::IngestReport& r);
nlohmann::json ingest_summary_json(const ingest::IngestReport& r);

/// One line for stderr: what was assigned, and how long it took.
std::string assignment_note(const aggregate::AssignmentSummary& a);

} // namespace bostad::cli
