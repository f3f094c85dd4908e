#include "ingest/ingester.hpp"

#include <chrono>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "config/config.hpp"
#include "core/crash_point.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "crypto/sha256.hpp"
#include "ingest/dedupe.hpp"
#include "ingest/diff.hpp"
#include "ingest/source_file.hpp"
#include "store/ingest_target.hpp"

namespace bostad::ingest {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_samples = 10;

/// What the store does after large writes to the tables an ingest writes to; finish() after the writes.
class BulkWrites {
public:
    BulkWrites(store::IngestTarget& target, bool writing, std::initializer_list<std::pair<const char*, std::size_t>> tables) {
        for (const auto& [table, rows] : tables) {
            if (!writing) continue;
            if (auto w = target.bulk_write(table, rows)) m_writes.push_back(std::move(w));
        }
    }
    void finish() {
        for (auto& w : m_writes) w->finish();
    }

private:
    std::vector<std::unique_ptr<store::BulkWrite>> m_writes;
};

/// The files whose bytes make up a delivery: a Shapefile is its .shp with its sidecar files.
std::vector<std::string> checksum_files(const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (const auto& f : files) {
        out.push_back(f);
        std::string ext = fs::path(f).extension().string();
        if (lower_sv(ext) != ".shp") continue;
        for (const char* side : {".shx", ".dbf", ".prj", ".cpg"}) {
            const fs::path p = fs::path(f).replace_extension(side);
            std::error_code ec;
            if (fs::exists(p, ec)) out.push_back(p.string());
        }
    }
    return out;
}

template <typename Record>
struct Traits;

template <>
struct Traits<PermitRecord> {
    using Table = store::PermitWriter;
    using Stored = store::StoredPermit;
    static std::unique_ptr<Table> open(store::IngestTarget& t) { return t.permits(); }
    static constexpr const char* entity = "permit";
    static std::pair<const std::string&, const std::string&> key(const PermitRecord& r) { return {r.municipality, r.case_id}; }
};

template <>
struct Traits<PlanRecord> {
    using Table = store::PlanWriter;
    using Stored = store::StoredPlan;
    static std::unique_ptr<Table> open(store::IngestTarget& t) { return t.plans(); }
    static constexpr const char* entity = "plan";
    static std::pair<const std::string&, const std::string&> key(const PlanRecord& r) { return {r.municipality, r.plan_id}; }
};

/// Writes (or, in a dry run, only counts) one ingest's permits or plans.
template <typename Record>
class Applier {
public:
    Applier(store::IngestTarget& target, store::RunRecorder* log, std::optional<std::int64_t> run, IngestReport& report)
        : m_table(Traits<Record>::open(target)), m_log(log), m_run(run), m_report(report) {}

    void apply(Batch<Record>& batch, bool full_snapshot, const std::set<std::string>& snapshot_municipalities) {
        std::set<std::string> municipalities = snapshot_municipalities;
        for (const std::uint32_t i : batch.order) municipalities.insert(batch.accepted[i].record.municipality);
        for (const auto& m : municipalities) m_stored.emplace(m, m_table->load(m));

        for (const std::uint32_t i : batch.order) {
            crash_point("ingest.row");
            const auto& c = batch.accepted[i];
            const auto& [municipality, key] = Traits<Record>::key(c.record);
            auto& stored = m_stored[municipality];
            const auto it = stored.find(key);
            if (it == stored.end()) {
                if (writing()) m_table->insert(c.record, *m_run);
                m_report.inserted += c.rows;
                continue;
            }
            if (it->second.missing_since_run) {
                if (writing()) m_table->set_missing(it->second.fid, std::nullopt);
                event(municipality, key, "reappeared", std::nullopt, std::nullopt, std::nullopt);
                ++m_report.reappeared;
            }
            const auto changes = compare(it->second.record, c.record);
            if (changes.empty()) {
                if (writing()) m_table->seen(it->second.fid, *m_run);
                m_report.unchanged += c.rows;
                continue;
            }
            if (writing()) m_table->update(it->second.fid, c.record, *m_run);
            m_report.updated += c.rows;
            for (const auto& ch : changes) {
                event(municipality, key, ch.kind, ch.field, ch.old_value, ch.new_value);
                if (ch.kind == "date_moved_back" || ch.kind == "date_removed" || ch.kind == "status_moved_back") {
                    ++m_report.dates_moved_back;
                }
            }
        }
        if (writing()) m_table->finish();
        if (full_snapshot) flag_missing(batch, snapshot_municipalities);
    }

private:
    bool writing() const { return m_run.has_value(); }

