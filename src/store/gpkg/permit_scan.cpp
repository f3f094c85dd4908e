#include "store/gpkg/permit_scan.hpp"

#include <algorithm>
#include <future>
#include <thread>

#include <fmt/format.h>

#include "sqlite/database.hpp"
#include "store/gpkg/permit_columns.hpp"

namespace bostad::store::gpkg {
namespace {

/// What one permit adds to the counts at the end of the month, worked out once for all the counts it goes to.
struct Contribution {
    PipelineState state = PipelineState::none;
    FigureMask figures = 0;
};

Contribution contribution(const StageDates<Text>& dates, const Cutoffs<Text>& cut) {
    Contribution k;
    k.state = state_at(dates, cut);
    k.figures = figure_mask(dates, cut, k.state);
    return k;
}

void add(Counts& c, const Contribution& k, std::int64_t n) { c.add(k.figures, n); }

/// In the 12 months up to D: after D − 12 months, up to and including D.
bool in_last_year(const std::optional<Text>& v, const MonthDays& days) { return v && *v > days.lead_after && *v <= days.d; }

double days_between(Text from, Text to) {
    const auto a = Date::parse_iso(from);
    const auto b = Date::parse_iso(to);
    return a && b ? static_cast<double>(b->days() - a->days()) : 0.0;
}

/// A split (house type or tenure) counted by small key numbers while scanning, so that a row costs no string
/// or map work; turned into the keyed maps at the end.
class Split {
public:
    explicit Split(std::size_t slots) : m_counts(slots) {}
    Counts& at(std::size_t slot, std::optional<Text> key) {
        const Text k = key.value_or("unknown");
        std::size_t id = 0;
        while (id < m_keys.size() && m_keys[id] != k) ++id;
        if (id == m_keys.size()) m_keys.emplace_back(k);
        auto& row = m_counts[slot];
        if (row.size() <= id) row.resize(id + 1);
        row[id].second = true;
        return row[id].first;
    }
    void into(std::size_t slot, std::map<std::string, Counts, std::less<>>& out) const {
        const auto& row = m_counts[slot];
        for (std::size_t id = 0; id < row.size(); ++id) {
            if (row[id].second) out[m_keys[id]] += row[id].first;
        }
    }

private:
    std::vector<std::string> m_keys;
    std::vector<std::vector<std::pair<Counts, bool>>> m_counts; ///< per slot, per key: counts, seen
};

/// Area fid → index into the areas (-1: not in the set), as a dense table: the areas of a set have
/// neighbouring fids.
std::vector<std::int32_t> area_indexes(const ScanRequest& req) {
    std::int64_t max_area = 0;
    for (const auto& [fid, index] : req.area_index) max_area = std::max(max_area, fid);
    std::vector<std::int32_t> out(static_cast<std::size_t>(max_area) + 1, -1);
    for (const auto& [fid, index] : req.area_index) out[static_cast<std::size_t>(fid)] = static_cast<std::int32_t>(index);
    return out;
}

/// The area index of every permit with first ≤ fid < last (at fid − first; -1: none), from the area set's
/// assignments.
std::vector<std::int32_t> areas_by_fid(sqlite::Database& db, const ScanRequest& req, const std::vector<std::int32_t>& index_of,
                                       std::int64_t first, std::int64_t last) {
    std::vector<std::int32_t> out(static_cast<std::size_t>(last - first), -1);
    auto st = db.prepare("SELECT permit_fid, area_fid FROM permit_areas WHERE area_set_id = ?1 AND permit_fid >= ?2 "
                         "AND permit_fid < ?3 AND area_fid IS NOT NULL");
    st.bind(1, req.area_set_id).bind(2, first).bind(3, last);
    while (st.step()) {
        const auto at = static_cast<std::size_t>(st.column_int64(0) - first);
        const auto area = static_cast<std::size_t>(st.column_int64(1));
        if (area < index_of.size()) out[at] = index_of[area];
    }
    return out;
}

/// The permits with first ≤ fid < last.
PermitTally scan_range(sqlite::Database& db, const ScanRequest& req, const std::vector<std::int32_t>& index_of, std::int64_t first,
                       std::int64_t last, std::vector<std::int32_t>& capacity_use) {
    const std::vector<std::int32_t> area_of = areas_by_fid(db, req, index_of, first, last);
    const std::size_t slots = req.area_index.size() + 1; // the areas, then the unassigned rest
    PermitTally tally;
    tally.areas.resize(req.area_index.size());
    Split by_type(slots);
    Split by_tenure(slots);
    const Cutoffs<Text> cut = req.days.cutoffs();
    std::string last_code;
    MunicipalityTally* m = nullptr;
    const std::vector<std::string>* starts = nullptr;

    auto st = db.prepare(fmt::format("SELECT {} FROM permits p WHERE p.fid >= ?1 AND p.fid < ?2 AND p.missing_since_run IS NULL "
                                     "AND (?3 IS NULL OR p.municipality = ?3)",
                                     k_permit_columns));
    st.bind(1, first).bind(2, last).bind(3, req.municipality);
    while (st.step()) {
        const StageDates<Text> dates = dates_at(st, k_first_date);
        const Contribution k = contribution(dates, cut);
        const std::int64_t n = st.column_int64(4);
        const std::int64_t net = n - st.column_int64(5);
        const auto fid = static_cast<std::size_t>(st.column_int64(0));
        const int area = area_of[fid - static_cast<std::size_t>(first)];
        if (uses_capacity(k.state)) capacity_use[fid] = static_cast<std::int32_t>(n);
        const std::size_t slot = area >= 0 ? static_cast<std::size_t>(area) : slots - 1;
        Figures& where = area >= 0 ? tally.areas[slot] : tally.unassigned;
        add(where.dwellings, k, n);
        add(where.net, k, net);
        add(where.permits, k, 1);
        add(by_type.at(slot, text_at(st, 2)), k, n);
        add(by_tenure.at(slot, text_at(st, 3)), k, n);

        if (!m || st.column_view(1) != last_code) {
            last_code = st.column_view(1);
            m = &tally.municipalities[last_code];
            const auto it = req.target_starts.find(last_code);
            starts = it == req.target_starts.end() ? nullptr : &it->second;
            if (starts) m->completed_since.resize(starts->size(), 0);
        }
        add(m->figures.dwellings, k, n);
        add(m->figures.net, k, net);
        add(m->figures.permits, k, 1);
        if (in_last_year(dates.granted, req.days) && dates.applied) m->to_granted.push_back(days_between(*dates.applied, *dates.granted));
        if (in_last_year(dates.started, req.days) && dates.granted) m->to_started.push_back(days_between(*dates.granted, *dates.started));
        if (in_last_year(dates.completed, req.days) && dates.started) {
            m->to_completed.push_back(days_between(*dates.started, *dates.completed));
        }
        if (starts && on_or_before(dates.completed, Text(req.days.d))) {
            for (std::size_t t = 0; t < starts->size(); ++t) {
                if (!(*dates.completed < Text((*starts)[t]))) m->completed_since[t] += n;
            }
        }
    }
    for (std::size_t a = 0; a < tally.areas.size(); ++a) {
        by_type.into(a, tally.areas[a].by_house_type);
        by_tenure.into(a, tally.areas[a].by_tenure);
    }
    by_type.into(slots - 1, tally.unassigned.by_house_type);
    by_tenure.into(slots - 1, tally.unassigned.by_tenure);
    return tally;
}

void merge(PermitTally& into, PermitTally&& part) {
    for (std::size_t a = 0; a < into.areas.size(); ++a) into.areas[a].add(part.areas[a]);
    into.unassigned.add(part.unassigned);
    for (auto& [code, m] : part.municipalities) {
        MunicipalityTally& t = into.municipalities[code];
        t.figures.add(m.figures);
        t.to_granted.insert(t.to_granted.end(), m.to_granted.begin(), m.to_granted.end());
        t.to_started.insert(t.to_started.end(), m.to_started.begin(), m.to_started.end());
        t.to_completed.insert(t.to_completed.end(), m.to_completed.begin(), m.to_completed.end());
        t.completed_since.resize(std::max(t.completed_since.size(), m.completed_since.size()), 0);
        for (std::size_t i = 0; i < m.completed_since.size(); ++i) t.completed_since[i] += m.completed_since[i];
    }
}

} // namespace

PermitTally scan_permits(sqlite::Database& db, const ScanRequest& req) {
    const auto end = db.query_int("SELECT coalesce(max(fid), 0) + 1 FROM permits").value_or(1);
    const std::vector<std::int32_t> index_of = area_indexes(req);
    std::vector<std::int32_t> use(static_cast<std::size_t>(end), 0); // each part writes its own fids
    // Below some tens of thousands of permits one pass is quicker than opening connections.
    constexpr std::int64_t k_parallel_from = 20000;
    const bool parallel = !db.path().empty() && db.path() != ":memory:" && !db.in_transaction() && end > k_parallel_from;
    const unsigned parts = parallel ? std::clamp(std::thread::hardware_concurrency(), 1u, 4u) : 1u;
    const std::int64_t step = (end + parts - 1) / parts;
    std::vector<std::future<PermitTally>> jobs;
    for (unsigned p = 1; p < parts; ++p) {
        jobs.push_back(std::async(std::launch::async, [&, p] {
            sqlite::Database own(db.path(), sqlite::OpenMode::read_only);
            own.exec("PRAGMA cache_size = -65536");
            return scan_range(own, req, index_of, p * step, std::min(end, (p + 1) * step), use);
        }));
    }
    PermitTally tally = scan_range(db, req, index_of, 0, step, use);
    for (auto& j : jobs) merge(tally, j.get());
    tally.capacity_use = std::move(use);
    return tally;
}

} // namespace bostad::store::gpkg
