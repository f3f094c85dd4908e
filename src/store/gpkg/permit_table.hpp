#pragma once
// The permits table (and permit_footprints): load a municipality's permits, insert, update, flag.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.hpp"
#include "sqlite/database.hpp"
#include "store/gpkg/row_digests.hpp"
#include "store/gpkg/seen_runs.hpp"
#include "store/ingest_target.hpp"

namespace bostad::store::gpkg {


class PermitTable final : public PermitWriter {
public:
    explicit PermitTable(sqlite::Database& db);

    /// Every stored permit of the municipality, by case id.
    std::unordered_map<std::string, StoredPermit> load(const std::string& municipality) override;
    /// Adds a permit; rows are written in batches, so `p` must stay alive until flush().
    std::int64_t insert(const PermitRecord& p, std::int64_t run) override;
    /// Writes the inserted rows that are still queued. Call before reading the table or committing.
    void flush();
    /// Flushes, and queues the new and changed permits for assignment to areas and plans.
    void finish() override;
    void update(std::int64_t fid, const PermitRecord& p, std::int64_t run) override;
    /// Records that a run delivered the permit again unchanged.
    void seen(std::int64_t fid, std::int64_t run) override;
    void set_missing(std::int64_t fid, std::optional<std::int64_t> run) override;
    std::vector<RowDigest> digests() override { return m_digests.load(); }
    void remember(std::int64_t fid, const std::string& municipality, const std::string& key, std::uint64_t digest) override {
        m_digests.remember(fid, municipality, key, digest);
    }
    void seen_all(std::span<const std::int64_t> fids, std::int64_t run) override;
    std::int64_t present(const std::string& municipality) override;

private:
    struct Pending {
        const PermitRecord* record;
        std::int64_t fid;
        std::int64_t run;
    };
    void write_footprint(std::int64_t fid, const PermitRecord& p);

    sqlite::Database& m_db;
    std::int64_t m_next_fid;
    std::vector<Pending> m_pending;
    std::vector<std::int64_t> m_to_assign;
    sqlite::Statement m_insert;
    sqlite::Statement m_insert_batch;
    sqlite::Statement m_update;
    sqlite::Statement m_missing;
    RowDigests m_digests;
    SeenRuns m_seen;
    sqlite::Statement m_footprint_delete;
    sqlite::Statement m_footprint_insert;
};

} // namespace bostad::store::gpkg
