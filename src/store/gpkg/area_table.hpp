#pragma once
// Area sets and their areas: a set is replaced as a whole.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "sqlite/database.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {


class AreaTable final : public AreaSetWriter {
public:
    explicit AreaTable(sqlite::Database& db);

    std::optional<AreaSetInfo> find(const std::string& name) override;
    std::vector<AreaSetInfo> list();
    std::vector<AreaRecord> areas(std::int64_t set_id) override;
    /// Replaces the set's areas (creating the set when new); returns how many areas it had before.
    std::int64_t replace(const std::string& name, const std::string& description, const std::string& vintage,
                         std::int64_t run, const std::vector<AreaRecord>& areas) override;

private:
    sqlite::Database& m_db;
};

} // namespace bostad::store::gpkg
