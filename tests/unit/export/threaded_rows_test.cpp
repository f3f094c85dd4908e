#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <string>
#include <vector>

#include "export/threaded_rows.hpp"

namespace bostad::exports {
namespace {

/// Keeps what it is given; fails on the row `fail_at` when asked to.
class Recorder final : public RowSink {
public:
    explicit Recorder(long fail_at = -1, std::chrono::microseconds per_row = {}) : m_fail_at(fail_at), m_per_row(per_row) {}
    void add(const std::vector<gdal::FieldValue>& values, std::span<const std::uint8_t> wkb) override {
        if (m_per_row.count() > 0) std::this_thread::sleep_for(m_per_row);
        if (static_cast<long>(rows.size()) == m_fail_at) throw std::runtime_error("disk full at row " + std::to_string(m_fail_at));
        rows.push_back({std::get<std::int64_t>(values.at(0)), std::get<std::string>(values.at(1)), {wkb.begin(), wkb.end()}});
    }
    struct Kept {
        std::int64_t n;
        std::string text;
        std::vector<std::uint8_t> wkb;
    };
    std::vector<Kept> rows;

private:
    long m_fail_at;
    std::chrono::microseconds m_per_row;
};

void add_rows(RowSink& sink, int n) {
    for (int i = 0; i < n; ++i) {
        const std::vector<std::uint8_t> wkb{static_cast<std::uint8_t>(i % 251), 1, 2};
        sink.add({std::int64_t{i}, "rad " + std::to_string(i)}, wkb);
    }
}

TEST(ThreadedRows, EveryRowReachesTheTargetInOrderWithItsValuesAndGeometry) {
    Recorder target;
    {
        ThreadedRows rows(target);
        add_rows(rows, 30001); // several batches and a part of one
        rows.finish();
        ASSERT_EQ(target.rows.size(), 30001u) << "finish() waits for the last row";
    }
    for (std::size_t i = 0; i < target.rows.size(); ++i) {
        ASSERT_EQ(target.rows[i].n, static_cast<std::int64_t>(i));
        ASSERT_EQ(target.rows[i].text, "rad " + std::to_string(i));
        ASSERT_EQ(target.rows[i].wkb, (std::vector<std::uint8_t>{static_cast<std::uint8_t>(i % 251), 1, 2}));
    }
}

TEST(ThreadedRows, NoRowsIsAnEmptyLayer) {
    Recorder target;
    ThreadedRows rows(target);
    rows.finish();
    EXPECT_TRUE(target.rows.empty());
}

TEST(ThreadedRows, TheTargetsErrorComesBackToTheReader) {
    Recorder target(5000);
    ThreadedRows rows(target);
    try {
        add_rows(rows, 100000);
        rows.finish();
        FAIL() << "the target's error was lost";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "disk full at row 5000");
    }
    EXPECT_EQ(target.rows.size(), 5000u) << "nothing after the failed row";
}

TEST(ThreadedRows, AReaderThatFailsLeavesWithoutWaitingForTheRest) {
    Recorder target(-1, std::chrono::microseconds(200)); // a slow disk: 4 096 rows take most of a second
    {
        ThreadedRows rows(target);
        add_rows(rows, 4 * 4096); // four whole batches handed over
        // No finish(): the caller is failing (its transaction rolls back); the destructor stops the thread after
        // the batch it is writing instead of writing the rest.
    }
    EXPECT_LT(target.rows.size(), 4u * 4096u);
    EXPECT_EQ(target.rows.size() % 4096, 0u) << "whole batches only";
}

} // namespace
} // namespace bostad::exports
