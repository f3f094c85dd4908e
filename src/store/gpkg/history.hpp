#pragma once
// The history of one permit or plan in a GeoPackage store (store/history.hpp).

#include <optional>
#include <string>
#include <vector>

#include "store/history.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

/// Every permit and plan whose case_id or plan_id is `key` (optionally in one municipality).
std::vector<EntityHistory> find_history(sqlite::Database& db, const std::string& key,
                                        const std::optional<std::string>& municipality);

/// The quarantined rows that name `key`.
std::vector<RejectedEntry> find_rejected(sqlite::Database& db, const std::string& key, const std::optional<std::string>& municipality);

/// Stored case and plan ids close to `key`, for "did you mean".
std::vector<std::string> similar_keys(sqlite::Database& db, const std::string& key);

} // namespace bostad::store::gpkg
