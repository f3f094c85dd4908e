#include "ingest/ingester.hpp"

#include <chrono>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/crash_point.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "crypto/sha256.hpp"
#include "ingest/merge/dedupe.hpp"
#include "ingest/merge/recognized.hpp"
#include "ingest/read/source_file.hpp"
#include "ingest/step_timer.hpp"
#include "ingest/write/applier.hpp"
#include "ingest/write/bulk_writes.hpp"
#include "ingest/write/quarantine.hpp"
#include "store/ingest_target.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace fs = std::filesystem;

namespace {

/// How many accepted rows near a border the report names.
constexpr std::size_t k_near_border_samples = 10;

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

std::string notes_json(const IngestReport& r) {
    return nlohmann::json{{"events", r.events},
                          {"missing_from_snapshot", r.missing_from_snapshot},
                          {"reappeared", r.reappeared},
                          {"flagged_changes", r.dates_moved_back},
                          {"repaired_geometries", r.repaired_geometries},
                          {"replaced_areas", r.replaced_areas},
                          {"near_border", r.near_border},
                          {"skipped_by_reason", r.skipped_by_reason},
                          {"rejected_known", r.rejected_known},
                          {"placed_by_location", r.placed_by_location}}
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

/// Rejected rows in the order of their files and rows, as people read them.
void sort_rejected(std::vector<Rejection>& rejected) {
    std::stable_sort(rejected.begin(), rejected.end(), [](const Rejection& a, const Rejection& b) {
        return std::pair(a.origin.file, a.origin.row) < std::pair(b.origin.file, b.origin.row);
    });
}

/// Reads every file of the delivery into the batch, recognising rows by their digest when the batch knows
/// stored rows.
template <typename Record>
void read_files(RunContext& c, Batch<Record>& batch) {
    for (auto& f : c.files) {
        f->recognise(batch.known);
        f->read_into(batch, c.progress);
    }
}

/// What reading found, into the run's report.
template <typename Record>
void report_read(RunContext& c, Batch<Record>& batch, StepTimer& timer) {
    c.report.read = batch.read;
    c.report.repaired_geometries = batch.repaired;
    c.report.near_border = static_cast<std::int64_t>(batch.near_border.size());
    for (std::size_t i = 0; i < batch.near_border.size() && i < k_near_border_samples; ++i) {
        c.report.near_border_samples.push_back(batch.near_border[i]);
    }
    c.report.placed_by_location = batch.placed;
    c.report.split_areas = batch.split_areas;
    c.report.skipped_by_reason = batch.skipped;
    for (const auto& [reason, n] : batch.skipped) c.report.skipped += n;
    for (const auto& s : batch.skip_samples) {
        c.report.skip_samples.push_back({batch.files[s.origin.file], s.origin.row, s.key, s.reason, "", s.message});
    }
    // Permits and plans of other kommuner were skipped or rejected; areas are reference geometry and stay.
    if constexpr (std::is_same_v<Record, AreaRecord>) {
        if (c.config) {
            for (const auto& a : batch.accepted) {
                if (a.record.municipality && !c.config->covers(*a.record.municipality)) ++c.report.outside_project[*a.record.municipality];
            }
        }
    }
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
    Applier<Record> applier(c.target, c.log, c.run, c.report);
    Batch<Record> batch;
    batch.known = std::make_shared<const KnownRows>(applier.known_rows());
    timer.lap("known");
    read_files(c, batch);
    if (Applier<Record>::recognized_collide(batch)) {
        // A recognised row shares its key with a decoded one: whether they repeat or conflict takes both
        // records, so the delivery is read again and every row decoded.
        batch = Batch<Record>{};
        read_files(c, batch);
    }
    report_read(c, batch, timer);
    c.report.repeated = dedupe(batch, EntityTraits<Record>::key) + dedupe_recognized(batch);
    fill_raw_json(c, batch);
    // The municipalities a full snapshot speaks for: those of its rows, accepted or not.
    if (c.request.full_snapshot) {
        for (const std::uint32_t i : batch.order) c.snapshot_municipalities.insert(batch.accepted[i].record.municipality);
        for (const auto& r : batch.recognized) c.snapshot_municipalities.insert(r.stored->municipality);
        for (const auto& r : batch.rejected) {
            if (!r.municipality.empty()) c.snapshot_municipalities.insert(r.municipality);
        }
    }
    timer.lap("dedupe");
    sort_rejected(batch.rejected);
    BulkWrites indexes(c.target, c.run.has_value(), {{table, batch.order.size()}, {"rejected_rows", batch.rejected.size()}});
    applier.apply(batch, c.request.full_snapshot, c.snapshot_municipalities);
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
    read_files(c, batch);
    report_read(c, batch, timer);
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

IngestReport Ingester::run(const IngestRequest& given) {
    if (given.files.empty()) throw UsageError("ingest: no file given");
    IngestRequest request = given;
    if (request.municipality) request.municipality = sweden::kommun_code(*request.municipality, "--municipality");
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
        log->finish(*run, {report.read, report.inserted, report.updated, report.unchanged, report.rejected, report.skipped,
                           report.repeated, notes_json(report)});
    }
    return report;
}

} // namespace bostad::ingest
