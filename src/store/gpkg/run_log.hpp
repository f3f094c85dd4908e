#pragma once
// The bookkeeping of ingests in the store: one row per run with its counts, the events (history) and the
// quarantine of rejected rows.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "sqlite/database.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {

/// The GeoPackage store's run log.
class RunLog final : public RunRecorder {
public:
    explicit RunLog(sqlite::Database& db);

    std::int64_t start(const RunStart& run) override;
    void finish(std::int64_t run, const RunCounts& counts) override;
    void event(std::int64_t run, const EventRow& e) override;
    bool reject(std::int64_t run, const RejectRow& r) override;

private:
    sqlite::Database& m_db;
    sqlite::Statement m_event;
    sqlite::Statement m_reject;
    sqlite::Statement m_known;
};


} // namespace bostad::store::gpkg
