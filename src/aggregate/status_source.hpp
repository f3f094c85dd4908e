#pragma once
// Where a status reads its inputs: the store's areas, one pass over its permits (counted by area,
// municipality, house type and tenure), its plans with legal force and their shares of the areas. The
// GeoPackage store answers with a pass in C++ over SQLite (permit_scan.hpp); the PostGIS store answers
// with SQL that counts in the database (pgstore/status_source.hpp). compute_status() puts the answers
// together the same way for both.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "aggregate/permit_scan.hpp"
#include "aggregate/plan_capacity.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::aggregate {

struct AreaRow {
    std::int64_t fid = 0;
    std::string area_id, name, municipality;
};

class StatusSource {
public:
    virtual ~StatusSource() = default;
    virtual std::vector<std::string> area_set_names() = 0;
    virtual std::optional<std::int64_t> find_area_set(const std::string& name) = 0;
    /// The areas of a set, ordered by area_id (name falls back to the id).
    virtual std::vector<AreaRow> areas(std::int64_t area_set_id) = 0;
    virtual PermitTally scan_permits(const ScanRequest& request) = 0;
    /// As aggregate::legal_plans(); a source may ignore `capacity_use` and work the use out itself.
    virtual std::unordered_map<std::int64_t, LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                                    const Cutoffs<Text>& cut,
                                                                    const std::vector<std::int32_t>* capacity_use) = 0;
    virtual std::vector<PlanShare> plan_shares(std::int64_t area_set_id,
                                               const std::unordered_map<std::int64_t, std::size_t>& area_index) = 0;
};

/// The GeoPackage store's answers.
class SqliteStatusSource final : public StatusSource {
public:
    explicit SqliteStatusSource(sqlite::Database& db) : m_db(db) {}
    std::vector<std::string> area_set_names() override;
    std::optional<std::int64_t> find_area_set(const std::string& name) override;
    std::vector<AreaRow> areas(std::int64_t area_set_id) override;
    PermitTally scan_permits(const ScanRequest& request) override;
    std::unordered_map<std::int64_t, LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                            const Cutoffs<Text>& cut,
                                                            const std::vector<std::int32_t>* capacity_use) override;
    std::vector<PlanShare> plan_shares(std::int64_t area_set_id,
                                       const std::unordered_map<std::int64_t, std::size_t>& area_index) override;

private:
    sqlite::Database& m_db;
};

} // namespace bostad::aggregate
