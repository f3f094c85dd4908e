#pragma once
// --progress: a one-line progress display on stderr, redrawn at most ten times a second.

#include <chrono>
#include <iosfwd>

#include "core/progress.hpp"

namespace bostad::cli {

class TerminalProgress final : public Progress {
public:
    explicit TerminalProgress(std::ostream& err);
    void update(std::string_view stage, std::int64_t done, std::optional<std::int64_t> total) override;
    void finish() override;

private:
    std::ostream& m_err;
    std::chrono::steady_clock::time_point m_last{};
    bool m_drawn = false;
};

} // namespace bostad::cli
