#pragma once
// The rows of one ingest after reading and checking: accepted records and rejected rows, each with where
// it came from.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/check/problem.hpp"
#include "ingest/read/row_digest.hpp"

namespace bostad::ingest {

struct RowOrigin {
    std::uint32_t file = 0; ///< index into Batch::files
    std::int64_t row = 0;   ///< 1-based row or feature number
    std::int64_t fid = -1;  ///< the source's feature id
};

template <typename Record>
struct Candidate {
    Record record;
    RowOrigin origin;
    std::int64_t rows = 1; ///< delivered rows it stands for (an SS 637040 plan: its stored areas)
    std::uint64_t digest = 0; ///< of the delivered row (ingest/read/row_digest.hpp); 0: none
};

/// A delivered row recognised by its digest as a stored row that has not changed: it was not decoded.
struct Recognized {
    const store::RowDigest* stored; ///< into the KnownRows the batch holds
};

struct Rejection {
    RowOrigin origin;
    Problem problem;
    std::string raw_json; ///< the bound source fields as read (JSON object)
    std::string municipality; ///< as far as it could be read
    std::string key;          ///< case_id / plan_id / area_id as far as it could be read
    std::vector<std::uint8_t> geometry; ///< EPSG:3006, for the quarantine layer; empty when none
    std::optional<std::string> raw_wkt;
};

/// A row left out because the project did not ask for it (a keep filter, a kommun outside the project).
struct Skipped {
    RowOrigin origin;
    std::string reason; ///< filtered, other_municipality
    std::string key;
    std::string message;
};

/// "municipality\x1fkey": one string for a (municipality, key) pair.
inline std::string entity_key(const std::string& municipality, const std::string& key) {
    return municipality + '\x1f' + key;
}

template <typename Record>
struct Batch {
    std::vector<std::string> files; ///< RowOrigin::file indexes this
    std::vector<Candidate<Record>> accepted;
    /// The accepted rows to write, in key order, without repeats and conflicting duplicates (set by dedupe).
    std::vector<std::uint32_t> order;
    std::vector<Rejection> rejected;
    std::map<std::string, std::int64_t> skipped;  ///< per reason
    std::vector<Skipped> skip_samples;            ///< the first skipped rows
    std::int64_t read = 0;
    std::int64_t repaired = 0;
    std::vector<std::string> near_border;               ///< accepted rows near another kommun: "FILE row N: lies …"
    std::map<std::string, std::int64_t> placed;         ///< areas given a kommun by location, per kommun
    std::vector<std::string> split_areas;               ///< of those, the ones split across kommuner
    /// Full snapshots: every entity_key the delivery named, accepted or not.
    std::unordered_set<std::string> seen;
    /// Rows recognised as unchanged stored rows (not in `accepted`), and what they were recognised against.
    std::vector<Recognized> recognized;
    std::shared_ptr<const KnownRows> known;
};

} // namespace bostad::ingest
