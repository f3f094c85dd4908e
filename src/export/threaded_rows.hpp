#pragma once
// A RowSink that hands its rows to another sink on a thread of its own, in batches: the reading of the store and
// the writing of the output then run side by side (the GeoPackage's million permits: each about half the work).

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "export/row_sink.hpp"

namespace bostad::exports {

class ThreadedRows final : public RowSink {
public:
    /// `target` is written from the thread only, until finish() returns.
    explicit ThreadedRows(RowSink& target);
    /// Without finish(): the rows not yet written are dropped (the caller is failing and rolls back).
    ~ThreadedRows() override;
    ThreadedRows(const ThreadedRows&) = delete;
    ThreadedRows& operator=(const ThreadedRows&) = delete;

    /// Rethrows the target's error, if it failed on an earlier row.
    void add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) override;
    /// Waits until every row is written; rethrows the target's error.
    void finish();

private:
    struct Row {
        std::vector<gdal::FieldValue> values;
        std::vector<std::uint8_t> wkb;
    };
    using Batch = std::vector<Row>;

    void hand_over(bool last);
    void write();

    RowSink& m_target;
    Batch m_batch;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;           ///< guarded by m_mutex
    bool m_last = false, m_drop = false; ///< guarded by m_mutex
    std::exception_ptr m_error;          ///< guarded by m_mutex
    std::thread m_thread;                ///< last: started when the rest is ready
};

} // namespace bostad::exports
