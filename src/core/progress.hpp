#pragma once
// Progress of long jobs, reported by the library and shown (or not) by the command line.

#include <cstdint>
#include <optional>
#include <string_view>

namespace bostad {

class Progress {
public:
    virtual ~Progress() = default;
    /// `done` of `total` items of `stage` ("reading permits.csv"); total unknown when nullopt.
    virtual void update(std::string_view stage, std::int64_t done, std::optional<std::int64_t> total) = 0;
    /// The stage is over (clears the line).
    virtual void finish() = 0;
};

} // namespace bostad
