#include "cli/ingest_run.hpp"

#include <fmt/format.h>

#include <functional>

#include "aggregate/assignment.hpp"
#include "aggregate/assignment_store.hpp"
#include "cli/ingest_summary.hpp"
#include "cli/progress.hpp"
#include "config/config.hpp"
#include "core/crash_point.hpp"
#include "pg/connection.hpp"
#include "pgstore/assignment_store.hpp"
#include "pgstore/ingest_target.hpp"
#include "pgstore/pg_store.hpp"
#include "pgstore/styles.hpp"
#include "store/sqlite_target.hpp"
#include "store/store.hpp"
#include "store/write_lock.hpp"

namespace bostad::cli {
namespace {

/// Every request through the ingester, then (after `before_assign`) the area assignments; the caller owns
/// the transaction.
std::vector<ingest::IngestReport> ingest_and_assign(Context& ctx, store::IngestTarget& target, aggregate::AssignmentStore& assignment,
                                                    const std::vector<ingest::IngestRequest>& requests, bool dry_run,
                                                    const std::function<void()>& before_assign = {}) {
    TerminalProgress bar(ctx.err());
    ingest::Ingester ingester(target, ctx.config(), ctx.globals().progress ? &bar : nullptr);
    std::vector<ingest::IngestReport> reports;
    for (const auto& r : requests) reports.push_back(ingester.run(r));
    if (dry_run) return reports;
    if (before_assign) before_assign();
    const auto assigned = aggregate::process_assignment_queue(assignment);
    if (assigned.permits + assigned.plans > 0) ctx.note(assignment_note(assigned));
    crash_point("ingest.before_commit");
    return reports;
}

/// What an ingest writes, for its lock: "permits 1290", "areas distrikt", or "permits" when the rows name
/// their own municipalities.
std::string lock_subject(Context& ctx, const ingest::IngestRequest& r) {
    const std::string kind(kind_name(r.kind));
    if (r.kind == DataKind::areas) return fmt::format("areas {}", r.area_set.value_or(""));
    std::optional<std::string> municipality = r.municipality;
    if (!municipality && r.mapping && ctx.config()) {
        if (const auto* m = ctx.config()->find_mapping(*r.mapping)) municipality = m->municipality;
    }
    return municipality ? fmt::format("{} {}", kind, *municipality) : kind;
}

} // namespace

std::vector<ingest::IngestReport> run_ingest(Context& ctx, store::Store& s, const std::vector<ingest::IngestRequest>& requests,
                                             bool dry_run) {
    store::SqliteIngestTarget target(s.db());
    aggregate::SqliteAssignmentStore assignment(s.db());
    if (dry_run) return ingest_and_assign(ctx, target, assignment, requests, true);
    // Two ingests into one GeoPackage take turns: the second waits, and says so.
    store::WriteTransaction tx(s.db(), store::lock_timeout_from_environment(), [&](const std::string& m) { ctx.note(m); });
    auto reports = ingest_and_assign(ctx, target, assignment, requests, false);
    tx.commit();
    crash_point("ingest.after_commit");
    return reports;
}

std::vector<ingest::IngestReport> run_ingest(Context& ctx, pgstore::PgStore& s, const std::vector<ingest::IngestRequest>& requests,
                                             bool dry_run) {
    pgstore::PgIngestTarget target(s.conn());
    pgstore::PgAssignmentStore assignment(s.conn());
    // A dry run reads inside a transaction too (one snapshot) and writes nothing.
    pg::Transaction tx(s.conn());
    const auto note = [&](const std::string& m) { ctx.note(m); };
    if (!dry_run) {
        // Two ingests of the same source wait for each other; other municipalities and kinds go on at once.
        for (const auto& r : requests) s.lock_for_writing("ingest " + lock_subject(ctx, r), note);
    }
    // The assignments are made by one writer at a time, after the writers before it have committed: a bulk
    // load or a replaced area set reassigns every permit, and must see every committed one.
    auto reports = ingest_and_assign(ctx, target, assignment, requests, dry_run,
                                     [&] { s.lock_for_writing("assignments", note); });
    if (dry_run) return reports;
    // The layers' default styles in QGIS, with a category for every municipality the store now has.
    pgstore::write_styles(s.conn(), pgstore::store_municipalities(s.conn(), ctx.municipality_names()));
    s.mark_written();
    tx.commit();
    crash_point("ingest.after_commit");
    return reports;
}

} // namespace bostad::cli
