#include "export/threaded_rows.hpp"

#include <utility>

namespace bostad::exports {
namespace {

constexpr std::size_t k_batch_rows = 4096;
/// Batches waiting for the writer: enough to smooth out the two sides, few enough to bound the memory.
constexpr std::size_t k_queued_batches = 4;

} // namespace

ThreadedRows::ThreadedRows(RowSink& target) : m_target(target), m_thread([this] { write(); }) {
    m_batch.reserve(k_batch_rows);
}

ThreadedRows::~ThreadedRows() {
    {
        const std::lock_guard lock(m_mutex);
        m_drop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ThreadedRows::add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) {
    m_batch.push_back({values, {wkb.begin(), wkb.end()}});
    if (m_batch.size() >= k_batch_rows) hand_over(false);
}

void ThreadedRows::finish() {
    hand_over(true);
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return (m_queue.empty() && !m_last) || m_error; });
    if (m_error) std::rethrow_exception(m_error);
}

void ThreadedRows::hand_over(bool last) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_queue.size() < k_queued_batches || m_error; });
    if (m_error) std::rethrow_exception(m_error);
    if (!m_batch.empty()) m_queue.push_back(std::exchange(m_batch, {}));
    m_last = last;
    lock.unlock();
    m_changed.notify_all();
    m_batch.reserve(k_batch_rows);
}

void ThreadedRows::write() {
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return !m_queue.empty() || m_last || m_drop; });
            if (m_drop) return;
            if (m_queue.empty()) { // the last batch is written
                m_last = false;
                lock.unlock();
                m_changed.notify_all();
                return;
            }
            batch = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_changed.notify_all();
        try {
            for (const Row& row : batch) m_target.add(row.values, row.wkb);
        } catch (...) {
            {
                const std::lock_guard lock(m_mutex);
                m_error = std::current_exception();
            }
            m_changed.notify_all();
            return;
        }
    }
}

} // namespace bostad::exports
