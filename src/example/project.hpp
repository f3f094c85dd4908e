#pragma once
// `bostad example DIR`: a complete, deterministic example project for Kristianstad and Hässleholm.

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "example/deliveries.hpp"

namespace bostad::example {

struct ExampleOptions {
    std::string dir;
    std::uint64_t seed = 12901293;
    Month month{2026, 10}; ///< the newer of the two monthly snapshots
    bool overwrite = false;
};

struct ExampleSummary {
    std::string dir;
    std::string config;
    Month first_month;
    Month last_month;
    std::size_t permits = 0; ///< permit histories generated (all snapshots)
    std::size_t plans = 0;
    std::size_t districts = 0;
    std::vector<Delivery> deliveries;
};

/// Writes DIR/bostad.toml and DIR/data/...; the files appear together or not at all. Refuses to replace an
/// existing bostad.toml or data/ folder unless `overwrite`.
ExampleSummary generate_example(const ExampleOptions& options);

/// The project config of the example (TOML text), for `month` as the newest snapshot.
std::string example_config(std::uint64_t seed, Month month);

} // namespace bostad::example
