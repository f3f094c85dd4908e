#pragma once
// A fast 64-bit digest of bytes (FNV-1a, finished with a 64-bit mixer so that close inputs spread apart), for
// recognising rows delivered before. Not a cryptographic hash: it tells apart what a delivery holds by
// accident, not what someone builds to collide.

#include <cstdint>
#include <span>
#include <string_view>

namespace bostad {

class Digest64 {
public:
    explicit Digest64(std::uint64_t seed = 0) { add_u64(seed); }

    Digest64& add(std::span<const std::uint8_t> bytes) {
        for (const std::uint8_t b : bytes) byte(b);
        return *this;
    }
    Digest64& add(std::string_view text) {
        for (const char c : text) byte(static_cast<std::uint8_t>(c));
        return *this;
    }
    /// A value with its length first, so that ("ab", "c") and ("a", "bc") differ.
    Digest64& add_field(std::string_view text) {
        add_u64(text.size());
        return add(text);
    }
    Digest64& add_u64(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) byte(static_cast<std::uint8_t>(v >> (8 * i)));
        return *this;
    }
    std::uint64_t value() const {
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    void byte(std::uint8_t b) {
        m_state ^= b;
        m_state *= 0x100000001b3ULL;
    }
    std::uint64_t m_state = 0xcbf29ce484222325ULL;
};

} // namespace bostad
