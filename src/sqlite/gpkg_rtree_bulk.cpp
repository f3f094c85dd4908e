#include "sqlite/gpkg_rtree_bulk.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "sqlite/database.hpp"

namespace bostad::sqlite {
namespace {

constexpr std::size_t k_header = 4;     // depth (2 bytes) + cell count (2 bytes), big-endian
constexpr std::size_t k_cell = 8 + 4 * 4; // id (int64) + minx, maxx, miny, maxy (float32), big-endian

/// SQLite's rtree stores 32-bit floats, rounded outwards so that the stored box contains the true one.
float round_down(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) > v) f = std::nextafter(f, -INFINITY);
    return f;
}
float round_up(double v) {
    float f = static_cast<float>(v);
    if (static_cast<double>(f) < v) f = std::nextafter(f, INFINITY);
    return f;
}

void put_be16(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
    b[at] = static_cast<std::uint8_t>(v >> 8);
    b[at + 1] = static_cast<std::uint8_t>(v);
}
void put_be32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}
void put_be64(std::vector<std::uint8_t>& b, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (56 - 8 * i));
}

struct Entry {
    std::int64_t id; ///< row id (leaves) or child node number
    float minx, maxx, miny, maxy;
};

struct Node {
    std::int64_t number = 0;
    std::vector<Entry> entries;
};

Entry bounds(std::int64_t id, const std::vector<Entry>& entries) {
    Entry e{id, INFINITY, -INFINITY, INFINITY, -INFINITY};
    for (const auto& c : entries) {
        e.minx = std::min(e.minx, c.minx);
        e.maxx = std::max(e.maxx, c.maxx);
        e.miny = std::min(e.miny, c.miny);
        e.maxy = std::max(e.maxy, c.maxy);
    }
    return e;
}

/// Sort-Tile-Recursive packing of one level into nodes of at most `fanout` entries.
std::vector<std::vector<Entry>> pack(std::vector<Entry> entries, std::size_t fanout) {
    const std::size_t nodes = (entries.size() + fanout - 1) / fanout;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t per_slice = slices * fanout;
    const auto cx = [](const Entry& e) { return e.minx + e.maxx; };
    const auto cy = [](const Entry& e) { return e.miny + e.maxy; };
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) { return cx(a) < cx(b); });
    std::vector<std::vector<Entry>> out;
    for (std::size_t s = 0; s < entries.size(); s += per_slice) {
        const auto end = entries.begin() + static_cast<std::ptrdiff_t>(std::min(entries.size(), s + per_slice));
        std::sort(entries.begin() + static_cast<std::ptrdiff_t>(s), end,
                  [&](const Entry& a, const Entry& b) { return cy(a) < cy(b); });
        for (auto it = entries.begin() + static_cast<std::ptrdiff_t>(s); it < end;) {
            const auto next = it + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(fanout), end - it);
            out.emplace_back(it, next);
            it = next;
        }
    }
    return out;
}

std::vector<std::uint8_t> encode(const std::vector<Entry>& entries, std::size_t node_size, std::uint32_t depth) {
    std::vector<std::uint8_t> b(node_size, 0);
    put_be16(b, 0, depth);
    put_be16(b, 2, static_cast<std::uint32_t>(entries.size()));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::size_t at = k_header + i * k_cell;
        const Entry& e = entries[i];
        put_be64(b, at, static_cast<std::uint64_t>(e.id));
        put_be32(b, at + 8, std::bit_cast<std::uint32_t>(e.minx));
        put_be32(b, at + 12, std::bit_cast<std::uint32_t>(e.maxx));
        put_be32(b, at + 16, std::bit_cast<std::uint32_t>(e.miny));
        put_be32(b, at + 20, std::bit_cast<std::uint32_t>(e.maxy));
    }
    return b;
}

} // namespace

