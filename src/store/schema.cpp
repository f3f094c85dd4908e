#include "store/schema.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/error.hpp"

namespace bostad {
std::span<const EmbeddedFile> schema_files(); // generated from schemas/ by cmake/embed.cmake
}

namespace bostad::store {
namespace {

std::vector<Migration> load_migrations() {
    std::vector<Migration> out;
    for (const auto& f : schema_files()) {
        // store/NNN_name.sql
        if (!f.path.starts_with("store/") || !f.path.ends_with(".sql")) continue;
        const std::string_view name = f.path.substr(6);
        const int version = std::stoi(std::string(name.substr(0, 3)));
        out.push_back({version, f.path, f.text});
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].version != static_cast<int>(i) + 1) {
            throw InternalError(fmt::format("schema files are not numbered 1, 2, ...: {}", out[i].file));
        }
    }
    return out;
}

} // namespace

std::span<const Migration> migrations() {
    static const std::vector<Migration> k_all = load_migrations();
    return k_all;
}

int current_schema_version() { return static_cast<int>(migrations().size()); }

const std::vector<std::string>& store_tables() {
    static const std::vector<std::string> tables{
        "bostad_meta", "bostad_schema_history", "ingest_runs",  "permits",         "permit_seen",
        "permit_footprints", "plans", "plan_seen",   "plan_areas",            "area_sets",    "areas",           "events",
        "rejected_rows", "permit_areas",        "permit_plans", "plan_area_shares", "assignment_queue"};
    return tables;
}

std::span<const RunReference> run_references() {
    static constexpr RunReference refs[] = {
        {"permits", "first_run"},   {"permits", "last_changed_run"}, {"permit_seen", "last_seen_run"}, {"permits", "missing_since_run"},
        {"plans", "first_run"},     {"plans", "last_changed_run"},   {"plan_seen", "last_seen_run"},   {"plans", "missing_since_run"},
        {"events", "run_id"},       {"rejected_rows", "run_id"},     {"area_sets", "loaded_run"},
    };
    return refs;
}

std::string dangling_run_sql(const RunReference& r, std::string (*quote)(std::string_view)) {
    const std::string column = quote(r.column);
    return fmt::format("SELECT count(*) FROM {} x WHERE x.{} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ingest_runs r "
                       "WHERE r.id = x.{})",
                       quote(r.table), column, column);
}

} // namespace bostad::store
