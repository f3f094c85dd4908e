#include "forecast/model.hpp"

namespace bostad::forecast {

Hazards fit(const History& history) {
    const MonthIndex month = history.month.index();
    std::vector<Stay> stays;
    for (const ReadPermit& p : history.permits) {
        for (const Stay& s : stays_of(p.known, month)) {
            if (s.entered > month - k_history_months) stays.push_back(s);
        }
    }
    return Hazards(stays, history.groups.size(), month, k_pooling);
}

} // namespace bostad::forecast
