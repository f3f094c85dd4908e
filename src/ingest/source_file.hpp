#pragma once
// One delivered file, opened for an ingest: its reader, the binding of its fields, the CRS its
// coordinates are read in, and the checks every row goes through.

#include <map>
#include <set>
#include <memory>
#include <string>

#include "core/progress.hpp"
#include "core/records.hpp"
#include "core/row_source.hpp"
#include "ingest/batch.hpp"
#include "ingest/convert.hpp"
#include "ingest/geometry_check.hpp"
#include "ingest/request.hpp"

namespace bostad::config {
struct Config;
struct Mapping;
} // namespace bostad::config

namespace bostad::ingest {

class SourceFile {
public:
    /// Opens and binds the file; throws (exit 2 or 3) on any problem with the file as a whole.
    SourceFile(const std::string& path, const IngestRequest& request, const config::Config* config,
               const config::Mapping* mapping);

    const std::string& crs_label() const { return m_crs_label; }
    const std::string& path() const { return m_reader->path(); }

    void read_into(Batch<PermitRecord>& batch, Progress* progress);
    void read_into(Batch<PlanRecord>& batch, Progress* progress);
    void read_into(Batch<AreaRecord>& batch, Progress* progress);

    /// The raw attributes (JSON) of the given rows, read again from the file: for rows whose problem is
    /// only known after all rows were read (conflicting duplicates).
    std::map<std::int64_t, std::string> raw_json_of(const std::set<std::int64_t>& rows) const;

private:
    template <typename Record, typename ConvertFn>
    void read_rows(Batch<Record>& batch, Progress* progress, ConvertFn convert);
    const MunicipalityExtent& extent(const std::string& code);
    std::string raw_json(const SourceRow& row) const;

    const config::Config* m_config;
    DataKind m_kind;
    bool m_track_seen; ///< full snapshots: remember every key delivered
    SourceOptions m_options;
    std::unique_ptr<RowSource> m_reader;
    ConvertSettings m_settings;
    std::string m_crs_label;
    std::unique_ptr<GeometryChecker> m_checker;
    std::map<std::string, MunicipalityExtent> m_extents;
};

} // namespace bostad::ingest
