#pragma once
// The write step of an ingest: the accepted permits or plans of a batch compared with the stored ones (by
// municipality and key) and written — new rows inserted, changed rows updated with one event per changed
// field, unchanged rows marked seen, and, for a full snapshot, the stored cases it lacks flagged. A dry run
// counts the same and writes nothing.

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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

    /// The stored rows a delivered row may be recognised as (none when the store keeps no digests).
    std::vector<store::RowDigest> known_rows() { return m_table->digests(); }

    /// True when a recognised row has the key of a decoded row (accepted or rejected): whether they repeat or
    /// conflict takes both records, so the caller decodes every row instead.
    static bool recognized_collide(const Batch<Record>& batch) {
        if (batch.recognized.empty()) return false;
        std::unordered_set<std::string> keys;
        for (const auto& a : batch.accepted) {
            const auto& [municipality, key] = EntityTraits<Record>::key(a.record);
            keys.insert(entity_key(municipality, key));
        }
        for (const auto& r : batch.rejected) {
            if (!r.key.empty()) keys.insert(entity_key(r.municipality, r.key));
        }
        if (keys.empty()) return false;
        return std::any_of(batch.recognized.begin(), batch.recognized.end(), [&](const Recognized& r) {
            return keys.contains(entity_key(r.stored->municipality, r.stored->key));
        });
    }

    void apply(Batch<Record>& batch, bool full_snapshot, const std::set<std::string>& snapshot_municipalities) {
        // Decoded rows are compared with their municipality's stored rows (loaded when first needed);
        // recognised rows need none.
        for (const std::uint32_t i : batch.order) {
            crash_point("ingest.row");
            const auto& c = batch.accepted[i];
            const auto& [municipality, key] = EntityTraits<Record>::key(c.record);
            auto& stored = stored_of(municipality);
            const auto it = stored.find(key);
            if (it == stored.end()) {
                if (writing()) remember(m_table->insert(c.record, *m_run), municipality, key, c.digest);
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
                if (writing()) {
                    m_table->seen(it->second.fid, *m_run);
                    remember(it->second.fid, municipality, key, c.digest);
                }
                m_report.unchanged += c.rows;
                continue;
            }
            if (writing()) {
                m_table->update(it->second.fid, c.record, *m_run);
                remember(it->second.fid, municipality, key, c.digest);
            }
            m_report.updated += c.rows;
            for (const auto& ch : changes) {
                event(municipality, key, ch.kind, ch.field, ch.old_value, ch.new_value);
                if (ch.kind == "date_moved_back" || ch.kind == "date_removed" || ch.kind == "status_moved_back") {
                    ++m_report.dates_moved_back;
                }
            }
        }
        // Recognised rows (dedupe_recognized() left them in fid order, each once) are unchanged stored rows.
        for (const auto& r : batch.recognized) m_recognized.push_back(r.stored->fid);
        if (writing()) m_table->seen_all(m_recognized, *m_run);
        m_report.unchanged += static_cast<std::int64_t>(m_recognized.size());
        m_report.recognized += static_cast<std::int64_t>(m_recognized.size());
        if (writing()) m_table->finish();
        if (full_snapshot) flag_missing(batch, snapshot_municipalities);
    }

private:
    bool writing() const { return m_run.has_value(); }

    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) {
        if (digest != 0) m_table->remember(fid, municipality, key, digest);
    }

    /// The stored rows of a municipality, loaded when first asked for.
    std::unordered_map<std::string, typename EntityTraits<Record>::Stored>& stored_of(const std::string& municipality) {
        auto it = m_stored.find(municipality);
        if (it == m_stored.end()) it = m_stored.emplace(municipality, m_table->load(municipality)).first;
        return it->second;
    }

    /// The stored rows of a municipality a full snapshot speaks for, loaded only when one may be missing: when
    /// every row the store has of it was recognised, none is.
    const std::unordered_map<std::string, typename EntityTraits<Record>::Stored>* stored_for_snapshot(
        const Batch<Record>& batch, const std::string& municipality) {
        if (const auto it = m_stored.find(municipality); it != m_stored.end()) return &it->second;
        std::int64_t recognized = 0;
        for (const auto& r : batch.recognized) recognized += r.stored->municipality == municipality ? 1 : 0;
        if (recognized == m_table->present(municipality)) return nullptr;
        return &stored_of(municipality);
    }

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
            const auto* stored = stored_for_snapshot(batch, m);
            if (!stored) continue;
            for (const auto& [key, s] : *stored) {
                if (batch.seen.contains(entity_key(m, key)) || s.missing_since_run) continue;
                if (std::binary_search(m_recognized.begin(), m_recognized.end(), s.fid)) continue;
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
    std::vector<std::int64_t> m_recognized; ///< fids of the recognised rows, ascending
};

} // namespace bostad::ingest
