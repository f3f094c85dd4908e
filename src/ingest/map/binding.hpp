#pragma once
// Which source field holds each canonical field: with a mapping, the names it gives (which must exist in the
// file) and no others; without one, the canonical name itself (case-insensitive). Source fields that are not
// bound are never read or stored.

#include <array>
#include <span>
#include <string>
#include <vector>

#include "core/fields.hpp"

namespace bostad::config {
struct Mapping;
}

namespace bostad::ingest {

class Binding {
public:
    Binding() { m_index.fill(-1); }
    int index(Field f) const { return m_index[static_cast<std::size_t>(f)]; }
    bool has(Field f) const { return index(f) >= 0; }
    void set(Field f, int source_index) { m_index[static_cast<std::size_t>(f)] = source_index; }
    /// The source field indexes that are bound, in source order (these are what a quarantined row keeps).
    std::vector<int> bound_sources() const;

private:
    std::array<int, k_field_count> m_index;
};

/// The index of `name` among the source fields: exact, else the only case-insensitive match; -1 when none.
int find_source_field(std::span<const std::string> fields, std::string_view name);

/// A hint for a file read with the wrong separator (its header is one field that holds ';', tab, '|' or ','):
/// "; its header is one field holding ';' — …"; empty otherwise.
std::string separator_hint(std::span<const std::string> source_fields);

/// Binds the canonical fields of `kind`; throws UsageError when a mapped field is not in the file.
Binding bind_fields(std::span<const std::string> source_fields, DataKind kind, const config::Mapping* mapping,
                    const std::string& file);

} // namespace bostad::ingest
