#include "store/gpkg/seen_runs.hpp"

#include <fmt/format.h>

namespace bostad::store::gpkg {
namespace {

constexpr std::size_t k_batch_rows = 256; // rows per statement

std::string upsert_sql(const std::string& table, std::size_t rows) {
    std::string sql = fmt::format("INSERT OR REPLACE INTO {} (fid, last_seen_run) VALUES ", table);
    for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?)" : ",(?,?)";
    return sql;
}

} // namespace

SeenRuns::SeenRuns(sqlite::Database& db, const std::string& table)
    : m_one(db.prepare(upsert_sql(table, 1))), m_batch(db.prepare(upsert_sql(table, k_batch_rows))) {}

void SeenRuns::seen(std::int64_t fid, std::int64_t run) {
    m_one.reset();
    m_one.bind_all(fid, run).run();
}

void SeenRuns::seen_all(std::span<const std::int64_t> fids, std::int64_t run) {
    std::size_t i = 0;
    for (; i + k_batch_rows <= fids.size(); i += k_batch_rows) {
        m_batch.reset();
        for (std::size_t r = 0; r < k_batch_rows; ++r) {
            const int first = static_cast<int>(r) * 2 + 1;
            m_batch.bind(first, fids[i + r]).bind(first + 1, run);
        }
        m_batch.run();
    }
    for (; i < fids.size(); ++i) seen(fids[i], run);
}

} // namespace bostad::store::gpkg
