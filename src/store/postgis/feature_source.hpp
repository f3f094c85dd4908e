#pragma once
// The PostGIS store's features and bookkeeping for export and report (store/feature_source.hpp), read in the
// caller's snapshot, large tables through a cursor; the rows and their order are the GeoPackage store's.

#include "store/feature_source.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

class PgFeatureSource final : public FeatureSource {
public:
    explicit PgFeatureSource(pg::Connection& c) : m_c(c) {}
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
    pg::Connection& m_c;
};

} // namespace bostad::store::postgis
