#pragma once
// A FeatureSource for tests that holds permits only: everything but permits() is empty.

#include "store/feature_source.hpp"

namespace bostad::test {

class PermitsOnly : public store::FeatureSource {
public:
    std::vector<store::AreaFeature> areas(const std::string&) override { return {}; }
    void plans(const std::function<void(const store::PlanFeature&)>&) override {}
    void permit_plans(const std::function<void(const store::PermitPlanLink&)>&) override {}
    void rejected(const std::function<void(const store::RejectedFeature&)>&) override {}
    std::vector<store::SourceSummary> sources() override { return {}; }
    std::vector<store::SourceRun> latest_runs() override { return {}; }
    std::map<std::string, std::int64_t> rejects_by_reason(const std::vector<std::int64_t>&) override { return {}; }
    std::int64_t completed_dwellings(const std::string&, const std::string&, const std::string&) override { return 0; }
    std::map<std::string, std::string> first_dates() override { return {}; }
};

} // namespace bostad::test
