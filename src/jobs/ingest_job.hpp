#pragma once
// An ingest as `bostad ingest` and `bostad monthly` run it: every request through the ingester in one write
// transaction of the store, then the area assignments, then the commit — or, for a dry run, nothing written.
// Writers of the same source (kind and municipality, or area set) wait for each other; the assignments are
// made by one writer at a time, after the writers before it have committed.

#include <vector>

#include "core/progress.hpp"
#include "ingest/request.hpp"
#include "store/store.hpp"

namespace bostad::config {
struct Config;
}

namespace bostad::jobs {

struct IngestJob {
    const config::Config* config = nullptr;
    Progress* progress = nullptr; ///< per row, or none
    store::Note note;             ///< waits and the assignments made
    bool dry_run = false;
};

std::vector<ingest::IngestReport> run_ingest(store::Store& store, const std::vector<ingest::IngestRequest>& requests,
                                             const IngestJob& job);

/// What an ingest writes, for its lock: "permits 1290", "areas distrikt", or "permits" when the rows name
/// their own municipalities.
std::string lock_subject(const config::Config* config, const ingest::IngestRequest& request);

} // namespace bostad::jobs