    void event(const std::string& municipality, const std::string& key, const std::string& kind,
               std::optional<std::string> field, std::optional<std::string> old_value, std::optional<std::string> new_value) {
        ++m_report.events;
        if (writing()) {
            m_log->event(*m_run, {Traits<Record>::entity, municipality, key, kind, std::move(field), std::move(old_value),
                                  std::move(new_value)});
        }
    }

    /// A full snapshot names every current case of its municipalities: the stored ones it lacks are flagged.
    void flag_missing(const Batch<Record>& batch, const std::set<std::string>& municipalities) {
        for (const auto& m : municipalities) {
            for (const auto& [key, s] : m_stored[m]) {
                if (batch.seen.contains(entity_key(m, key)) || s.missing_since_run) continue;
                if (writing()) m_table->set_missing(s.fid, *m_run);
                event(m, key, "missing_from_snapshot", std::nullopt, std::nullopt, std::nullopt);
                ++m_report.missing_from_snapshot;
            }
        }
    }

    std::unique_ptr<typename Traits<Record>::Table> m_table;
    store::RunRecorder* m_log;
    std::optional<std::int64_t> m_run;
    IngestReport& m_report;
    std::map<std::string, std::unordered_map<std::string, typename Traits<Record>::Stored>> m_stored;
};

void record_rejects(const std::vector<Rejection>& rejected, const std::vector<std::string>& files, DataKind kind, store::RunRecorder* log,
                    std::optional<std::int64_t> run, IngestReport& report) {
    for (const auto& r : rejected) {
        ++report.rejected_by_reason[std::string(reason_code(r.problem.reason))];
        if (report.samples.size() < k_samples) {
            report.samples.push_back({files[r.origin.file], r.origin.row, r.key, std::string(reason_code(r.problem.reason)),
                                      r.problem.field, r.problem.message});
        }
        if (!run) continue;
        crash_point("ingest.reject");
        log->reject(*run, {std::string(kind_name(kind)), r.municipality.empty() ? std::nullopt : std::optional(r.municipality),
                           files[r.origin.file], r.origin.row,
                           r.origin.fid >= 0 ? std::optional(std::to_string(r.origin.fid)) : std::nullopt,
                           std::string(reason_code(r.problem.reason)),
                           r.problem.field.empty() ? std::nullopt : std::optional(r.problem.field), r.problem.message,
                           r.raw_json, r.geometry, r.raw_wkt});
    }
    report.rejected = static_cast<std::int64_t>(rejected.size());
}

std::string notes_json(const IngestReport& r) {
    return nlohmann::json{{"events", r.events},
                          {"missing_from_snapshot", r.missing_from_snapshot},
                          {"reappeared", r.reappeared},
                          {"flagged_changes", r.dates_moved_back},
                          {"repaired_geometries", r.repaired_geometries},
                          {"replaced_areas", r.replaced_areas}}
        .dump();
}

/// What the steps of one ingest share.
struct RunContext {
    store::IngestTarget& target;
    std::vector<std::unique_ptr<SourceFile>>& files;
    const IngestRequest& request;
    IngestReport& report;
    store::RunRecorder* log;
    std::optional<std::int64_t> run;
    std::set<std::string>& snapshot_municipalities;
    const config::Config* config;
    Progress* progress;
};

/// Seconds spent in each step, for the report (and the benchmark).
class StepTimer {
public:
    explicit StepTimer(IngestReport& report) : m_report(report), m_start(std::chrono::steady_clock::now()) {}
    void lap(const char* step) {
        const auto now = std::chrono::steady_clock::now();
        m_report.seconds[step] += std::chrono::duration<double>(now - m_start).count();
        m_start = now;
    }

private:
    IngestReport& m_report;
    std::chrono::steady_clock::time_point m_start;
};

/// Rejected rows in the order of their files and rows, as people read them.
void sort_rejected(std::vector<Rejection>& rejected) {
    std::stable_sort(rejected.begin(), rejected.end(), [](const Rejection& a, const Rejection& b) {
        return std::pair(a.origin.file, a.origin.row) < std::pair(b.origin.file, b.origin.row);
    });
}

template <typename Record>
void read_and_check(RunContext& c, Batch<Record>& batch, StepTimer& timer) {
    for (auto& f : c.files) f->read_into(batch, c.progress);
    c.report.read = batch.read;
    c.report.repaired_geometries = batch.repaired;
    timer.lap("read");
}

/// Rows rejected after reading (conflicting duplicates, points outside) get their raw attributes from a
/// second read of their file.
template <typename Record>
void fill_raw_json(RunContext& c, Batch<Record>& batch) {
    std::map<std::uint32_t, std::set<std::int64_t>> wanted;
    for (const auto& r : batch.rejected) {
        if (r.raw_json.empty()) wanted[r.origin.file].insert(r.origin.row);
    }
    for (const auto& [file, rows] : wanted) {
        const auto raw = c.files[file]->raw_json_of(rows);
        for (auto& r : batch.rejected) {
            if (r.origin.file == file && r.raw_json.empty()) r.raw_json = raw.at(r.origin.row);
        }
    }
}

template <typename Record>
void ingest_entities(RunContext& c, const char* table) {
    StepTimer timer(c.report);
    Batch<Record> batch;
    read_and_check(c, batch, timer);
    c.report.repeated = dedupe(batch, Traits<Record>::key);
    fill_raw_json(c, batch);
    // The municipalities a full snapshot speaks for: those of its rows, accepted or not.
    if (c.request.full_snapshot) {
        for (const std::uint32_t i : batch.order) c.snapshot_municipalities.insert(batch.accepted[i].record.municipality);
        for (const auto& r : batch.rejected) {
            if (!r.municipality.empty()) c.snapshot_municipalities.insert(r.municipality);
        }
    }
    timer.lap("dedupe");
    sort_rejected(batch.rejected);
    BulkWrites indexes(c.target, c.run.has_value(), {{table, batch.order.size()}, {"rejected_rows", batch.rejected.size()}});
    Applier<Record>(c.target, c.log, c.run, c.report).apply(batch, c.request.full_snapshot, c.snapshot_municipalities);
    crash_point("ingest.rows_written");
    record_rejects(batch.rejected, batch.files, c.request.kind, c.log, c.run, c.report);
    crash_point("ingest.rejects_written");
    timer.lap("write");
    indexes.finish();
    crash_point("ingest.index_built");
    timer.lap("index");
}

void ingest_areas(RunContext& c) {
    StepTimer timer(c.report);
    Batch<AreaRecord> batch;
    read_and_check(c, batch, timer);
    static const std::string k_no_municipality;
    c.report.repeated = dedupe(batch, [](const AreaRecord& a) {
        return std::pair<const std::string&, const std::string&>{k_no_municipality, a.area_id};
    });
    fill_raw_json(c, batch);
    std::vector<AreaRecord> areas;
    for (const std::uint32_t i : batch.order) areas.push_back(std::move(batch.accepted[i].record));
    sort_rejected(batch.rejected);
    const config::AreaSet* configured = c.config ? c.config->find_area_set(*c.request.area_set) : nullptr;
    std::string vintage = c.request.vintage.value_or(configured ? configured->vintage.value_or("") : "");
    if (vintage.empty()) vintage = utc_now().substr(0, 10);
    const auto areas_table = c.target.area_sets();
    const auto existing = areas_table->find(*c.request.area_set);
    if (existing && areas_table->areas(existing->id) == areas) {
        c.report.unchanged = static_cast<std::int64_t>(areas.size()); // the same areas again: no new vintage
    } else {
        c.report.replaced_areas = existing ? existing->areas : 0;
        if (c.run) areas_table->replace(*c.request.area_set, configured ? configured->description : "", vintage, *c.run, areas);
        c.report.inserted = static_cast<std::int64_t>(areas.size());
    }
    record_rejects(batch.rejected, batch.files, c.request.kind, c.log, c.run, c.report);
    timer.lap("write");
}

} // namespace

