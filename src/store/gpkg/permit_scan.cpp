#include "store/gpkg/permit_scan.hpp"

#include <algorithm>
#include <future>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "sqlite/database.hpp"
#include "store/gpkg/permit_columns.hpp"
#include "store/permit_pass.hpp"

namespace bostad::store::gpkg {
namespace {

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
    PermitPass pass(req, capacity_use);
    auto st = db.prepare(fmt::format("SELECT {} FROM permits p WHERE p.fid >= ?1 AND p.fid < ?2 AND p.missing_since_run IS NULL "
                                     "AND (?3 IS NULL OR p.municipality = ?3)",
                                     k_permit_columns));
    st.bind(1, first).bind(2, last).bind(3, req.municipality);
    PassRow row;
    while (st.step()) {
        row.fid = st.column_int64(0);
        row.area = area_of[static_cast<std::size_t>(row.fid - first)];
        row.municipality = st.column_view(1);
        row.house_type = text_at(st, 2);
        row.tenure = text_at(st, 3);
        row.dwellings = st.column_optional_int64(4);
        row.dwellings_removed = st.column_int64(5);
        row.dates = dates_at(st, k_first_date);
        pass.add(row);
    }
    return pass.finish();
}

} // namespace

PermitTally scan_permits(sqlite::Database& db, const ScanRequest& req) {
    const auto end = db.query_int("SELECT coalesce(max(fid), 0) + 1 FROM permits").value_or(1);
    const std::vector<std::int32_t> index_of = area_index_table(req);
    std::vector<std::int32_t> use(static_cast<std::size_t>(end), 0); // each part writes its own fids
    // Below some tens of thousands of permits one pass is quicker than opening connections. Each other part is
    // read on a connection that shares this one's state; a part none can be opened for is read here after the first.
    constexpr std::int64_t k_parallel_from = 20000;
    const unsigned parts = end > k_parallel_from ? workers() : 1u;
    const std::int64_t step = (end + parts - 1) / parts;
    const auto range = [&](sqlite::Database& on, unsigned p) {
        return scan_range(on, req, index_of, p * step, std::min(end, (p + 1) * step), use);
    };
    std::vector<std::future<PermitTally>> jobs;
    std::vector<unsigned> here{0};
    for (unsigned p = 1; p < parts; ++p) {
        std::shared_ptr<sqlite::SharedRead> shared = sqlite::share_read(db);
        if (!shared) {
            here.push_back(p);
            continue;
        }
        jobs.push_back(std::async(std::launch::async, [&range, shared, p] { return range(shared->db(), p); }));
    }
    PermitTally tally = range(db, here.front());
    for (std::size_t i = 1; i < here.size(); ++i) merge(tally, range(db, here[i]));
    for (auto& j : jobs) merge(tally, j.get());
    tally.capacity_use = std::move(use);
    return tally;
}

} // namespace bostad::store::gpkg
