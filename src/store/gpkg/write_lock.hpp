#pragma once
// The one writer of a GeoPackage store at a time. SQLite lets one connection write while others read; a
// second writer (another ingest, or QGIS editing the file) is told that it waits, waits at most the
// given time, then gives up with an error that says why. Nothing is written while waiting.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "sqlite/database.hpp"

namespace bostad::store::gpkg {

class LockedTransaction {
public:
    using Note = std::function<void(const std::string&)>;
    /// Begins writing (BEGIN IMMEDIATE). When another connection is writing, calls `note` once and waits
    /// up to `max_wait` for it; IoError if it is still writing then.
    LockedTransaction(sqlite::Database& db, std::chrono::seconds max_wait, const Note& note);
    void commit();

private:
    std::optional<sqlite::Transaction> m_tx;
};

/// How long a writer waits for another: BOSTAD_LOCK_TIMEOUT seconds, 600 unless set; UsageError when
/// the variable is not a whole number of seconds.
std::chrono::seconds lock_timeout_from_environment();

} // namespace bostad::store::gpkg
