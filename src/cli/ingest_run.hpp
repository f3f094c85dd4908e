#pragma once
// Runs ingest requests into a store the way `bostad ingest` does: all in one transaction, the area
// assignments made before the commit (or nothing written for a dry run). Shared by ingest and monthly.

#include <vector>

#include "cli/context.hpp"
#include "ingest/ingester.hpp"

namespace bostad::store {
class Store;
}
namespace bostad::pgstore {
class PgStore;
}

namespace bostad::cli {

std::vector<ingest::IngestReport> run_ingest(Context& ctx, store::Store& s, const std::vector<ingest::IngestRequest>& requests,
                                             bool dry_run);
/// The same into a PostGIS store; ingests of the same source (kind and municipality, or area set) take
/// an advisory lock, so that a second one waits, with a note, until the first has committed.
std::vector<ingest::IngestReport> run_ingest(Context& ctx, pgstore::PgStore& s, const std::vector<ingest::IngestRequest>& requests,
                                             bool dry_run);

} // namespace bostad::cli
