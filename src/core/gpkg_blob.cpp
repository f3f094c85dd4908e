#include "core/gpkg_blob.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace bostad {
namespace {

std::uint32_t byteswap32(std::uint32_t v) {
    return ((v & 0xFFu) << 24) | ((v & 0xFF00u) << 8) | ((v >> 8) & 0xFF00u) | (v >> 24);
}

std::uint64_t byteswap64(std::uint64_t v) {
    return (static_cast<std::uint64_t>(byteswap32(static_cast<std::uint32_t>(v))) << 32) |
           byteswap32(static_cast<std::uint32_t>(v >> 32));
}

/// Reads a 4- or 8-byte number written little- or big-endian.
template <typename T>
T read_number(const std::uint8_t* p, bool little) {
    T v{};
    std::memcpy(&v, p, sizeof(T));
    if (little != (std::endian::native == std::endian::little)) {
        if constexpr (sizeof(T) == 4) v = byteswap32(v);
        else v = byteswap64(v);
    }
    return v;
}

class WkbScanner {
public:
    explicit WkbScanner(std::span<const std::uint8_t> wkb) : m_wkb(wkb) {}

    bool geometry(int depth) {
        if (depth > 32) return false; // nested collections beyond any real data
        std::uint8_t order = 0;
        if (!byte(order) || order > 1) return false;
        const bool little = order == 1;
        std::uint32_t type = 0;
        if (!u32(little, type)) return false;
        // ISO WKB: thousands give Z (1000), M (2000), ZM (3000); also accept EWKB's high bits.
        int dims = 2;
        if (type & 0x80000000u) ++dims;
        if (type & 0x40000000u) ++dims;
        type &= 0x0FFFFFFFu;
        const std::uint32_t base = type % 1000;
        const std::uint32_t thousands = type / 1000;
        if (thousands == 1 || thousands == 2) ++dims;
        if (thousands == 3) dims += 2;
        if (thousands > 3) return false;
        switch (base) {
        case 1: return points(little, dims, 1);
        case 2: return counted_points(little, dims);
        case 3: return rings(little, dims);
        case 4:
        case 5:
        case 6:
        case 7: {
            std::uint32_t n = 0;
            if (!u32(little, n)) return false;
            for (std::uint32_t i = 0; i < n; ++i) {
                if (!geometry(depth + 1)) return false;
            }
            return true;
        }
        default: return false;
        }
    }

