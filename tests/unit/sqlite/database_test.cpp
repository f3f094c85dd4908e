#include <gtest/gtest.h>

#include "sqlite/database.hpp"

namespace bostad::sqlite {
namespace {

TEST(Database, BindsValuesAndReadsThemBack) {
    Database db(":memory:", OpenMode::create);
    db.exec("CREATE TABLE t (a INTEGER, b REAL, c TEXT, d BLOB)");
    const std::vector<std::uint8_t> blob{1, 2, 3};
    db.prepare("INSERT INTO t VALUES (?, ?, ?, ?)").bind_all(42, 2.5, "Hässleholm", std::span<const std::uint8_t>(blob)).run();
    auto st = db.prepare("SELECT a, b, c, d FROM t");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_int64(0), 42);
    EXPECT_DOUBLE_EQ(st.column_double(1), 2.5);
    EXPECT_EQ(st.column_text(2), "Hässleholm");
    const auto back = st.column_blob(3);
    EXPECT_EQ(std::vector<std::uint8_t>(back.begin(), back.end()), blob);
    EXPECT_FALSE(st.step());
}

TEST(Database, HostileTextStaysAValue) {
    Database db(":memory:", OpenMode::create);
    db.exec("CREATE TABLE t (c TEXT)");
    const std::string hostile = "x'); DROP TABLE t; --";
    db.prepare("INSERT INTO t VALUES (?)").bind(1, hostile).run();
    EXPECT_EQ(db.query_text("SELECT c FROM t"), hostile);
    EXPECT_TRUE(db.table_exists("t"));
}

TEST(Database, QuotesIdentifiers) {
    EXPECT_EQ(quote_identifier("plain"), "\"plain\"");
    EXPECT_EQ(quote_identifier("x\"; DROP TABLE gpkg_contents; --"), "\"x\"\"; DROP TABLE gpkg_contents; --\"");
    Database db(":memory:", OpenMode::create);
    const std::string weird = "x\"; DROP TABLE gpkg_contents; --";
    db.exec("CREATE TABLE " + quote_identifier(weird) + " (a INTEGER)");
    EXPECT_TRUE(db.table_exists(weird));
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
    Database db(":memory:", OpenMode::create);
    db.exec("CREATE TABLE t (a INTEGER)");
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    EXPECT_EQ(db.query_int("SELECT count(*) FROM t"), 0);
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        tx.commit();
    }
    EXPECT_EQ(db.query_int("SELECT count(*) FROM t"), 1);
}

TEST(Database, ErrorsCarryTheSqlAndExtendedCode) {
    Database db(":memory:", OpenMode::create);
    db.exec("CREATE TABLE t (a INTEGER UNIQUE)");
    db.exec("INSERT INTO t VALUES (1)");
    try {
        db.prepare("INSERT INTO t VALUES (?)").bind(1, 1).run();
        FAIL() << "expected a constraint error";
    } catch (const Error& e) {
        EXPECT_EQ(e.extended_code(), 2067); // SQLITE_CONSTRAINT_UNIQUE
        EXPECT_NE(std::string(e.what()).find("INSERT INTO t"), std::string::npos);
        EXPECT_EQ(e.code(), ExitCode::io_failure);
    }
}

} // namespace
} // namespace bostad::sqlite
