#include "store/postgis/row_digests.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "store/postgis/codec.hpp"

namespace bostad::store::postgis {
std::vector<RowDigest> PgRowDigests::load() {
    flush();
    std::vector<RowDigest> out;
    m_c.copy_out(fmt::format("SELECT digest, fid, municipality, key FROM {}", pg::quote_identifier(m_table)),
                 [&](pg::Connection::CopyFields f) {
                     out.push_back({static_cast<std::uint64_t>(int_of(*f[0])), int_of(*f[1]), std::string(*f[2]),
                                    std::string(*f[3])});
                 });
    return out;
}

void PgRowDigests::remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) {
    m_pending.push_back({digest, fid, municipality, key});
}

void PgRowDigests::forget(std::int64_t fid) {
    flush();
    m_c.exec(fmt::format("DELETE FROM {} WHERE fid = $1", pg::quote_identifier(m_table)), {std::to_string(fid)});
}

void PgRowDigests::flush() {
    if (m_pending.empty()) return;
    // A row remembered twice keeps its last digest (COPY would meet its key twice).
    const auto by_fid = [](const RowDigest& a, const RowDigest& b) { return a.fid < b.fid; };
    const auto same_fid = [](const RowDigest& a, const RowDigest& b) { return a.fid == b.fid; };
    if (std::adjacent_find(m_pending.begin(), m_pending.end(), [](const RowDigest& a, const RowDigest& b) { return a.fid >= b.fid; }) !=
        m_pending.end()) {
        std::stable_sort(m_pending.begin(), m_pending.end(), by_fid);
        std::reverse(m_pending.begin(), m_pending.end()); // the last remembered first, for unique()
        m_pending.erase(std::unique(m_pending.begin(), m_pending.end(), same_fid), m_pending.end());
    }
    // A row's digest replaces the one it had: the old ones go first, then the new come in by one COPY.
    std::vector<std::int64_t> fids;
    fids.reserve(m_pending.size());
    for (const auto& p : m_pending) fids.push_back(p.fid);
    m_c.exec(fmt::format("DELETE FROM {} WHERE fid = ANY($1::bigint[])", pg::quote_identifier(m_table)), {int_array(fids)});
    m_c.begin_binary_copy(m_table, {"fid", "digest", "municipality", "key"});
    for (const auto& p : m_pending) {
        m_c.copy_binary_row(4);
        m_c.copy_binary_int8(p.fid);
        m_c.copy_binary_int8(static_cast<std::int64_t>(p.digest));
        m_c.copy_binary_bytes(p.municipality);
        m_c.copy_binary_bytes(p.key);
        m_c.copy_row_end();
    }
    m_c.end_copy();
    m_pending.clear();
}

} // namespace bostad::store::postgis
