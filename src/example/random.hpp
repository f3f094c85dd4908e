#pragma once
// A small seeded random source whose output is the same on every platform and library version
// (std:: distributions are implementation-defined), so `bostad example` is reproducible.

#include <cstdint>
#include <span>

namespace bostad::example {

class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t next();
    /// Uniform in [0, 1).
    double uniform();
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [lo, hi].
    int integer(int lo, int hi);
    bool chance(double p) { return uniform() < p; }
    double normal(double mean, double sd);
    /// Log-normal with the given median and spread (sigma of the underlying normal).
    double lognormal(double median, double sigma);
    /// Index drawn with probability proportional to weights.
    std::size_t weighted(std::span<const double> weights);

private:
    std::uint64_t m_state[4];
};

} // namespace bostad::example
