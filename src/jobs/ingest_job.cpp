#include "jobs/ingest_job.hpp"

#include <fmt/format.h>

#include "aggregate/assignment.hpp"
#include "aggregate/boundaries.hpp"
#include "config/config.hpp"
#include "core/crash_point.hpp"
#include "ingest/ingester.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::jobs {

std::string lock_subject(const config::Config* config, const ingest::IngestRequest& r) {
    const std::string kind(kind_name(r.kind));
    if (r.kind == DataKind::areas) return fmt::format("areas {}", r.area_set.value_or(""));
    std::optional<std::string> municipality = r.municipality;
    if (!municipality && r.mapping && config) {
        if (const auto* m = config->find_mapping(*r.mapping)) municipality = m->municipality;
    }
    return municipality ? fmt::format("{} {}", kind, sweden::kommun_code(*municipality, "--municipality")) : kind;
}

std::vector<ingest::IngestReport> run_ingest(store::Store& store, const std::vector<ingest::IngestRequest>& given,
                                             const IngestJob& job) {
    // Rows are judged against the project's kommun outlines as the store holds them before this ingest.
    std::vector<ingest::IngestRequest> requests = given;
    if (job.config) {
        std::shared_ptr<const sweden::Outlines> outlines;
        if (job.config->boundaries.area_set) {
            const auto snapshot = store.read_snapshot();
            const auto own = aggregate::project_outlines(store.features(), *job.config->boundaries.area_set);
            if (job.note && own.outlines == sweden::Outlines::built_in()) job.note(fmt::format("locations checked against {}", own.source));
            outlines = own.outlines;
        }
        for (auto& r : requests) {
            r.outlines = outlines;
            r.boundary_tolerance_m = job.config->boundaries.tolerance_m;
        }
    }
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
