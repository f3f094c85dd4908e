#pragma once
// Area sets and their areas: a set is replaced as a whole.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "sqlite/database.hpp"

namespace bostad::store {

struct AreaSetInfo {
    std::int64_t id = 0;
    std::string name;
    std::string description;
    std::string vintage;
    std::optional<std::int64_t> loaded_run;
    std::int64_t areas = 0;
};

class AreaTable {
public:
    explicit AreaTable(sqlite::Database& db);

    std::optional<AreaSetInfo> find(const std::string& name);
    std::vector<AreaSetInfo> list();
    std::vector<AreaRecord> areas(std::int64_t set_id);
    /// Replaces the set's areas (creating the set when new); returns how many areas it had before.
    std::int64_t replace(const std::string& name, const std::string& description, const std::string& vintage,
                         std::int64_t run, const std::vector<AreaRecord>& areas);

private:
    sqlite::Database& m_db;
};

} // namespace bostad::store
