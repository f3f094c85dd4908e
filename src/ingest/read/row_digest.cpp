#include "ingest/read/row_digest.hpp"

#include "config/config.hpp"
#include "core/digest64.hpp"
#include "core/version.hpp"
#include "sweden/outlines.hpp"

namespace bostad::ingest {
namespace {

/// Raise it with any change to how rows become records (conversion, checks, code lists) that keeps bostad's
/// version: every stored digest is then unknown and each row is decoded once more. (The version is in the
/// digest too, so a release needs no bump.)
constexpr std::uint64_t k_digest_format = 1;

void add_optional(Digest64& d, const std::optional<std::string>& v) {
    d.add_u64(v ? 1 : 0);
    if (v) d.add_field(*v);
}

} // namespace

KnownRows::KnownRows(std::vector<store::RowDigest> rows) : m_rows(std::move(rows)) {
    std::size_t size = 16;
    while (size < 2 * m_rows.size()) size *= 2;
    m_slots.assign(size, {0, 0});
    m_mask = size - 1;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const std::uint64_t digest = m_rows[i].digest;
        if (digest == 0) continue;
        std::uint64_t slot = digest & m_mask;
        while (m_slots[slot].first != 0 && m_slots[slot].first != digest) slot = (slot + 1) & m_mask;
        if (m_slots[slot].first == 0) m_slots[slot] = {digest, static_cast<std::uint32_t>(i)};
    }
}

const store::RowDigest* KnownRows::find(std::uint64_t digest) const {
    for (std::uint64_t slot = digest & m_mask; m_slots[slot].first != 0; slot = (slot + 1) & m_mask) {
        if (m_slots[slot].first == digest) return &m_rows[m_slots[slot].second];
    }
    return nullptr;
}

std::uint64_t context_digest(const DigestContext& c) {
    Digest64 d(k_digest_format);
    d.add_field(k_tool_version);
    const IngestRequest& r = *c.request;
    d.add_u64(static_cast<std::uint64_t>(r.kind));
    add_optional(d, r.layer);
    add_optional(d, r.mapping);
    add_optional(d, r.municipality);
    add_optional(d, r.crs);
    d.add_field(std::to_string(r.max_repair_area_change)).add_field(std::to_string(r.boundary_tolerance_m));
    // The config as a whole: mappings, code lists, the project's kommuner, capacities.
    if (c.config) d.add_field(c.config->path).add_u64(c.config->text_digest);
    for (const auto& name : c.reader->field_names()) d.add_field(name);
    for (const auto type : c.reader->field_types()) d.add_u64(static_cast<std::uint64_t>(type));
    d.add_field(c.crs_wkt).add_field(c.crs_label);
    for (const int column : c.columns) d.add_u64(static_cast<std::uint64_t>(column));
    // The outlines rows are judged against: SCB's come with the version; a project's own by their geometry.
    if (r.outlines) {
        for (const auto& o : r.outlines->all()) {
            d.add_field(o.code).add_u64(o.built_in ? 1 : 0);
            if (!o.built_in) d.add_u64(o.wkb.size()).add(o.wkb);
        }
    }
    const std::uint64_t v = d.value();
    return v == 0 ? 1 : v;
}

std::uint64_t row_digest(std::uint64_t context, const SourceRow& row, std::span<const int> columns) {
    if (!row.notes.empty()) return 0;
    Digest64 d(context);
    for (const int column : columns) {
        const auto index = static_cast<std::size_t>(column);
        add_optional(d, index < row.values.size() ? row.values[index] : std::nullopt);
    }
    d.add_u64(row.wkb.size()).add(row.wkb);
    const std::uint64_t v = d.value();
    return v == 0 ? 1 : v;
}

} // namespace bostad::ingest
