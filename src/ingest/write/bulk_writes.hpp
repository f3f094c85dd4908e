#pragma once
// What the store does after an ingest's large writes to a table (store/ingest_target.hpp's BulkWrite: the
// GeoPackage's R-tree built in bulk, PostGIS's indexes built again), for the tables of one ingest.

#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

#include "store/ingest_target.hpp"

namespace bostad::ingest {

/// What the store does after large writes to the tables an ingest writes to; finish() after the writes.
class BulkWrites {
public:
    BulkWrites(store::IngestTarget& target, bool writing, std::initializer_list<std::pair<const char*, std::size_t>> tables) {
        for (const auto& [table, rows] : tables) {
            if (!writing) continue;
            if (auto w = target.bulk_write(table, rows)) m_writes.push_back(std::move(w));
        }
    }
    void finish() {
        for (auto& w : m_writes) w->finish();
    }

private:
    std::vector<std::unique_ptr<store::BulkWrite>> m_writes;
};

} // namespace bostad::ingest
