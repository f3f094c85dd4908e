#pragma once
// The PostGIS store's row digests (permit_digests, plan_digests; as the GeoPackage store's, schemas/store/006):
// the digest of the delivered row each stored permit or plan equals, so that a re-ingest recognises unchanged
// rows without decoding them. A cache, not data: `copy` leaves it behind, and a row without one is decoded.
// Read whole by one COPY out; remembered digests are queued and written by one COPY per flush.

#include <cstdint>
#include <string>
#include <vector>

#include "pg/connection.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::postgis {

class PgRowDigests {
public:
    /// `table` is permit_digests or plan_digests.
    PgRowDigests(pg::Connection& c, std::string table) : m_c(c), m_table(std::move(table)) {}

    /// The digests of the rows that are not missing.
    std::vector<RowDigest> load();
    /// Queues a row's digest (replacing the one it has); written by flush().
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest);
    /// A row flagged missing is not recognised again (it must be decoded to reappear).
    void forget(std::int64_t fid);
    void flush();

private:
    pg::Connection& m_c;
    std::string m_table;
    std::vector<RowDigest> m_pending; ///< remembered, not yet written
};

} // namespace bostad::store::postgis
