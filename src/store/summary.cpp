#include "store/summary.hpp"

namespace bostad::store {

void PersonalDataScan::add(PersonalDataHit hit) {
    ++values;
    if (samples.size() < k_samples) samples.push_back(std::move(hit));
}

std::int64_t StoreSummary::dangling_runs() const {
    std::int64_t n = 0;
    for (const auto& r : run_references) n += r.rows;
    return n;
}

} // namespace bostad::store
