#pragma once
// The write step of an ingest: the accepted permits or plans of a batch compared with the stored ones (by
// municipality and key) and written — new rows inserted, changed rows updated with one event per changed
// field, unchanged rows marked seen, and, for a full snapshot, the stored cases it lacks flagged. A dry run
// counts the same and writes nothing.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "core/crash_point.hpp"
#include "ingest/batch.hpp"
#include "ingest/merge/diff.hpp"
#include "ingest/request.hpp"
#include "store/ingest_target.hpp"

namespace bostad::ingest {

template <typename Record>
struct EntityTraits;

template <>
struct EntityTraits<PermitRecord> {
    using Table = store::PermitWriter;
    using Stored = store::StoredPermit;
    static std::unique_ptr<Table> open(store::IngestTarget& t) { return t.permits(); }
    static constexpr const char* entity = "permit";
    static std::pair<const std::string&, const std::string&> key(const PermitRecord& r) { return {r.municipality, r.id}; }
};

template <>
struct EntityTraits<PlanRecord> {
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
        : m_table(EntityTraits<Record>::open(target)), m_log(log), m_run(run), m_report(report) {}

    void apply(Batch<Record>& batch, bool full_snapshot, const std::set<std::string>& snapshot_municipalities) {
        std::set<std::string> municipalities = snapshot_municipalities;
        for (const std::uint32_t i : batch.order) municipalities.insert(batch.accepted[i].record.municipality);
        for (const auto& m : municipalities) m_stored.emplace(m, m_table->load(m));

        for (const std::uint32_t i : batch.order) {
            crash_point("ingest.row");
            const auto& c = batch.accepted[i];
            const auto& [municipality, key] = EntityTraits<Record>::key(c.record);
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
            m_log->event(*m_run, {EntityTraits<Record>::entity, municipality, key, kind, std::move(field), std::move(old_value),
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

    std::unique_ptr<typename EntityTraits<Record>::Table> m_table;
    store::RunRecorder* m_log;
    std::optional<std::int64_t> m_run;
    IngestReport& m_report;
    std::map<std::string, std::unordered_map<std::string, typename EntityTraits<Record>::Stored>> m_stored;
};

} // namespace bostad::ingest
