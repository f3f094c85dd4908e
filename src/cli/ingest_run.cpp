#include "cli/ingest_run.hpp"

#include "aggregate/assignment.hpp"
#include "cli/ingest_summary.hpp"
#include "cli/progress.hpp"
#include "core/crash_point.hpp"
#include "store/sqlite_target.hpp"
#include "store/store.hpp"

namespace bostad::cli {

std::vector<ingest::IngestReport> run_ingest(Context& ctx, store::Store& s, const std::vector<ingest::IngestRequest>& requests,
                                             bool dry_run) {
    TerminalProgress bar(ctx.err());
    store::SqliteIngestTarget target(s.db());
    ingest::Ingester ingester(target, ctx.config(), ctx.globals().progress ? &bar : nullptr);
    std::vector<ingest::IngestReport> reports;
    if (dry_run) {
        for (const auto& r : requests) reports.push_back(ingester.run(r));
        return reports;
    }
    sqlite::Transaction tx(s.db());
    for (const auto& r : requests) reports.push_back(ingester.run(r));
    const auto assigned = aggregate::process_assignment_queue(s.db());
    if (assigned.permits + assigned.plans > 0) ctx.note(assignment_note(assigned));
    crash_point("ingest.before_commit");
    tx.commit();
    crash_point("ingest.after_commit");
    return reports;
}

} // namespace bostad::cli
