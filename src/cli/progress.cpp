#include "cli/progress.hpp"

#include <ostream>

#include <fmt/format.h>

namespace bostad::cli {

TerminalProgress::TerminalProgress(std::ostream& err) : m_err(err) {}

void TerminalProgress::update(std::string_view stage, std::int64_t done, std::optional<std::int64_t> total) {
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_last < std::chrono::milliseconds(100)) return;
    m_last = now;
    std::string line;
    if (total && *total > 0) {
        const double share = std::min(1.0, static_cast<double>(done) / static_cast<double>(*total));
        const int width = 30;
        const int filled = static_cast<int>(share * width);
        line = fmt::format("{} [{}{}] {:3.0f} % ({} of {} rows)", stage, std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(width - filled), '.'), share * 100, done, *total);
    } else {
        line = fmt::format("{}: {} rows", stage, done);
    }
    m_err << "\r" << line << "\x1b[K" << std::flush;
    m_drawn = true;
}

void TerminalProgress::finish() {
    if (m_drawn) m_err << "\r\x1b[K" << std::flush;
    m_drawn = false;
}

} // namespace bostad::cli
