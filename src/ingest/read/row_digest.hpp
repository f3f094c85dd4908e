#pragma once
// Recognising rows delivered before. A row's digest is taken over what the conversion reads of it (its bound
// columns, the keep filters' columns, its geometry) and over everything else that decides the record it
// becomes: bostad's version, the config file, the request, the file's fields and CRS, and the kommun outlines.
// A row whose digest a stored row carries would become that stored row again, so a re-ingest counts it
// unchanged without decoding it (store: permit_digests, plan_digests).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/row_source.hpp"
#include "ingest/request.hpp"
#include "store/ingest_target.hpp"

namespace bostad::config {
struct Config;
} // namespace bostad::config

namespace bostad::ingest {

/// The stored rows an ingest may recognise, by digest.
class KnownRows {
public:
    explicit KnownRows(std::vector<store::RowDigest> rows);
    /// The stored row with this digest, or null.
    const store::RowDigest* find(std::uint64_t digest) const;

private:
    std::vector<store::RowDigest> m_rows;
    /// Open addressing over the digests (already well mixed): slot = digest & mask, then the next slots;
    /// (0, _) is an empty slot, as no digest is 0. A million lookups stay in cache far better than a node map.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> m_slots;
    std::uint64_t m_mask = 0;
};

/// What, besides the row itself, decides the record a row of this file becomes.
struct DigestContext {
    const IngestRequest* request = nullptr;
    const config::Config* config = nullptr;
    const RowSource* reader = nullptr;
    std::string crs_wkt;
    std::string crs_label;
    std::vector<int> columns; ///< the columns the conversion reads
};

/// The digest of the context (never 0).
std::uint64_t context_digest(const DigestContext& c);

/// The digest of a row under a context digest; 0 (never recognised) when reading the row noted a problem.
std::uint64_t row_digest(std::uint64_t context, const SourceRow& row, std::span<const int> columns);

} // namespace bostad::ingest
