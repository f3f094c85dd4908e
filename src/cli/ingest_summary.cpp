#include "cli/ingest_summary.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::cli {
namespace {

/// Skipped rows are expected (a filter at work): the text summary shows a few.
constexpr std::size_t k_skipped_shown = 3;

} // namespace

void print_ingest_summary(std::ostream& out, const ingest::IngestReport& r) {
    out << fmt::format("{} {}{}\n", r.dry_run ? "dry run: would ingest" : "ingested", kind_name(r.kind),
                       r.run_id ? fmt::format(" (run {})", *r.run_id) : "");
    for (const auto& f : r.files) out << "  from " << f << "\n";
    out << fmt::format("  CRS {}{}\n", r.crs, r.mapping.empty() ? "" : ", mapping " + r.mapping);
    out << fmt::format("  read {} = inserted {} + updated {} + unchanged {} + skipped {} + rejected {}", r.read, r.inserted,
                       r.updated, r.unchanged, r.skipped, r.rejected);
    if (r.repeated > 0) out << fmt::format(" (unchanged includes {} identical repeats)", r.repeated);
    out << "\n";
    if (r.recognized > 0) {
        out << fmt::format("  {} unchanged rows were recognised as delivered before and not decoded again\n", r.recognized);
    }
    if (r.rejected_known > 0) {
        out << fmt::format("  {} of the rejected rows were already in the quarantine: moved to this run, not stored twice\n",
                           r.rejected_known);
    }
    const auto by_reason = [&](const char* what, const std::map<std::string, std::int64_t>& counts) {
        if (counts.empty()) return;
        std::vector<std::string> parts;
        for (const auto& [reason, n] : counts) parts.push_back(fmt::format("{} {}", reason, n));
        out << "  " << what << " by reason: " << join(parts, ", ") << "\n";
    };
    by_reason("skipped", r.skipped_by_reason);
    by_reason("rejected", r.rejected_by_reason);
    if (r.kind == DataKind::areas) {
        out << fmt::format("  area set replaced: {} areas before, {} now\n", r.replaced_areas, r.inserted);
    } else {
        out << fmt::format("  events {}; missing from snapshot {}; reappeared {}; flagged changes {}; repaired geometries {}\n",
                           r.events, r.missing_from_snapshot, r.reappeared, r.dates_moved_back, r.repaired_geometries);
    }
    if (!r.placed_by_location.empty()) {
        std::vector<std::string> parts;
        for (const auto& [code, n] : r.placed_by_location) parts.push_back(fmt::format("{} {}", sweden::label(code), n));
        out << "  areas without a kommun placed in the one holding most of their area: " << join(parts, ", ") << "\n";
        for (const auto& s : r.split_areas) out << "    split: " << s << "\n";
    }
    if (r.near_border > 0) {
        out << fmt::format("  {} accepted rows lie outside their kommun's outline, within the boundary tolerance of another "
                           "kommun (listed in the report's data quality):\n", r.near_border);
        for (const auto& s : r.near_border_samples) out << "    " << s << "\n";
    }
    if (!r.outside_project.empty()) {
        std::vector<std::string> parts;
        for (const auto& [code, n] : r.outside_project) parts.push_back(fmt::format("{} {}", sweden::label(code), n));
        out << "  stored but outside the project (the config's [[municipality]]), so left out of status, export and report: "
            << join(parts, ", ") << "\n";
    }
    const auto list = [&](const char* what, const std::vector<ingest::RejectSample>& samples, std::size_t at_most) {
        for (std::size_t i = 0; i < samples.size() && i < at_most; ++i) {
            const auto& s = samples[i];
            out << fmt::format("  {} {}:{}{}: {}: {}\n", what, s.file, s.row, s.key.empty() ? "" : " (" + s.key + ")",
                               s.reason, s.message);
        }
    };
    list("skipped", r.skip_samples, k_skipped_shown);
    list("rejected", r.samples, r.samples.size());
    if (static_cast<std::int64_t>(r.samples.size()) < r.rejected) {
        const auto more = r.rejected - static_cast<std::int64_t>(r.samples.size());
        out << (r.dry_run ? fmt::format("  ... and {} more rejected rows (nothing was written: run without --dry-run to "
                                        "keep them in the store's rejected_rows layer)\n", more)
                          : fmt::format("  ... {} more rejected rows in the store's rejected_rows layer\n", more));
    }
}

nlohmann::json ingest_summary_json(const ingest::IngestReport& r) {
    const auto samples = [](const std::vector<ingest::RejectSample>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : list) {
            out.push_back({{"file", s.file}, {"row", s.row}, {"key", s.key}, {"reason", s.reason}, {"field", s.field},
                           {"message", s.message}});
        }
        return out;
    };
    return {{"run_id", r.run_id ? nlohmann::json(*r.run_id) : nlohmann::json()},
            {"dry_run", r.dry_run},
            {"kind", kind_name(r.kind)},
            {"files", r.files},
            {"crs", r.crs},
            {"mapping", r.mapping.empty() ? nlohmann::json() : nlohmann::json(r.mapping)},
            {"read", r.read},
            {"inserted", r.inserted},
            {"updated", r.updated},
            {"unchanged", r.unchanged},
            {"skipped", r.skipped},
            {"skipped_by_reason", r.skipped_by_reason},
            {"skipped_samples", samples(r.skip_samples)},
            {"rejected", r.rejected},
            {"rejected_known", r.rejected_known},
            {"repeated", r.repeated},
            {"recognized", r.recognized},
            {"rejected_by_reason", r.rejected_by_reason},
            {"events", r.events},
            {"missing_from_snapshot", r.missing_from_snapshot},
            {"reappeared", r.reappeared},
            {"flagged_changes", r.dates_moved_back},
            {"repaired_geometries", r.repaired_geometries},
            {"replaced_areas", r.replaced_areas},
            {"rejected_samples", samples(r.samples)},
            {"near_border", r.near_border},
            {"near_border_samples", r.near_border_samples},
            {"placed_by_location", r.placed_by_location},
            {"split_areas", r.split_areas},
            {"outside_project", r.outside_project},
            {"seconds", r.seconds}};
}

} // namespace bostad::cli
