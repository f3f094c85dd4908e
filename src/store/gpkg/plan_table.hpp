#pragma once
// The plans table: load a municipality's plans, insert, update, flag.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/records.hpp"
#include "sqlite/database.hpp"
#include "store/gpkg/row_digests.hpp"
#include "store/gpkg/seen_runs.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {


class PlanTable final : public PlanWriter {
public:
    explicit PlanTable(sqlite::Database& db);

    std::unordered_map<std::string, StoredPlan> load(const std::string& municipality) override;
    std::int64_t insert(const PlanRecord& p, std::int64_t run) override;
    void finish() override { m_digests.flush(); } ///< plans are written (and queued for assignment) one by one
    void update(std::int64_t fid, const PlanRecord& p, std::int64_t run) override;
    void seen(std::int64_t fid, std::int64_t run) override;
    void set_missing(std::int64_t fid, std::optional<std::int64_t> run) override;
    std::vector<RowDigest> digests() override { return m_digests.load(); }
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) override {
        m_digests.remember(fid, municipality, key, digest);
    }
    void seen_all(std::span<const std::int64_t> fids, std::int64_t run) override;
    std::int64_t present(const std::string& municipality) override;

private:
    void write_areas(std::int64_t fid, const PlanRecord& p);

    sqlite::Database& m_db;
    sqlite::Statement m_insert;
    sqlite::Statement m_update;
    sqlite::Statement m_areas_delete;
    sqlite::Statement m_areas_insert;
    sqlite::Statement m_missing;
    RowDigests m_digests;
    SeenRuns m_seen;
};

} // namespace bostad::store::gpkg
