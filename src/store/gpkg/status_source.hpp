#pragma once
// The GeoPackage store's answers to a status (store/status_source.hpp): the permits counted by a pass in C++
// over SQLite (permit_scan.hpp), plans and their shares read as they are stored (plan_capacity.hpp).

#include "store/status_source.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

class GpkgStatusSource final : public StatusSource {
public:
    explicit GpkgStatusSource(sqlite::Database& db) : m_db(db) {}
    std::vector<std::string> area_set_names() override;
    std::optional<std::int64_t> find_area_set(const std::string& name) override;
    std::vector<AreaRow> areas(std::int64_t area_set_id) override;
    PermitTally scan_permits(const ScanRequest& request) override;
    std::vector<std::vector<ListedPermit>> list_permits(const ListRequest& request) override;
    std::unordered_map<std::int64_t, LegalPlan> legal_plans(const std::optional<std::string>& municipality,
                                                            const Cutoffs<std::string_view>& cut,
                                                            const std::vector<std::int32_t>* capacity_use) override;
    std::vector<PlanShare> plan_shares(std::int64_t area_set_id,
                                       const std::unordered_map<std::int64_t, std::size_t>& area_index) override;

private:
    sqlite::Database& m_db;
};

} // namespace bostad::store::gpkg
