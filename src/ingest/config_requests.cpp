#include "ingest/config_requests.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"

namespace bostad::ingest {
namespace {

std::vector<std::string> expand(const std::vector<std::string>& files, const std::optional<Month>& month,
                                const std::string& key) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].find("{month}") != std::string::npos && !month) {
            throw UsageError(fmt::format("{}.files[{}] ('{}') depends on the month: pass --month YYYY-MM", key, i, files[i]));
        }
        const std::string path = month ? config::expand_month(files[i], *month) : files[i];
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            throw UsageError(fmt::format("{}.files[{}]: file '{}' not found{}", key, i, path,
                                         month ? fmt::format(" (for {})", month->str()) : ""));
        }
        out.push_back(path);
    }
    return out;
}

} // namespace

std::vector<IngestRequest> requests_from_config(const config::Config& c, const ConfigSelection& sel) {
    std::vector<IngestRequest> out;
    if (sel.area_set && !c.find_area_set(*sel.area_set)) {
        throw UsageError(fmt::format("--area-set: no [[area_set]] named '{}' in {}", *sel.area_set, c.path));
    }
    if (sel.area_sets) {
        for (std::size_t i = 0; i < c.area_sets.size(); ++i) {
            const auto& a = c.area_sets[i];
            if (sel.area_set && *sel.area_set != a.name) continue;
            IngestRequest r;
            static_cast<Delivery&>(r) = a;
            r.files = expand(a.files, sel.month, fmt::format("area_set[{}] ({})", i, a.name));
            out.push_back(std::move(r));
        }
    }
    bool found = !sel.source;
    if (sel.sources) {
        for (std::size_t i = 0; i < c.sources.size(); ++i) {
            const auto& s = c.sources[i];
            if (sel.source && *sel.source != s.name) continue;
            found = true;
            IngestRequest r;
            static_cast<Delivery&>(r) = s;
            r.files = expand(s.files, sel.month, fmt::format("source[{}] ({})", i, s.name));
            out.push_back(std::move(r));
        }
    }
    if (!found) throw UsageError(fmt::format("--source: no [[source]] named '{}' in {}", *sel.source, c.path));
    return out;
}

} // namespace bostad::ingest
