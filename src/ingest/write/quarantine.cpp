#include "ingest/write/quarantine.hpp"

#include "core/crash_point.hpp"
#include "ingest/check/reasons.hpp"

namespace bostad::ingest {
namespace {

constexpr std::size_t k_samples = 10;

} // namespace

void record_rejects(const std::vector<Rejection>& rejected, const std::vector<std::string>& files, DataKind kind, store::RunRecorder* log,
                    std::optional<std::int64_t> run, IngestReport& report) {
    for (const auto& r : rejected) {
        ++report.rejected_by_reason[std::string(reason_code(r.problem.reason))];
        if (report.samples.size() < k_samples) {
            report.samples.push_back({files[r.origin.file], r.origin.row, r.key, std::string(reason_code(r.problem.reason)),
                                      r.problem.field, r.problem.message});
        }
        if (!run) continue;
        crash_point("ingest.reject");
        log->reject(*run, {std::string(kind_name(kind)), r.municipality.empty() ? std::nullopt : std::optional(r.municipality),
                           files[r.origin.file], r.origin.row,
                           r.origin.fid >= 0 ? std::optional(std::to_string(r.origin.fid)) : std::nullopt,
                           std::string(reason_code(r.problem.reason)),
                           r.problem.field.empty() ? std::nullopt : std::optional(r.problem.field), r.problem.message,
                           r.raw_json, r.geometry, r.raw_wkt});
    }
    report.rejected = static_cast<std::int64_t>(rejected.size());
}

} // namespace bostad::ingest
