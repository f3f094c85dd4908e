#pragma once
// The same key more than once in one delivery: identical repeats are kept once (and counted); versions
// that differ are all rejected as conflicting duplicates, also when one of them was rejected for another
// reason, so that bostad never picks one version silently. The result is Batch::order: the rows to write,
// in key order (the order the store's unique index takes them fastest); the records themselves stay put.

#include <algorithm>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/gpkg_blob.hpp"
#include "core/records.hpp"
#include "ingest/batch.hpp"

namespace bostad::ingest {

/// Where an accepted record lies (EPSG:3006 WKB), for the quarantine's map when it is rejected after all.
template <typename Record>
std::vector<std::uint8_t> map_geometry_of(const Record& r) {
    if constexpr (std::is_same_v<Record, PermitRecord>) return wkb_point(r.x, r.y);
    else return r.geom;
}

/// `key_of(record)` gives (municipality, key) as references into the record.
template <typename Record, typename KeyFn>
std::int64_t dedupe(Batch<Record>& batch, KeyFn key_of) {
    auto& rows = batch.accepted;
    // Rows in key order: equal keys end up next to each other, and the store's unique index takes new
    // rows fastest in this order.
    std::vector<std::uint32_t> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    const auto by_key = [&](std::uint32_t a, std::uint32_t b) { return key_of(rows[a].record) < key_of(rows[b].record); };
    if (!std::is_sorted(order.begin(), order.end(), by_key)) std::sort(order.begin(), order.end(), by_key);
    std::unordered_map<std::string, std::vector<std::string>> rejected_rows; // entity key → rows of rejected versions
    for (const auto& r : batch.rejected) {
        if (!r.key.empty()) rejected_rows[entity_key(r.municipality, r.key)].push_back(std::to_string(r.origin.row));
    }

    std::vector<std::uint32_t> kept;
    kept.reserve(rows.size());
    std::vector<Rejection> conflicts;
    std::int64_t repeats = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && key_of(rows[order[j]].record) == key_of(rows[order[i]].record)) ++j;
        const auto& [municipality, key] = key_of(rows[order[i]].record);
        const auto other = rejected_rows.empty() ? rejected_rows.end() : rejected_rows.find(entity_key(municipality, key));
        const auto first = order.begin() + static_cast<std::ptrdiff_t>(i);
        const auto last = order.begin() + static_cast<std::ptrdiff_t>(j);
        const bool identical = std::all_of(first, last, [&](std::uint32_t k) { return rows[k].record == rows[*first].record; });
        if (identical && other == rejected_rows.end()) {
            kept.push_back(*first);
            repeats += static_cast<std::int64_t>(j - i) - 1;
            i = j;
            continue;
        }
        std::vector<std::uint32_t> same(first, last);
        std::sort(same.begin(), same.end());
        std::vector<std::string> where;
        for (std::uint32_t k : same) where.push_back(std::to_string(rows[k].origin.row));
        if (other != rejected_rows.end()) where.insert(where.end(), other->second.begin(), other->second.end());
        const std::string message = fmt::format("'{}' is delivered {} times with different content (rows {}); "
                                                "none of them is stored until the source has one version",
                                                key, where.size(), fmt::join(where, ", "));
        for (std::uint32_t k : same) {
            conflicts.push_back({rows[k].origin, Problem{Reason::conflicting_duplicate, "", message}, std::string(),
                                 std::string(municipality), std::string(key), map_geometry_of(rows[k].record), std::nullopt});
        }
        i = j;
    }
    batch.order = std::move(kept);
    for (auto& c : conflicts) batch.rejected.push_back(std::move(c));
    return repeats;
}

} // namespace bostad::ingest
