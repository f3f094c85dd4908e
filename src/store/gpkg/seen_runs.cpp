#include "store/gpkg/seen_runs.hpp"

#include <fmt/format.h>

namespace bostad::store::gpkg {
namespace {

constexpr std::size_t k_batch_rows = 256; // rows per INSERT statement

std::string upsert_sql(const std::string& table, std::size_t rows) {
    std::string sql = fmt::format("INSERT OR REPLACE INTO {} (fid, last_seen_run) VALUES ", table);
    for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?)" : ",(?,?)";
    return sql;
}

} // namespace

SeenRuns::SeenRuns(sqlite::Database& db, const std::string& table)
    : m_one(db.prepare(upsert_sql(table, 1))), m_batch(db.prepare(upsert_sql(table, k_batch_rows))),
      m_range(db.prepare(fmt::format("UPDATE {} SET last_seen_run = ? WHERE fid BETWEEN ? AND ?", table))) {}

void SeenRuns::added(std::int64_t fid, std::int64_t run) {
    m_pending.emplace_back(fid, run);
    if (m_pending.size() == k_batch_rows) flush();
}

void SeenRuns::seen(std::int64_t fid, std::int64_t run) {
    m_one.reset();
    m_one.bind_all(fid, run).run();
}

void SeenRuns::seen_all(std::span<const std::int64_t> fids, std::int64_t run) {
    flush();
    for (std::size_t i = 0; i < fids.size();) {
        std::size_t j = i + 1;
        while (j < fids.size() && fids[j] == fids[j - 1] + 1) ++j;
        m_range.reset();
        m_range.bind(1, run).bind(2, fids[i]).bind(3, fids[j - 1]).run();
        i = j;
    }
}

void SeenRuns::flush() {
    if (m_pending.size() == k_batch_rows) {
        m_batch.reset();
        for (std::size_t r = 0; r < m_pending.size(); ++r) {
            const int first = static_cast<int>(r) * 2 + 1;
            m_batch.bind(first, m_pending[r].first).bind(first + 1, m_pending[r].second);
        }
        m_batch.run();
    } else {
        for (const auto& [fid, run] : m_pending) seen(fid, run);
    }
    m_pending.clear();
}

} // namespace bostad::store::gpkg