void bulk_load_rtree(Database& db, const std::string& rtree_name, std::vector<RtreeItem> items) {
    using sqlite::quote_identifier;
    const std::string node_table = quote_identifier(rtree_name + "_node");
    const std::string rowid_table = quote_identifier(rtree_name + "_rowid");
    const std::string parent_table = quote_identifier(rtree_name + "_parent");
    // The node size was fixed when the table was created: it is the length of the root node.
    const auto node_size = db.query_int(fmt::format("SELECT length(data) FROM {} WHERE nodeno = 1", node_table));
    if (!node_size || *node_size <= static_cast<std::int64_t>(k_header + k_cell)) {
        throw InternalError(fmt::format("R-tree {} has no usable root node", rtree_name));
    }
    const auto size = static_cast<std::size_t>(*node_size);
    const std::size_t fanout = (size - k_header) / k_cell;

    std::vector<Entry> level;
    level.reserve(items.size());
    for (const auto& it : items) {
        level.push_back({it.id, round_down(it.box.min_x), round_up(it.box.max_x), round_down(it.box.min_y), round_up(it.box.max_y)});
    }
    items.clear();
    items.shrink_to_fit();

    db.exec(fmt::format("DELETE FROM {}; DELETE FROM {}; DELETE FROM {};", node_table, rowid_table, parent_table));
    auto put_node = db.prepare(fmt::format("INSERT INTO {} (nodeno, data) VALUES (?, ?)", node_table));
    auto put_rowid = db.prepare(fmt::format("INSERT INTO {} (rowid, nodeno) VALUES (?, ?)", rowid_table));
    auto put_parent = db.prepare(fmt::format("INSERT INTO {} (nodeno, parentnode) VALUES (?, ?)", parent_table));
    const auto write = [&](std::int64_t number, const std::vector<Entry>& entries, std::uint32_t depth) {
        put_node.reset();
        put_node.bind(1, number).bind(2, std::span<const std::uint8_t>(encode(entries, size, depth))).run();
    };

    if (level.size() <= fanout) { // everything fits in the root, a leaf
        write(1, level, 0);
        for (const auto& e : level) {
            put_rowid.reset();
            put_rowid.bind_all(e.id, std::int64_t{1}).run();
        }
        return;
    }

    std::int64_t next_number = 2; // 1 is the root
    std::uint32_t depth = 0;
    bool leaves = true;
    std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of; // (row id, leaf node), written sorted by row id
    leaf_of.reserve(level.size());
    while (true) {
        auto groups = pack(std::move(level), fanout);
        const bool root = groups.size() == 1;
        level.clear();
        for (auto& g : groups) {
            const std::int64_t number = root ? 1 : next_number++;
            write(number, g, root ? depth : 0);
            for (const auto& e : g) {
                if (leaves) {
                    leaf_of.emplace_back(e.id, number);
                } else {
                    put_parent.reset();
                    put_parent.bind_all(e.id, number).run();
                }
            }
            level.push_back(bounds(number, g));
        }
        if (root) break;
        leaves = false;
        ++depth;
    }
    std::sort(leaf_of.begin(), leaf_of.end());
    // Many (rowid, node) pairs per statement: a million single-row inserts would take longer than the rest.
    constexpr std::size_t k_per_statement = 200;
    std::string many = fmt::format("INSERT INTO {} (rowid, nodeno) VALUES (?, ?)", rowid_table);
    for (std::size_t i = 1; i < k_per_statement; ++i) many += ",(?, ?)";
    auto put_many = db.prepare(many);
    std::size_t i = 0;
    for (; i + k_per_statement <= leaf_of.size(); i += k_per_statement) {
        put_many.reset();
        for (std::size_t k = 0; k < k_per_statement; ++k) {
            put_many.bind(static_cast<int>(2 * k + 1), leaf_of[i + k].first).bind(static_cast<int>(2 * k + 2), leaf_of[i + k].second);
        }
        put_many.run();
    }
    for (; i < leaf_of.size(); ++i) {
        put_rowid.reset();
        put_rowid.bind_all(leaf_of[i].first, leaf_of[i].second).run();
    }
}

} // namespace bostad::sqlite
