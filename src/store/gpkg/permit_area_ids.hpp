#pragma once
// Each permit's area_id in one area set, by permit fid: read once from the set's assignments and held in memory,
// so that a read of the permits needs no join per permit (the joins were most of a read of a million permits).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

class PermitAreaIds {
public:
    /// `area_set_id` < 0: no set (every permit in none).
    PermitAreaIds(sqlite::Database& db, std::int64_t area_set_id);
    /// The set by name; none, or a name no set has: every permit in none.
    static PermitAreaIds named(sqlite::Database& db, const std::optional<std::string>& area_set);

    /// The permit's area_id, valid while this lives; none when it lies in no area of the set.
    std::optional<std::string_view> of(std::int64_t permit_fid) const {
        const auto at = static_cast<std::size_t>(permit_fid);
        if (permit_fid < 0 || at >= m_of_fid.size() || m_of_fid[at] < 0) return std::nullopt;
        return m_ids[static_cast<std::size_t>(m_of_fid[at])];
    }

private:
    std::vector<std::string> m_ids;     ///< the set's area_ids
    std::vector<std::int32_t> m_of_fid; ///< permit fid → index into m_ids (-1: in none)
};

} // namespace bostad::store::gpkg
