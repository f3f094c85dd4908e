#pragma once
// The GeoPackage store's features and bookkeeping for export and report (store/feature_source.hpp).

#include "store/feature_source.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

class GpkgFeatureSource final : public FeatureSource {
public:
    explicit GpkgFeatureSource(sqlite::Database& db) : m_db(db) {}
    std::vector<AreaFeature> areas(const std::string& area_set) override;
    void permits(const PermitQuery& query, const std::function<void(const PermitFeature&)>& each) override;
    void plans(const std::function<void(const PlanFeature&)>& each) override;
    void permit_plans(const std::function<void(const PermitPlanLink&)>& each) override;
    void rejected(const std::function<void(const RejectedFeature&)>& each) override;
    std::vector<SourceSummary> sources() override;
    std::vector<SourceRun> latest_runs() override;
    std::map<std::string, std::int64_t> rejects_by_reason(const std::vector<std::int64_t>& runs) override;
    std::int64_t completed_dwellings(const std::string& municipality, const std::string& first, const std::string& last) override;
    std::map<std::string, std::string> first_dates() override;

private:
    sqlite::Database& m_db;
};

} // namespace bostad::store::gpkg
