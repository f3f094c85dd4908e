#include "store/gpkg/write_lock.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad::store::gpkg {

LockedTransaction::LockedTransaction(sqlite::Database& db, std::chrono::seconds max_wait, const Note& note) {
    db.set_busy_timeout(std::chrono::milliseconds(0));
    try {
        m_tx.emplace(db);
    } catch (const sqlite::Error& e) {
        if (!e.busy()) throw;
        note(fmt::format("'{}' is being written by another process (another bostad ingest, or a program editing it); "
                         "waiting for it to finish (at most {} s, BOSTAD_LOCK_TIMEOUT)",
                         db.path(), max_wait.count()));
        db.set_busy_timeout(max_wait);
        try {
            m_tx.emplace(db);
        } catch (const sqlite::Error& again) {
            if (!again.busy()) throw;
            throw IoError(fmt::format("'{}' was still being written by another process after {} s; nothing was written. "
                                      "Run again when it has finished (or set BOSTAD_LOCK_TIMEOUT to wait longer)",
                                      db.path(), max_wait.count()));
        }
    }
    // The commit waits for the readers that are still reading the state before it.
    db.set_busy_timeout(std::chrono::minutes(10));
}

void LockedTransaction::commit() { m_tx->commit(); }

std::chrono::seconds lock_timeout_from_environment() {
    const char* v = std::getenv("BOSTAD_LOCK_TIMEOUT");
    if (!v || !*v) return std::chrono::seconds(600);
    const std::string text(v);
    if (text.size() > 7 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw UsageError(fmt::format("BOSTAD_LOCK_TIMEOUT: '{}' is not a whole number of seconds (0 to 9999999)", text));
    }
    return std::chrono::seconds(std::stol(text));
}

} // namespace bostad::store::gpkg
