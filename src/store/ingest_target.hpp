#pragma once
// What an ingest writes to (ingest/ingester.hpp): the permits and plans (load a municipality's, insert,
// update, mark seen or missing), area sets (replaced as a whole), and the run log (runs, events,
// quarantine). The GeoPackage store (store/gpkg/ingest_target.hpp) and the PostGIS store (store/postgis/) each
// implement it; the ingest's decisions (what is new, changed, repeated, rejected, missing) are the same
// code for both.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.hpp"
#include "store/run_rows.hpp"

namespace bostad::store {

struct StoredPermit {
    std::int64_t fid = 0;
    PermitRecord record;
    std::optional<std::int64_t> missing_since_run;
};

struct StoredPlan {
    std::int64_t fid = 0;
    PlanRecord record;
    std::optional<std::int64_t> missing_since_run;
};

/// A stored row with the digest of the delivered row it equals: a re-ingest recognises an unchanged row by
/// it without decoding the row again (ingest/read/row_digest.hpp).
struct RowDigest {
    std::uint64_t digest = 0;
    std::int64_t fid = 0;
    std::string municipality;
    std::string key; ///< permit_id() or plan_id
};

struct AreaSetInfo {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    std::string vintage;
    std::optional<std::int64_t> loaded_run;
    std::int64_t areas = 0;
};

/// A table of permits or plans. Every write also queues the row for assignment to areas and plans.
template <typename Record, typename Stored>
class EntityWriter {
public:
    virtual ~EntityWriter() = default;
    /// Every stored row of the municipality, by case id or plan id.
    virtual std::unordered_map<std::string, Stored> load(const std::string& municipality) = 0;
    /// Adds a row; `r` must stay alive until finish() (rows may be written in batches).
    virtual std::int64_t insert(const Record& r, std::int64_t run) = 0;
    virtual void update(std::int64_t fid, const Record& r, std::int64_t run) = 0;
    /// Records that a run delivered the row again unchanged (an inserted or updated row carries its run as
    /// last_changed_run).
    virtual void seen(std::int64_t fid, std::int64_t run) = 0;
    virtual void set_missing(std::int64_t fid, std::optional<std::int64_t> run) = 0;
    /// The digests of the stored rows that are not missing. A store that keeps none returns none: then every
    /// delivered row is decoded and compared.
    virtual std::vector<RowDigest> digests() = 0;
    /// Remembers the digest of the delivered row that the stored row now equals (after insert, update or
    /// seen); a store that keeps no digests ignores it.
    virtual void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) = 0;
    /// seen() for many rows at once, `fids` in ascending order.
    virtual void seen_all(std::span<const std::int64_t> fids, std::int64_t run) = 0;
    /// How many stored rows of the municipality are not missing.
    virtual std::int64_t present(const std::string& municipality) = 0;
    /// Writes what is still queued.
    virtual void finish() = 0;
};

using PermitWriter = EntityWriter<PermitRecord, StoredPermit>;
using PlanWriter = EntityWriter<PlanRecord, StoredPlan>;

class AreaSetWriter {
public:
    virtual ~AreaSetWriter() = default;
    virtual std::optional<AreaSetInfo> find(const std::string& name) = 0;
    virtual std::vector<AreaRecord> areas(std::int64_t set_id) = 0;
    /// Replaces the set's areas (creating the set when new); returns how many areas it had before.
    virtual std::int64_t replace(const std::string& name, const std::string& description, const std::string& vintage,
                                 std::int64_t run, const std::vector<AreaRecord>& areas) = 0;
};

class RunRecorder {
public:
    virtual ~RunRecorder() = default;
    virtual std::int64_t start(const RunStart& run) = 0;
    /// Records the counts; throws InternalError when they do not add up (check_run_counts), so that the
    /// caller's transaction rolls back.
    virtual void finish(std::int64_t run, const RunCounts& counts) = 0;
    virtual void event(std::int64_t run, const EventRow& e) = 0;
    /// Quarantines a row. A row of an earlier run with the same content key moves to this run (its row number
    /// and message updated) instead: returns false then, true when the row is new.
    virtual bool reject(std::int64_t run, const RejectRow& r) = 0;
};

/// Work a store does after a large write to a table (the GeoPackage's bulk R-tree rebuild).
class BulkWrite {
public:
    virtual ~BulkWrite() = default;
    virtual void finish() = 0;
};

class IngestTarget {
public:
    virtual ~IngestTarget() = default;
    virtual std::unique_ptr<PermitWriter> permits() = 0;
    virtual std::unique_ptr<PlanWriter> plans() = 0;
    virtual std::unique_ptr<AreaSetWriter> area_sets() = 0;
    virtual std::unique_ptr<RunRecorder> runs() = 0;
    /// Called before `rows` rows are written to `table`; null when the store needs nothing done.
    virtual std::unique_ptr<BulkWrite> bulk_write(const char* table, std::size_t rows) = 0;
    virtual bool in_transaction() = 0;
};

} // namespace bostad::store
