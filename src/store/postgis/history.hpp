#pragma once
// The history of one permit or plan in a PostGIS store, in the same form (and the same value text) as the
// GeoPackage store's (store/history.hpp).

#include <optional>
#include <string>
#include <vector>

#include "store/history.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

std::vector<store::EntityHistory> find_history(pg::Connection& c, const std::string& key,
                                               const std::optional<std::string>& municipality);

std::vector<store::RejectedEntry> find_rejected(pg::Connection& c, const std::string& key,
                                                const std::optional<std::string>& municipality);
std::vector<std::string> similar_keys(pg::Connection& c, const std::string& key);

} // namespace bostad::store::postgis
