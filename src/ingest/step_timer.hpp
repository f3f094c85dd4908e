#pragma once
// Seconds spent in each step of an ingest, for its report (and the benchmark).

#include <chrono>

#include "ingest/request.hpp"

namespace bostad::ingest {

class StepTimer {
public:
    explicit StepTimer(IngestReport& report) : m_report(report), m_start(std::chrono::steady_clock::now()) {}
    void lap(const char* step) {
        const auto now = std::chrono::steady_clock::now();
        m_report.seconds[step] += std::chrono::duration<double>(now - m_start).count();
        m_start = now;
    }

private:
    IngestReport& m_report;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace bostad::ingest
