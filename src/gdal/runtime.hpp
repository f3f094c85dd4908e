#pragma once
// GDAL/OGR/PROJ process set-up: drivers registered once, PROJ network access off, and a scoped error
// handler that collects GDAL's messages instead of letting GDAL print behind bostad's back.

#include <string>
#include <vector>

namespace bostad::gdal {

/// Registers drivers and sets process-wide options (idempotent, thread-safe).
void ensure_initialized();

std::string gdal_version();
std::string proj_version();

/// While alive, GDAL errors and warnings on this thread are collected here rather than printed.
class ErrorCollector {
public:
    ErrorCollector();
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;
    ~ErrorCollector();

    const std::vector<std::string>& messages() const { return m_messages; }
    /// The last error message, or `fallback` when GDAL said nothing.
    std::string last_or(const std::string& fallback) const;
    void clear() { m_messages.clear(); }

private:
    std::vector<std::string> m_messages;
};

} // namespace bostad::gdal
