#pragma once
// One delivered file, opened for an ingest: its reader, the binding of its fields, the CRS its
// coordinates are read in. Its rows are read in blocks on this thread and checked in parallel by one
// RowChecker per core; the results are put together in file order.

#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/progress.hpp"
#include "core/records.hpp"
#include "core/row_source.hpp"
#include "ingest/batch.hpp"
#include "ingest/request.hpp"
#include "ingest/row_checker.hpp"

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
    ~SourceFile();

    const std::string& crs_label() const { return m_check.crs_label; }
    const std::string& path() const { return m_path; }

    void read_into(Batch<PermitRecord>& batch, Progress* progress);
    void read_into(Batch<PlanRecord>& batch, Progress* progress);
    void read_into(Batch<AreaRecord>& batch, Progress* progress);

    /// The raw attributes (JSON) of the given rows, read again from the file: for rows whose problem is
    /// only known after all rows were read (conflicting duplicates).
    std::map<std::int64_t, std::string> raw_json_of(const std::set<std::int64_t>& rows) const;

private:
    template <typename Record>
    void read_rows(Batch<Record>& batch, Progress* progress);

    std::string m_path;
    SourceOptions m_options;
    std::unique_ptr<RowSource> m_reader;
    CheckSettings m_check;
    std::vector<std::unique_ptr<RowChecker>> m_checkers; ///< one per thread, made when first needed
};

} // namespace bostad::ingest
