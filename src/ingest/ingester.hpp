#pragma once
// An ingest from start to end (product.md, "The store"): read every file, convert and check every row,
// drop repeats and reject conflicting duplicates, compare with the store, then write the new and changed
// rows, one event per changed field, the flags of a full snapshot, the quarantine and the run's counts —
// all in the caller's transaction, so that a failed ingest leaves the store as it was. A dry run does
// everything but the writing.

#include "core/progress.hpp"
#include "ingest/request.hpp"

namespace bostad::config {
struct Config;
}
namespace bostad::store {
class IngestTarget;
}

namespace bostad::ingest {

class Ingester {
public:
    Ingester(store::IngestTarget& target, const config::Config* config, Progress* progress);

    /// Runs one ingest. Unless it is a dry run, the store must be inside a transaction.
    IngestReport run(const IngestRequest& request);

private:
    store::IngestTarget& m_target;
    const config::Config* m_config;
    Progress* m_progress;
};

} // namespace bostad::ingest
