#pragma once
// What an ingest keeps beside the permits or plans table: the digests of the delivered rows that stored rows
// equal (permit_digests, plan_digests: read whole before an ingest, written in batches during it), and the
// runs that delivered rows again, written per range of fids.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sqlite/database.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {

class RowDigests {
public:
    /// `digests` is the digest table of `table` (permits or plans).
    RowDigests(sqlite::Database& db, std::string digests, std::string table);

    /// The digests of the rows that are not missing.
    std::vector<RowDigest> load();
    /// Queues a row's digest; written by flush().
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest);
    /// A row flagged missing is not recognised again (it must be decoded to reappear).
    void forget(std::int64_t fid);
    void flush();
    /// Sets last_seen_run of the rows, one UPDATE per range of consecutive fids (`fids` ascending).
    void seen_all(std::span<const std::int64_t> fids, std::int64_t run);

private:
    struct Pending {
        std::int64_t fid;
        std::string municipality;
        std::string key;
        std::uint64_t digest;
    };
    sqlite::Database& m_db;
    std::string m_digests;
    std::string m_table;
    std::vector<Pending> m_pending;
    sqlite::Statement m_one;
    sqlite::Statement m_batch;
    sqlite::Statement m_forget;
    sqlite::Statement m_seen_range;
};

} // namespace bostad::store::gpkg
