#pragma once
// The same key more than once in one delivery: identical repeats are kept once (and counted); versions
// that differ are all rejected as conflicting duplicates, also when one of them was rejected for another
// reason, so that bostad never picks one version silently.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/batch.hpp"

namespace bostad::ingest {

/// Removes repeats and conflicting duplicates from `batch.accepted`; returns the number of repeats.
template <typename Record, typename KeyFn>
std::int64_t dedupe(Batch<Record>& batch, KeyFn key_of) {
    std::map<std::string, std::vector<std::size_t>> groups;
    const auto group_key = [](const std::string& municipality, const std::string& key) { return municipality + '\x1f' + key; };
    for (std::size_t i = 0; i < batch.accepted.size(); ++i) {
        const auto [municipality, key] = key_of(batch.accepted[i].record);
        groups[group_key(municipality, key)].push_back(i);
    }
    std::map<std::string, std::vector<std::string>> rejected_rows; // group → "file:row" of its rejected versions
    for (const auto& r : batch.rejected) {
        if (!r.key.empty()) rejected_rows[group_key(r.municipality, r.key)].push_back(std::to_string(r.origin.row));
    }

    std::vector<bool> drop(batch.accepted.size(), false);
    std::int64_t repeats = 0;
    std::vector<Rejection> conflicts;
    for (const auto& [g, rows] : groups) {
        const auto other_versions = rejected_rows.find(g);
        const bool identical = std::all_of(rows.begin(), rows.end(), [&](std::size_t i) {
            return batch.accepted[i].record == batch.accepted[rows.front()].record;
        });
        if (identical && other_versions == rejected_rows.end()) {
            for (std::size_t k = 1; k < rows.size(); ++k) drop[rows[k]] = true;
            repeats += static_cast<std::int64_t>(rows.size()) - 1;
            continue;
        }
        if (rows.size() == 1 && other_versions == rejected_rows.end()) continue;
        std::vector<std::string> where;
        for (std::size_t i : rows) where.push_back(std::to_string(batch.accepted[i].origin.row));
        if (other_versions != rejected_rows.end()) where.insert(where.end(), other_versions->second.begin(), other_versions->second.end());
        const auto [municipality, key] = key_of(batch.accepted[rows.front()].record);
        for (std::size_t i : rows) {
            drop[i] = true;
            conflicts.push_back({batch.accepted[i].origin,
                                 Problem{Reason::conflicting_duplicate, "",
                                         fmt::format("'{}' is delivered {} times with different content (rows {}); "
                                                     "none of them is stored until the source has one version",
                                                     key, where.size(), fmt::join(where, ", "))},
                                 municipality, key, {}, std::nullopt});
        }
    }
    std::vector<Candidate<Record>> kept;
    kept.reserve(batch.accepted.size());
    for (std::size_t i = 0; i < batch.accepted.size(); ++i) {
        if (!drop[i]) kept.push_back(std::move(batch.accepted[i]));
    }
    batch.accepted = std::move(kept);
    for (auto& c : conflicts) batch.rejected.push_back(std::move(c));
    return repeats;
}

} // namespace bostad::ingest
