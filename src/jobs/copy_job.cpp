#include "jobs/copy_job.hpp"

#include "jobs/open_store.hpp"

namespace bostad::jobs {

CopyDone copy_store(const std::string& from, const std::string& to, const store::OpenOptions& options) {
    // The source is brought up to date (migrated, assignments made), then read in one snapshot.
    const auto source = open_for_reading(from, options);
    const auto snapshot = source->read_snapshot();
    const auto target = store::copy_target(to, options);
    CopyDone done{source->location(), target->location(), store::copy_tables(source->tables(), target->tables())};
    target->commit();
    return done;
}

} // namespace bostad::jobs
