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
#include "ingest/check/row_checker.hpp"
#include "ingest/plans/ss637040_document.hpp"

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
    /// The delivery is a plan in the Swedish plan standard SS 637040.
    bool is_plan_document() const { return m_plan_document.has_value(); }
    const std::string& path() const { return m_path; }

    /// Rows with the digest of a stored row are recognised as that row unchanged, not decoded (null: none).
    void recognise(std::shared_ptr<const KnownRows> known);

    void read_into(Batch<PermitRecord>& batch, Progress* progress);
    void read_into(Batch<PlanRecord>& batch, Progress* progress);
    void read_into(Batch<AreaRecord>& batch, Progress* progress);

    /// The raw attributes (JSON) of the given rows, read again from the file: for rows whose problem is
    /// only known after all rows were read (conflicting duplicates).
    std::map<std::int64_t, std::string> raw_json_of(const std::set<std::int64_t>& rows) const;

private:
    template <typename Record>
    void read_rows(Batch<Record>& batch, Progress* progress);
    void read_plan_document(Batch<PlanRecord>& batch);
    /// Text that is not UTF-8 means the file's encoding is wrong, not a row: the file is refused whole.
    void refuse_wrong_encoding(const std::vector<Rejection>& rejected, std::uint32_t file, std::int64_t rows) const;

    std::string m_path;
    const config::Config* m_config = nullptr;
    double m_max_repair = 0.01;
    std::optional<std::string> m_municipality;
    std::optional<SsDocument> m_plan_document; ///< an SS 637040 plan, read whole
    SourceOptions m_options;
    std::unique_ptr<RowSource> m_reader;
    bool m_read = false; ///< the reader is at its end: reading again opens the file again
    CheckSettings m_check;
    std::vector<std::unique_ptr<RowChecker>> m_checkers; ///< one per thread, made when first needed
};

} // namespace bostad::ingest
