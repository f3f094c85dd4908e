#include "core/parallel.hpp"

#include <algorithm>
#include <exception>
#include <future>
#include <thread>
#include <vector>

namespace bostad {

unsigned workers() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

void in_parallel(std::size_t n, const std::function<void(std::size_t, std::size_t)>& slice, unsigned parts) {
    if (n == 0) return;
    const std::size_t step = std::max<std::size_t>(1, (n + std::max(parts, 1u) - 1) / std::max(parts, 1u));
    std::vector<std::future<void>> jobs;
    for (std::size_t first = step; first < n; first += step) {
        jobs.push_back(std::async(std::launch::async, [&slice, first, last = std::min(n, first + step)] { slice(first, last); }));
    }
    std::exception_ptr error;
    try {
        slice(0, std::min(n, step));
    } catch (...) {
        error = std::current_exception();
    }
    for (auto& j : jobs) {
        try {
            j.get();
        } catch (...) {
            if (!error) error = std::current_exception();
        }
    }
    if (error) std::rethrow_exception(error);
}

} // namespace bostad
