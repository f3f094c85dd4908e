#include "ingest/write/quarantine.hpp"

#include "core/crash_point.hpp"
#include "crypto/sha256.hpp"
#include "ingest/check/reasons.hpp"

namespace bostad::ingest {
namespace {

constexpr std::size_t k_samples = 10;

} // namespace

std::string content_key(const Rejection& r, const std::string& file, DataKind kind) {
    // Views only of objects that outlive the loop: a temporary inside the range's braces dies before the
    // loop body runs (before C++23).
    const std::string_view wkt = r.raw_wkt ? std::string_view(*r.raw_wkt) : std::string_view();
    std::string text;
    for (const std::string_view part : {kind_name(kind), std::string_view(file), reason_code(r.problem.reason),
                                        std::string_view(r.problem.field), std::string_view(r.raw_json), wkt}) {
        text += part;
        text += '\x1f';
    }
    text.append(r.geometry.begin(), r.geometry.end());
    return crypto::sha256_text(text);
}

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
        const bool stored = log->reject(*run, {std::string(kind_name(kind)), r.municipality.empty() ? std::nullopt : std::optional(r.municipality),
                           files[r.origin.file], r.origin.row,
                           r.origin.fid >= 0 ? std::optional(std::to_string(r.origin.fid)) : std::nullopt,
                           std::string(reason_code(r.problem.reason)),
                           r.problem.field.empty() ? std::nullopt : std::optional(r.problem.field), r.problem.message,
                           r.raw_json, r.geometry, r.raw_wkt, content_key(r, files[r.origin.file], kind),
                                                r.key.empty() ? std::nullopt : std::optional(r.key)});
        if (!stored) ++report.rejected_known;
    }
    report.rejected = static_cast<std::int64_t>(rejected.size());
}

} // namespace bostad::ingest
