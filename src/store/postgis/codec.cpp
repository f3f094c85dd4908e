#include "store/postgis/codec.hpp"

#include <bit>
#include <charconv>
#include <cstring>

#include "core/error.hpp"

namespace bostad::store::postgis {

std::int64_t int_of(std::string_view text) {
    std::int64_t v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

std::string int_array(const std::vector<std::int64_t>& ids) {
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(ids[i]);
    }
    out += '}';
    return out;
}

void from_hex(std::string_view text, std::vector<std::uint8_t>& out) {
    std::size_t at = text.starts_with("\\x") ? 2 : 0;
    if ((text.size() - at) % 2) throw IoError("PostgreSQL returned hex text of odd length");
    const auto digit = [](char c) -> std::uint8_t {
        if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
        if (c >= 'a' && c <= 'f') return static_cast<std::uint8_t>(c - 'a' + 10);
        if (c >= 'A' && c <= 'F') return static_cast<std::uint8_t>(c - 'A' + 10);
        throw IoError("PostgreSQL returned hex text with a non-hex character");
    };
    out.clear();
    out.reserve((text.size() - at) / 2);
    for (; at < text.size(); at += 2) out.push_back(static_cast<std::uint8_t>(digit(text[at]) << 4 | digit(text[at + 1])));
}

std::vector<std::uint8_t> from_hex(std::string_view text) {
    std::vector<std::uint8_t> out;
    from_hex(text, out);
    return out;
}

std::string ewkb_hex(const std::uint8_t* wkb, std::size_t size, std::int32_t srid) {
    if (size < 5) throw InputError("a geometry of fewer than 5 bytes of WKB");
    const bool little = wkb[0] == 1;
    const auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const std::uint32_t b = wkb[at + static_cast<std::size_t>(little ? i : 3 - i)];
            v |= b << (8 * i);
        }
        return v;
    };
    // ISO WKB codes Z/M as +1000/+2000/+3000; EWKB as flag bits.
    std::uint32_t type = u32(1);
    std::uint32_t flags = 0x20000000; // SRID present
    const std::uint32_t dims = type / 1000;
    type %= 1000;
    if (dims == 1 || dims == 3) flags |= 0x80000000; // Z
    if (dims == 2 || dims == 3) flags |= 0x40000000; // M
    const std::uint32_t ewkb_type = type | flags;
    std::string out;
    out.reserve(2 * size + 16);
    const auto hex_byte = [&out](std::uint8_t b) {
        constexpr const char* digits = "0123456789ABCDEF";
        out += digits[b >> 4];
        out += digits[b & 15];
    };
    const auto hex_u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) hex_byte(static_cast<std::uint8_t>(v >> (8 * (little ? i : 3 - i))));
    };
    hex_byte(wkb[0]);
    hex_u32(ewkb_type);
    hex_u32(static_cast<std::uint32_t>(srid));
    // The nested geometries of a collection keep their ISO type codes, which PostGIS reads too.
    for (std::size_t i = 5; i < size; ++i) hex_byte(wkb[i]);
    return out;
}

std::array<char, 25> point_ewkb(double x, double y, std::int32_t srid) {
    static_assert(std::endian::native == std::endian::little, "EWKB is written little-endian from memory");
    std::array<char, 25> out{};
    out[0] = 1;                                   // little-endian
    const std::uint32_t type = 0x20000001;        // point, SRID present
    const auto s = static_cast<std::uint32_t>(srid);
    std::memcpy(out.data() + 1, &type, 4);
    std::memcpy(out.data() + 5, &s, 4);
    std::memcpy(out.data() + 9, &x, 8);
    std::memcpy(out.data() + 17, &y, 8);
    return out;
}

void append_point_ewkb_hex(std::string& out, double x, double y, std::int32_t srid) {
    constexpr const char* digits = "0123456789ABCDEF";
    const auto bytes = [&](const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) { // little-endian, as the machine stores it (x86-64)
            out += digits[b[i] >> 4];
            out += digits[b[i] & 15];
        }
    };
    static_assert(std::endian::native == std::endian::little, "EWKB is written little-endian from memory");
    out += "0101000020"; // little-endian, point, SRID present
    const auto s = static_cast<std::uint32_t>(srid);
    bytes(&s, 4);
    bytes(&x, 8);
    bytes(&y, 8);
}

} // namespace bostad::store::postgis
