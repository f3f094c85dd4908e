#pragma once
// The run that last delivered each permit or plan (permit_seen, plan_seen: schemas/store/007), kept in a narrow
// table beside the wide one: a re-ingest that sees a million unchanged rows rewrites two integers per row, not the
// rows. New rows are queued and written in batches; rows seen again are written per range of consecutive fids.

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

class SeenRuns {
public:
    /// `table` is permit_seen or plan_seen.
    SeenRuns(sqlite::Database& db, const std::string& table);

    /// A new row: queued, written by flush().
    void added(std::int64_t fid, std::int64_t run);
    /// A stored row delivered again (changed or not).
    void seen(std::int64_t fid, std::int64_t run);
    /// seen() for many rows, `fids` ascending: one UPDATE per range of consecutive fids.
    void seen_all(std::span<const std::int64_t> fids, std::int64_t run);
    void flush();

private:
    std::vector<std::pair<std::int64_t, std::int64_t>> m_pending; ///< (fid, run) of added rows
    sqlite::Statement m_one;
    sqlite::Statement m_batch;
    sqlite::Statement m_range;
};

} // namespace bostad::store::gpkg
