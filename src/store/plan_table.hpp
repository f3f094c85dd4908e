#pragma once
// The plans table: load a municipality's plans, insert, update, flag.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/records.hpp"
#include "sqlite/database.hpp"

namespace bostad::store {

struct StoredPlan {
    std::int64_t fid = 0;
    PlanRecord record;
    std::optional<std::int64_t> missing_since_run;
};

class PlanTable {
public:
    explicit PlanTable(sqlite::Database& db);

    std::unordered_map<std::string, StoredPlan> load(const std::string& municipality);
    std::int64_t insert(const PlanRecord& p, std::int64_t run);
    void finish() {} ///< plans are written (and queued for assignment) one by one
    void update(std::int64_t fid, const PlanRecord& p, std::int64_t run);
    void seen(std::int64_t fid, std::int64_t run);
    void set_missing(std::int64_t fid, std::optional<std::int64_t> run);

private:
    void write_areas(std::int64_t fid, const PlanRecord& p);

    sqlite::Database& m_db;
    sqlite::Statement m_insert;
    sqlite::Statement m_update;
    sqlite::Statement m_areas_delete;
    sqlite::Statement m_areas_insert;
    sqlite::Statement m_seen;
    sqlite::Statement m_missing;
};

} // namespace bostad::store
