#pragma once
// The run that last delivered a permit or plan again unchanged (permit_seen, plan_seen: schemas/store/007), kept
// in a narrow table beside the wide one: a re-ingest that sees a million unchanged rows writes two integers per
// row, not the rows. A row not delivered again since its last change has no entry (its last_changed_run says it).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

class SeenRuns {
public:
    /// `table` is permit_seen or plan_seen.
    SeenRuns(sqlite::Database& db, const std::string& table);

    /// A stored row delivered again unchanged by `run`.
    void seen(std::int64_t fid, std::int64_t run);
    /// seen() for many rows, written in batches.
    void seen_all(std::span<const std::int64_t> fids, std::int64_t run);

private:
    sqlite::Statement m_one;
    sqlite::Statement m_batch;
};

} // namespace bostad::store::gpkg
