#pragma once
// Work shared out over the machine's cores: contiguous slices of a range, one per worker thread.

#include <cstddef>
#include <functional>

namespace bostad {

/// Threads for work shared over the cores: one per core, at most 4 (more brought nothing on the bench's work).
unsigned workers();

/// Runs `slice(first, last)` on `parts` contiguous slices of [0, n) at once, the first on this thread; waits for
/// every slice and rethrows the first error.
void in_parallel(std::size_t n, const std::function<void(std::size_t, std::size_t)>& slice, unsigned parts = workers());

} // namespace bostad