Ingester::Ingester(store::IngestTarget& target, const config::Config* config, Progress* progress)
    : m_target(target), m_config(config), m_progress(progress) {}

IngestReport Ingester::run(const IngestRequest& request) {
    if (request.files.empty()) throw UsageError("ingest: no file given");
    const config::Mapping* mapping = nullptr;
    if (request.mapping) {
        mapping = m_config ? m_config->find_mapping(*request.mapping) : nullptr;
        if (!mapping) {
            throw UsageError(fmt::format("--mapping: no [mapping.{}] in {}", *request.mapping,
                                         m_config ? m_config->path : std::string("the config (no config file found)")));
        }
    }
    if (request.kind == DataKind::areas && !request.area_set) {
        throw UsageError("--kind areas needs --area-set NAME (the set to load or replace)");
    }
    if (request.municipality && !is_municipality_code(*request.municipality)) {
        throw UsageError(fmt::format("--municipality: '{}' is not a four-digit kommun code (e.g. 1290)", *request.municipality));
    }
    if (!request.dry_run && !m_target.in_transaction()) throw InternalError("ingest must run inside a transaction");

    IngestReport report;
    report.dry_run = request.dry_run;
    report.kind = request.kind;
    report.files = request.files;
    report.mapping = request.mapping.value_or("");

    // Open every file first: a file that cannot be read stops the ingest before anything is written.
    std::vector<std::unique_ptr<SourceFile>> files;
    for (const auto& f : request.files) files.push_back(std::make_unique<SourceFile>(f, request, m_config, mapping));
    std::vector<std::string> crs;
    for (const auto& f : files) {
        if (std::find(crs.begin(), crs.end(), f->crs_label()) == crs.end()) crs.push_back(f->crs_label());
    }
    report.crs = join(crs, ", ");

    std::unique_ptr<store::RunRecorder> log;
    std::optional<std::int64_t> run;
    if (!request.dry_run) {
        log = m_target.runs();
        store::RunStart start;
        start.delivery = request;
        start.source_path = join(request.files, "; ");
        start.source_checksum = crypto::sha256_files(checksum_files(request.files));
        start.source_crs = report.crs;
        run = log->start(start);
        report.run_id = run;
        crash_point("ingest.run_started");
    }
    store::RunRecorder* log_ptr = log.get();

    std::set<std::string> snapshot_municipalities;
    if (request.municipality) snapshot_municipalities.insert(*request.municipality);
    else if (mapping && mapping->municipality) snapshot_municipalities.insert(*mapping->municipality);
    RunContext context{m_target, files, request, report, log_ptr, run, snapshot_municipalities, m_config, m_progress};
    switch (request.kind) {
    case DataKind::permits: ingest_entities<PermitRecord>(context, "permits"); break;
    case DataKind::plans: ingest_entities<PlanRecord>(context, "plans"); break;
    case DataKind::areas: ingest_areas(context); break;
    }
    report.unchanged += report.repeated;
    if (run) {
        log->finish(*run, {report.read, report.inserted, report.updated, report.unchanged, report.rejected,
                           report.repeated, notes_json(report)});
    }
    return report;
}

} // namespace bostad::ingest