    /// Collect the coordinates of every line string and ring into `out` while scanning.
    void collect_paths(std::vector<std::vector<std::pair<double, double>>>* out) { m_paths = out; }
    const std::optional<Envelope>& envelope() const { return m_env; }
    bool all_finite() const { return m_all_finite; }
    bool at_end() const { return m_pos == m_wkb.size(); }

private:
    bool byte(std::uint8_t& out) {
        if (m_pos + 1 > m_wkb.size()) return false;
        out = m_wkb[m_pos++];
        return true;
    }
    bool u32(bool little, std::uint32_t& out) {
        if (m_pos + 4 > m_wkb.size()) return false;
        out = read_number<std::uint32_t>(m_wkb.data() + m_pos, little);
        m_pos += 4;
        return true;
    }
    bool f64(bool little, double& out) {
        if (m_pos + 8 > m_wkb.size()) return false;
        out = std::bit_cast<double>(read_number<std::uint64_t>(m_wkb.data() + m_pos, little));
        m_pos += 8;
        return true;
    }
    bool points(bool little, int dims, std::uint32_t n) {
        for (std::uint32_t i = 0; i < n; ++i) {
            double x = 0;
            double y = 0;
            if (!f64(little, x) || !f64(little, y)) return false;
            for (int d = 2; d < dims; ++d) {
                double ignored = 0;
                if (!f64(little, ignored)) return false;
            }
            // POINT EMPTY is written as NaN coordinates; it contributes nothing.
            if (!(std::isnan(x) && std::isnan(y)) && (!std::isfinite(x) || !std::isfinite(y))) m_all_finite = false;
            if (std::isfinite(x) && std::isfinite(y)) {
                if (!m_env) m_env = Envelope{x, x, y, y};
                else m_env->expand(x, y);
                if (m_collecting) m_paths->back().emplace_back(x, y);
            }
        }
        return true;
    }
    bool counted_points(bool little, int dims) {
        std::uint32_t n = 0;
        if (!u32(little, n)) return false;
        // A count larger than what is left is a malformed blob, not an allocation request.
        if (static_cast<std::uint64_t>(n) * static_cast<std::uint64_t>(dims) * 8 > m_wkb.size() - m_pos) return false;
        if (m_paths) m_paths->emplace_back().reserve(n);
        m_collecting = m_paths != nullptr;
        const bool ok = points(little, dims, n);
        m_collecting = false;
        return ok;
    }
    bool rings(bool little, int dims) {
        std::uint32_t n = 0;
        if (!u32(little, n)) return false;
        for (std::uint32_t i = 0; i < n; ++i) {
            if (!counted_points(little, dims)) return false;
        }
        return true;
    }
    std::span<const std::uint8_t> m_wkb;
    std::size_t m_pos = 0;
    std::optional<Envelope> m_env;
    bool m_all_finite = true;
    std::vector<std::vector<std::pair<double, double>>>* m_paths = nullptr;
    bool m_collecting = false;
};

void put_u32_le(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void put_f64_le(std::vector<std::uint8_t>& out, double d) {
    const auto bits = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}

bool is_point(std::span<const std::uint8_t> wkb) {
    if (wkb.size() < 5) return false;
    const auto type = read_number<std::uint32_t>(wkb.data() + 1, wkb[0] == 1);
    return (type & 0x0FFFFFFFu) % 1000 == 1;
}

} // namespace

void Envelope::expand(double x, double y) {
    min_x = std::min(min_x, x);
    max_x = std::max(max_x, x);
    min_y = std::min(min_y, y);
    max_y = std::max(max_y, y);
}

void Envelope::expand(const Envelope& other) {
    expand(other.min_x, other.min_y);
    expand(other.max_x, other.max_y);
}

std::optional<Envelope> wkb_envelope(std::span<const std::uint8_t> wkb) {
    WkbScanner scanner(wkb);
    if (!scanner.geometry(0)) return std::nullopt;
    return scanner.envelope();
}

std::array<std::uint8_t, 29> gpkg_point_blob(double x, double y, std::int32_t srs_id) {
    std::array<std::uint8_t, 29> b{'G', 'P', 0, 0x01};
    const auto put = [&](std::size_t at, std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
    };
    put(4, static_cast<std::uint32_t>(srs_id), 4);
    b[8] = 1; // little-endian WKB
    put(9, 1, 4); // Point
    put(13, std::bit_cast<std::uint64_t>(x), 8);
    put(21, std::bit_cast<std::uint64_t>(y), 8);
    return b;
}

std::vector<std::uint8_t> wkb_point(double x, double y) {
    std::vector<std::uint8_t> out{1};
    put_u32_le(out, 1);
    put_f64_le(out, x);
    put_f64_le(out, y);
    return out;
}

std::optional<std::vector<std::vector<std::pair<double, double>>>> wkb_paths(std::span<const std::uint8_t> wkb) {
    std::vector<std::vector<std::pair<double, double>>> paths;
    WkbScanner s(wkb);
    s.collect_paths(&paths);
    if (!s.geometry(0) || !s.at_end()) return std::nullopt;
    return paths;
}

bool wkb_all_finite(std::span<const std::uint8_t> wkb) {
    WkbScanner scanner(wkb);
    return scanner.geometry(0) && scanner.all_finite();
}

std::vector<std::uint8_t> gpkg_blob_from_wkb(std::span<const std::uint8_t> wkb, std::int32_t srs_id) {
    const std::optional<Envelope> env = wkb_envelope(wkb);
    const bool with_envelope = env && !is_point(wkb);
    std::uint8_t flags = 0x01; // little-endian header numbers
    if (!env) flags |= 0x10;   // empty geometry
    if (with_envelope) flags |= 0x02; // envelope [minx, maxx, miny, maxy]
    std::vector<std::uint8_t> out{'G', 'P', 0, flags};
    put_u32_le(out, static_cast<std::uint32_t>(srs_id));
    if (with_envelope) {
        put_f64_le(out, env->min_x);
        put_f64_le(out, env->max_x);
        put_f64_le(out, env->min_y);
        put_f64_le(out, env->max_y);
    }
    out.insert(out.end(), wkb.begin(), wkb.end());
    return out;
}

std::optional<GpkgHeader> parse_gpkg_header(std::span<const std::uint8_t> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0) return std::nullopt;
    const std::uint8_t flags = blob[3];
    if (flags & 0x20) return std::nullopt; // ExtendedGeoPackageBinary: not ours to read
    const bool little = flags & 0x01;
    const int env_kind = (flags >> 1) & 0x07;
    static constexpr std::size_t k_env_doubles[] = {0, 4, 6, 6, 8};
    if (env_kind > 4) return std::nullopt;
    GpkgHeader h;
    h.empty = flags & 0x10;
    h.srs_id = static_cast<std::int32_t>(read_number<std::uint32_t>(blob.data() + 4, little));
    h.wkb_offset = 8 + 8 * k_env_doubles[env_kind];
    if (blob.size() < h.wkb_offset) return std::nullopt;
    if (env_kind > 0) {
        double v[4];
        for (std::size_t i = 0; i < 4; ++i) {
            v[i] = std::bit_cast<double>(read_number<std::uint64_t>(blob.data() + 8 + 8 * i, little));
        }
        h.envelope = Envelope{v[0], v[1], v[2], v[3]};
    }
    return h;
}

std::span<const std::uint8_t> gpkg_blob_wkb(std::span<const std::uint8_t> blob) {
    const auto h = parse_gpkg_header(blob);
    if (!h) return {};
    return blob.subspan(h->wkb_offset);
}

std::optional<Envelope> gpkg_blob_envelope(std::span<const std::uint8_t> blob) {
    const auto h = parse_gpkg_header(blob);
    if (!h || h->empty) return std::nullopt;
    if (h->envelope) return h->envelope;
    return wkb_envelope(blob.subspan(h->wkb_offset));
}

} // namespace bostad
