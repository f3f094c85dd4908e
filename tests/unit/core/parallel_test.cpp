#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/parallel.hpp"

namespace bostad {
namespace {

TEST(Parallel, EveryIndexIsInExactlyOneSliceWhateverTheParts) {
    for (const unsigned parts : {1u, 2u, 3u, 7u}) {
        for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{5}, std::size_t{1000}}) {
            std::vector<std::atomic<int>> seen(n);
            in_parallel(n, [&](std::size_t first, std::size_t last) {
                ASSERT_LE(first, last);
                for (std::size_t i = first; i < last; ++i) ++seen[i];
            }, parts);
            for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(seen[i].load(), 1) << "n " << n << ", parts " << parts << ", index " << i;
        }
    }
}

TEST(Parallel, AnErrorInAnySliceReachesTheCallerAfterEverySliceEnded) {
    std::atomic<int> ended{0};
    EXPECT_THROW(in_parallel(
                     4, [&](std::size_t first, std::size_t) {
                         ++ended;
                         if (first == 3) throw std::runtime_error("slice 3");
                     },
                     4),
                 std::runtime_error);
    EXPECT_EQ(ended.load(), 4);
}

} // namespace
} // namespace bostad
