#pragma once
// Rows recognised by their digest (ingest/read/row_digest.hpp): the same stored row recognised twice is an
// identical repeat. (A recognised row whose key a decoded row also has: Applier::recognized_collide().)

#include <algorithm>

#include "ingest/batch.hpp"

namespace bostad::ingest {

/// Keeps each recognised stored row once (the first delivered); returns how many repeats were dropped.
template <typename Record>
std::int64_t dedupe_recognized(Batch<Record>& batch) {
    auto& rows = batch.recognized;
    std::stable_sort(rows.begin(), rows.end(), [](const Recognized& a, const Recognized& b) { return a.stored->fid < b.stored->fid; });
    const auto end = std::unique(rows.begin(), rows.end(), [](const Recognized& a, const Recognized& b) { return a.stored->fid == b.stored->fid; });
    const auto repeats = static_cast<std::int64_t>(rows.end() - end);
    rows.erase(end, rows.end());
    return repeats;
}

} // namespace bostad::ingest
