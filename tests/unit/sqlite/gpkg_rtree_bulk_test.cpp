#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_rtree_bulk.hpp"
#include "support/temp_dir.hpp"

namespace bostad::sqlite {
namespace {

constexpr const char* k_create = "CREATE VIRTUAL TABLE rtree_t_geom USING rtree(id, minx, maxx, miny, maxy)";

/// `n` boxes with integer corners (exact as 32-bit floats, so the rtree stores them unrounded) and ids
/// that are neither dense nor in order.
std::vector<RtreeItem> random_boxes(std::size_t n, std::uint32_t seed, std::int64_t first_id = 1000) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> corner(0, 100000);
    std::uniform_int_distribution<int> size(0, 2000);
    std::vector<RtreeItem> items;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = corner(rng);
        const double y = corner(rng);
        items.push_back({first_id + 7 * static_cast<std::int64_t>(n - i), {x, x + size(rng), y, y + size(rng)}});
    }
    return items;
}

struct Window {
    double min_x, max_x, min_y, max_y;
};

std::vector<std::int64_t> brute_force(const std::vector<RtreeItem>& items, const Window& w) {
    std::vector<std::int64_t> ids;
    for (const auto& it : items) {
        if (it.box.min_x <= w.max_x && it.box.max_x >= w.min_x && it.box.min_y <= w.max_y && it.box.max_y >= w.min_y) {
            ids.push_back(it.id);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::int64_t> query(sqlite::Database& db, const Window& w) {
    auto st = db.prepare("SELECT id FROM rtree_t_geom WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?");
    st.bind_all(w.max_x, w.min_x, w.max_y, w.min_y);
    std::vector<std::int64_t> ids;
    while (st.step()) ids.push_back(st.column_int64(0));
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// The index is consistent and answers window queries exactly as a scan of `items` does.
void expect_index_matches(sqlite::Database& db, const std::vector<RtreeItem>& items) {
    EXPECT_EQ(db.query_text("SELECT rtreecheck('rtree_t_geom')"), "ok");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM rtree_t_geom"), static_cast<std::int64_t>(items.size()));
    std::vector<Window> windows = {
        {-1e9, 1e9, -1e9, 1e9},               // everything
        {200000, 300000, 0, 100000},          // nothing
        {0, 50000, 0, 50000},                 // a quarter
        {40000, 40000, 60000, 60000},         // a point
        {10000, 12000, 80000, 90000},         // a strip
    };
    if (!items.empty()) {
        // Windows that touch a box at its edges: the rtree's comparisons are inclusive.
        const Envelope& b = items[items.size() / 2].box;
        windows.push_back({b.max_x, b.max_x + 10, b.max_y, b.max_y + 10});
        windows.push_back({b.min_x - 10, b.min_x, b.min_y - 10, b.min_y});
    }
    std::mt19937 rng(99);
    std::uniform_int_distribution<int> corner(0, 100000);
    for (int i = 0; i < 8; ++i) {
        const double x = corner(rng);
        const double y = corner(rng);
        windows.push_back({x, x + 5000, y, y + 3000});
    }
    for (const auto& w : windows) {
        EXPECT_EQ(query(db, w), brute_force(items, w)) << "window " << w.min_x << " " << w.max_x << " " << w.min_y
                                                       << " " << w.max_y;
    }
}

class RtreeBulk : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RtreeBulk, LoadsAConsistentIndex) {
    sqlite::Database db(":memory:", sqlite::OpenMode::create);
    db.exec(k_create);
    const auto items = random_boxes(GetParam(), 1);
    bulk_load_rtree(db, "rtree_t_geom", items);
    expect_index_matches(db, items);
}

TEST_P(RtreeBulk, LoadingAgainReplacesTheContent) {
    sqlite::Database db(":memory:", sqlite::OpenMode::create);
    db.exec(k_create);
    bulk_load_rtree(db, "rtree_t_geom", random_boxes(GetParam(), 1));
    const auto items = random_boxes(GetParam(), 2, 5);
    bulk_load_rtree(db, "rtree_t_geom", items);
    expect_index_matches(db, items);
}

TEST_P(RtreeBulk, OrdinaryChangesWorkAfterABulkLoad) {
    sqlite::Database db(":memory:", sqlite::OpenMode::create);
    db.exec(k_create);
    auto items = random_boxes(GetParam(), 3);
    bulk_load_rtree(db, "rtree_t_geom", items);

    // Insert more boxes one by one, as SQLite's own code does.
    auto more = random_boxes(300, 4, 1);
    auto insert = db.prepare("INSERT INTO rtree_t_geom (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
    for (const auto& it : more) {
        insert.reset();
        insert.bind_all(it.id, it.box.min_x, it.box.max_x, it.box.min_y, it.box.max_y).run();
    }
    items.insert(items.end(), more.begin(), more.end());
    expect_index_matches(db, items);

    // Delete every other box (this shrinks and merges nodes) and move one.
    auto erase = db.prepare("DELETE FROM rtree_t_geom WHERE id = ?");
    std::vector<RtreeItem> kept;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i % 2 == 0) {
            erase.reset();
            erase.bind(1, items[i].id).run();
        } else {
            kept.push_back(items[i]);
        }
    }
    kept.front().box = {500, 600, 700, 800};
    db.prepare("UPDATE rtree_t_geom SET minx = 500, maxx = 600, miny = 700, maxy = 800 WHERE id = ?")
        .bind(1, kept.front().id)
        .run();
    expect_index_matches(db, kept);
}

INSTANTIATE_TEST_SUITE_P(Sizes, RtreeBulk, ::testing::Values(std::size_t{0}, std::size_t{1}, std::size_t{50}, std::size_t{51},
                                                         std::size_t{52}, std::size_t{2600}, std::size_t{20000}));

TEST(RtreeBulkShape, TreeDepthFollowsSqlitesFanout) {
    sqlite::Database db(":memory:", sqlite::OpenMode::create);
    db.exec(k_create);
    // SQLite caps a node at 51 cells (RTREE_MAXCELLS): 4 header bytes + 51 cells of 24 bytes.
    ASSERT_EQ(db.query_int("SELECT length(data) FROM rtree_t_geom_node WHERE nodeno = 1"), 4 + 51 * 24);
    for (const auto& [n, depth] : std::vector<std::pair<std::size_t, int>>{
             {0, 0}, {51, 0}, {52, 1}, {2600, 1}, {2601, 1}, {20000, 2}}) {
        bulk_load_rtree(db, "rtree_t_geom", random_boxes(n, 5));
        EXPECT_EQ(db.query_int("SELECT rtreedepth(data) FROM rtree_t_geom_node WHERE nodeno = 1"), depth) << n;
        EXPECT_EQ(db.query_text("SELECT rtreecheck('rtree_t_geom')"), "ok") << n;
    }
}

TEST(RtreeBulkShape, RoundsBoxesOutwardsToFloats) {
    sqlite::Database db(":memory:", sqlite::OpenMode::create);
    db.exec(k_create);
    // 16777217 = 2^24 + 1 and 0.1 are not floats: the stored box must still contain the given one.
    const std::vector<RtreeItem> items = {{1, {0.1, 16777217.0, -0.1, 6209000.3}}};
    bulk_load_rtree(db, "rtree_t_geom", items);
    EXPECT_EQ(db.query_text("SELECT rtreecheck('rtree_t_geom')"), "ok");
    auto st = db.prepare("SELECT minx, maxx, miny, maxy FROM rtree_t_geom WHERE id = 1");
    ASSERT_TRUE(st.step());
    EXPECT_LE(st.column_double(0), 0.1);
    EXPECT_GE(st.column_double(1), 16777217.0);
    EXPECT_LE(st.column_double(2), -0.1);
    EXPECT_GE(st.column_double(3), 6209000.3);
    // ... and by no more than one float step.
    EXPECT_EQ(st.column_double(1), 16777218.0);
    EXPECT_GT(st.column_double(0), 0.0999999);
}

TEST(RtreeBulkShape, PersistsInAFile) {
    test::TempDir dir;
    const std::string path = dir.file("index.sqlite");
    const auto items = random_boxes(5000, 6);
    {
        sqlite::Database db(path, sqlite::OpenMode::create);
        db.exec(k_create);
        sqlite::Transaction tx(db);
        bulk_load_rtree(db, "rtree_t_geom", items);
        tx.commit();
    }
    sqlite::Database db(path, sqlite::OpenMode::read_only);
    expect_index_matches(db, items);
}

} // namespace
} // namespace bostad::sqlite
