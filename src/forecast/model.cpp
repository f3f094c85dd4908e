#include "forecast/model.hpp"

namespace bostad::forecast {

MonthIndex index_of(const Month& m) { return m.year() * 12 + m.month() - 1; }

Hazards fit(const History& history) {
    const MonthIndex month = index_of(history.month);
    std::vector<Stay> stays;
    for (const ReadPermit& p : history.permits) {
        for (const Stay& s : stays_of(p.known, month)) {
            if (s.entered > month - k_history_months) stays.push_back(s);
        }
    }
    return Hazards(stays, history.groups.size(), month, k_pooling);
}

} // namespace bostad::forecast
