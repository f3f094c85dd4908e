#pragma once
// The PostGIS store as an ingest target (store/ingest_target.hpp): the same rows as the GeoPackage store
// writes, in the caller's transaction. New permits go in with COPY (ids drawn from the table's sequence in
// blocks), "seen" marks in one UPDATE per ingest; geometries travel as EWKB in EPSG:3006.

#include "store/ingest_target.hpp"

namespace bostad::pg {
class Connection;
}

namespace bostad::store::postgis {

class PgIngestTarget final : public store::IngestTarget {
public:
    explicit PgIngestTarget(pg::Connection& c) : m_c(c) {}
    std::unique_ptr<store::PermitWriter> permits() override;
    std::unique_ptr<store::PlanWriter> plans() override;
    std::unique_ptr<store::AreaSetWriter> area_sets() override;
    std::unique_ptr<store::RunRecorder> runs() override;
    std::unique_ptr<store::BulkWrite> bulk_write(const char* table, std::size_t rows) override;
    bool in_transaction() override;

private:
    pg::Connection& m_c;
};

} // namespace bostad::store::postgis
