#include "store/gpkg/row_digests.hpp"

#include <fmt/format.h>

namespace bostad::store::gpkg {
namespace {

constexpr std::size_t k_batch_rows = 128; // rows per INSERT statement

std::string insert_sql(const std::string& digests, std::size_t rows) {
    std::string sql = fmt::format("INSERT OR REPLACE INTO {} (fid, digest, municipality, key) VALUES ", digests);
    for (std::size_t r = 0; r < rows; ++r) sql += r == 0 ? "(?,?,?,?)" : ",(?,?,?,?)";
    return sql;
}

} // namespace

RowDigests::RowDigests(sqlite::Database& db, std::string digests)
    : m_db(db), m_digests(std::move(digests)), m_one(db.prepare(insert_sql(m_digests, 1))),
      m_batch(db.prepare(insert_sql(m_digests, k_batch_rows))),
      m_forget(db.prepare(fmt::format("DELETE FROM {} WHERE fid = ?", m_digests))) {}

std::vector<RowDigest> RowDigests::load() {
    flush();
    std::vector<RowDigest> out;
    auto st = m_db.prepare(fmt::format("SELECT digest, fid, municipality, key FROM {}", m_digests));
    while (st.step()) {
        out.push_back({static_cast<std::uint64_t>(st.column_int64(0)), st.column_int64(1), st.column_text(2), st.column_text(3)});
    }
    return out;
}

void RowDigests::remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) {
    m_pending.push_back({digest, fid, municipality, key});
    if (m_pending.size() == k_batch_rows) flush();
}

void RowDigests::forget(std::int64_t fid) {
    flush();
    m_forget.reset();
    m_forget.bind(1, fid).run();
}

void RowDigests::flush() {
    const auto bind = [](sqlite::Statement& st, int first, const RowDigest& p) {
        st.bind(first, p.fid).bind(first + 1, static_cast<std::int64_t>(p.digest)).bind(first + 2, p.municipality);
        st.bind(first + 3, p.key);
    };
    if (m_pending.size() == k_batch_rows) {
        m_batch.reset();
        for (std::size_t r = 0; r < m_pending.size(); ++r) bind(m_batch, static_cast<int>(r) * 4 + 1, m_pending[r]);
        m_batch.run();
    } else {
        for (const auto& p : m_pending) {
            m_one.reset();
            bind(m_one, 1, p);
            m_one.run();
        }
    }
    m_pending.clear();
}

} // namespace bostad::store::gpkg
