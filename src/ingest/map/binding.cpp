#include "ingest/map/binding.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace bostad::ingest {
namespace {

} // namespace

int find_source_field(std::span<const std::string> fields, std::string_view name) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == name) return static_cast<int>(i);
    }
    int found = -1;
    const std::string lower = lower_sv(name);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (lower_sv(fields[i]) != lower) continue;
        if (found >= 0) return -1; // ambiguous
        found = static_cast<int>(i);
    }
    return found;
}

namespace {

/// True when `shorter` is `longer` with letters left out, starting alike ("diarienr" in "diarienummer").
bool abbreviates(const std::string& shorter, const std::string& longer) {
    if (shorter.size() < 3 || shorter.size() >= longer.size() || shorter.compare(0, 3, longer, 0, 3) != 0) return false;
    std::size_t at = 0;
    for (char c : longer) {
        if (at < shorter.size() && c == shorter[at]) ++at;
    }
    return at == shorter.size();
}

/// A likely intended field: a near spelling, or a field that the name abbreviates ("Diarienr" → "Diarienummer").
std::optional<std::string> closest_field(const std::string& name, const std::vector<std::string>& fields) {
    if (auto guess = closest_match(name, fields)) return guess;
    const std::string lower = lower_sv(name);
    for (const auto& f : fields) {
        const std::string lf = lower_sv(f);
        if (abbreviates(lower, lf) || abbreviates(lf, lower)) return f;
    }
    return std::nullopt;
}

} // namespace

std::string separator_hint(std::span<const std::string> source_fields) {
    if (source_fields.size() != 1) return {};
    for (const char c : {';', '\t', '|', ','}) {
        if (source_fields[0].find(c) == std::string::npos) continue;
        const std::string shown = c == '\t' ? "\\t" : std::string(1, c);
        return fmt::format("; its header is one field that holds '{0}': the file seems to be separated by '{0}' (set "
                           "separator = \"{0}\" in the mapping)", shown);
    }
    return {};
}

std::vector<int> Binding::bound_sources() const {
    std::vector<int> out;
    for (int i : m_index) {
        if (i >= 0) out.push_back(i);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Binding bind_fields(std::span<const std::string> source_fields, DataKind kind, const config::Mapping* mapping,
                    const std::string& file) {
    Binding b;
    for (Field f : fields_of(kind)) {
        const std::string canonical(field_name(f));
        if (mapping) {
            if (const auto it = mapping->fields.find(canonical); it != mapping->fields.end()) {
                const int i = find_source_field(source_fields, it->second);
                if (i < 0) {
                    const std::vector<std::string> names(source_fields.begin(), source_fields.end());
                    std::string msg = fmt::format("mapping '{}': field '{}' (for {}) is not in {}", mapping->name,
                                                  it->second, canonical, file);
                    if (auto guess = closest_field(it->second, names)) msg += fmt::format("; did you mean '{}'?", *guess);
                    msg += fmt::format(" (its fields: {}){}", join(names, ", "), separator_hint(source_fields));
                    throw UsageError(msg);
                }
                b.set(f, i);
            }
            continue; // with a mapping, a field it does not name is never read
        }
        b.set(f, find_source_field(source_fields, canonical));
    }
    return b;
}

} // namespace bostad::ingest
