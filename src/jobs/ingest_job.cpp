#include "jobs/ingest_job.hpp"

#include <fmt/format.h>

#include "aggregate/assignment.hpp"
#include "config/config.hpp"
#include "core/crash_point.hpp"
#include "ingest/ingester.hpp"

namespace bostad::jobs {

std::string lock_subject(const config::Config* config, const ingest::IngestRequest& r) {
    const std::string kind(kind_name(r.kind));
    if (r.kind == DataKind::areas) return fmt::format("areas {}", r.area_set.value_or(""));
    std::optional<std::string> municipality = r.municipality;
    if (!municipality && r.mapping && config) {
        if (const auto* m = config->find_mapping(*r.mapping)) municipality = m->municipality;
    }
    return municipality ? fmt::format("{} {}", kind, *municipality) : kind;
}

std::vector<ingest::IngestReport> run_ingest(store::Store& store, const std::vector<ingest::IngestRequest>& requests,
                                             const IngestJob& job) {
    // A dry run reads as the writer would (on PostGIS inside one snapshot) and writes nothing.
    const auto tx = store.begin_write(job.dry_run ? store::WriteMode::dry_run : store::WriteMode::write);
    if (!job.dry_run) {
        for (const auto& r : requests) tx->lock("ingest " + lock_subject(job.config, r));
    }
    ingest::Ingester ingester(tx->target(), job.config, job.progress);
    std::vector<ingest::IngestReport> reports;
    for (const auto& r : requests) reports.push_back(ingester.run(r));
    if (job.dry_run) return reports;
    // A bulk load or a replaced area set reassigns every permit, and must see every committed one.
    tx->lock("assignments");
    const auto assigned = aggregate::process_assignment_queue(tx->assignment());
    if (assigned.permits + assigned.plans > 0 && job.note) job.note(aggregate::assignment_note(assigned));
    crash_point("ingest.before_commit");
    tx->commit();
    crash_point("ingest.after_commit");
    return reports;
}

} // namespace bostad::jobs
