#include "store/summary.hpp"

namespace bostad::store {

void PersonalDataScan::add(PersonalDataHit hit) {
    ++values;
    if (samples.size() < k_samples) samples.push_back(std::move(hit));
}

} // namespace bostad::store
