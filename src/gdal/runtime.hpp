#pragma once
// GDAL/OGR/PROJ process set-up: drivers registered once, PROJ network access off, and a scoped error
// handler that collects GDAL's messages instead of letting GDAL print behind bostad's back.

#include <optional>
#include <string>
#include <vector>

namespace bostad::gdal {

/// Registers drivers and sets process-wide options (idempotent, thread-safe).
void ensure_initialized();

std::string gdal_version();
std::string proj_version();
/// Whether PROJ may fetch grids over the network: never, once initialized (`bostad --version` says so).
bool proj_network_enabled();

/// Sets a GDAL configuration option for this thread while alive.
class ScopedConfigOption {
public:
    ScopedConfigOption(std::string key, const std::string& value);
    ScopedConfigOption(const ScopedConfigOption&) = delete;
    ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;
    ~ScopedConfigOption();

private:
    std::string m_key;
    std::optional<std::string> m_old;
};

/// While alive, GDAL errors and warnings on this thread are collected here rather than printed.
class ErrorCollector {
public:
    ErrorCollector();
    ErrorCollector(const ErrorCollector&) = delete;
    ErrorCollector& operator=(const ErrorCollector&) = delete;
    ~ErrorCollector();

    struct Message {
        bool failure; ///< CE_Failure or CE_Fatal, rather than a warning
        std::string text;
    };

    const std::vector<Message>& messages() const { return m_messages; }
    bool has_failure() const;
    /// The last message, or `fallback` when GDAL said nothing.
    std::string last_or(const std::string& fallback) const;
    void clear() { m_messages.clear(); }

private:
    std::vector<Message> m_messages;
};

} // namespace bostad::gdal
