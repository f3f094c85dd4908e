#pragma once
// The one pass over the permits behind a status: each permit's stage, flags and flows at the end of the
// month, added to its area (looked up by fid in the area set's assignments, read once), to its municipality
// and to the splits by house type and tenure, with the lead-time samples and the completions that count for
// the targets. The permits are split by fid over the cores, each part read through its own read-only
// connection; when the store is not a file or the caller has a transaction open (whose changes other
// connections would not see), it is one pass on the caller's connection.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "store/status_source.hpp"

namespace bostad::sqlite {
class Database;
}

namespace bostad::store::gpkg {

PermitTally scan_permits(sqlite::Database& db, const ScanRequest& request);

} // namespace bostad::store::gpkg
