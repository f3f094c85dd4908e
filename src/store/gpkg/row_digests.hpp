#pragma once
// What an ingest keeps beside the permits or plans table: the digests of the delivered rows that stored rows
// equal (permit_digests, plan_digests: read whole before an ingest, written in batches during it).

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite/database.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {

class RowDigests {
public:
    /// `digests` is permit_digests or plan_digests.
    RowDigests(sqlite::Database& db, std::string digests);

    /// The digests of the rows that are not missing.
    std::vector<RowDigest> load();
    /// Queues a row's digest; written by flush().
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest);
    /// A row flagged missing is not recognised again (it must be decoded to reappear).
    void forget(std::int64_t fid);
    void flush();

private:
    sqlite::Database& m_db;
    std::string m_digests;
    std::vector<RowDigest> m_pending; ///< remembered, not yet written
    sqlite::Statement m_one;
    sqlite::Statement m_batch;
    sqlite::Statement m_forget;
};

} // namespace bostad::store::gpkg
