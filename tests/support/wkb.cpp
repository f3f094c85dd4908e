#include "support/wkb.hpp"

#include <bit>

namespace bostad::test {
namespace {

void put(std::vector<std::uint8_t>& b, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
}

void put(std::vector<std::uint8_t>& b, double v) {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    for (int k = 0; k < 8; ++k) b.push_back(static_cast<std::uint8_t>(bits >> (8 * k)));
}

} // namespace

std::vector<std::uint8_t> point_wkb(double x, double y) {
    std::vector<std::uint8_t> b{1};
    put(b, std::uint32_t{1});
    put(b, x);
    put(b, y);
    return b;
}

std::vector<std::uint8_t> polygon_wkb(const std::vector<std::pair<double, double>>& ring) {
    std::vector<std::uint8_t> b{1};
    b.reserve(13 + 16 * ring.size());
    put(b, std::uint32_t{3});
    put(b, std::uint32_t{1});
    put(b, static_cast<std::uint32_t>(ring.size()));
    for (const auto& [x, y] : ring) {
        put(b, x);
        put(b, y);
    }
    return b;
}

} // namespace bostad::test
