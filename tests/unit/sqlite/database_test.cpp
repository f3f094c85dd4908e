#include <gtest/gtest.h>

#include "sqlite/database.hpp"
#include "support/temp_dir.hpp"

namespace bostad::sqlite {
namespace {

/// A file with a table of `rows` rows.
std::string file_with_rows(const test::TempDir& dir, int rows) {
    const std::string path = dir.file("shared.sqlite");
    Database db(path, OpenMode::create);
    db.exec("CREATE TABLE t (a INTEGER)");
    for (int i = 0; i < rows; ++i) db.prepare("INSERT INTO t VALUES (?)").bind(1, i).run();
    return path;
}

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

TEST(Database, UnownedValuesAreStoredAsTheyWereWhenTheStatementRan) {
    Database db(":memory:", OpenMode::create);
    db.exec("CREATE TABLE t (c TEXT, d BLOB)");
    auto insert = db.prepare("INSERT INTO t VALUES (?, ?)");
    for (const char* name : {"Kristianstad", "Hässleholm"}) {
        std::string text = name;
        std::vector<std::uint8_t> blob(text.begin(), text.end());
        insert.reset();
        insert.bind_unowned(1, std::string_view(text)).bind_unowned(2, std::span<const std::uint8_t>(blob)).run();
        text.assign(text.size(), 'x'); // changed after the run: the stored row keeps what was bound
        blob.assign(blob.size(), 0);
    }
    auto st = db.prepare("SELECT c, d FROM t ORDER BY rowid");
    for (const char* name : {"Kristianstad", "Hässleholm"}) {
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.column_text(0), name);
        const auto back = st.column_blob(1);
        EXPECT_EQ(std::string(back.begin(), back.end()), name);
    }
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

TEST(SharedRead, ReadsTheStateOfAReadTransactionWhileAWriterWaitsToCommit) {
    test::TempDir dir;
    const std::string path = file_with_rows(dir, 3);
    Database reader(path, OpenMode::read_only);
    Database writer(path, OpenMode::read_write);
    writer.set_busy_timeout(std::chrono::milliseconds(0));
    {
        ReadSnapshot snapshot(reader);
        EXPECT_EQ(reader.txn_state(), Database::TxnState::read);
        auto shared = share_read(reader);
        ASSERT_TRUE(shared) << "a reader in a read transaction can share it";
        Transaction tx(writer);
        writer.exec("INSERT INTO t VALUES (99)");
        EXPECT_THROW(tx.commit(), Error) << "no commit while the readers hold their shared locks";
        EXPECT_EQ(reader.query_int("SELECT count(*) FROM t"), 3);
        EXPECT_EQ(shared->db().query_int("SELECT count(*) FROM t"), 3) << "the helper reads what the reader reads";
        // The failed commit left the writer waiting for the readers (SQLite's pending lock): a new reader could
        // not start now, so none is offered (the reader reads on itself), and nothing waits for anything.
        EXPECT_FALSE(share_read(reader));
    }
    EXPECT_EQ(writer.txn_state(), Database::TxnState::none) << "the transaction was rolled back";
}

TEST(MappedReads, MapsTheFileWhileItLivesAndNotAfter) {
    test::TempDir dir;
    Database db(file_with_rows(dir, 1), OpenMode::read_write);
    EXPECT_EQ(db.query_int("PRAGMA mmap_size"), 0) << "a connection (a writer) starts without";
    {
        MappedReads mapped(db, std::int64_t{1} << 26);
        EXPECT_EQ(db.query_int("PRAGMA mmap_size"), std::int64_t{1} << 26);
        EXPECT_EQ(db.query_int("SELECT count(*) FROM t"), 1);
    }
    EXPECT_EQ(db.query_int("PRAGMA mmap_size"), 0);
}

TEST(SharedRead, NoneForAWriterOrAnInMemoryDatabaseOrAWalReader) {
    test::TempDir dir;
    const std::string path = file_with_rows(dir, 2);
    Database db(path, OpenMode::read_write);
    EXPECT_TRUE(share_read(db)) << "outside a transaction: a helper reads the file as it is";
    {
        Transaction tx(db);
        db.exec("INSERT INTO t VALUES (7)");
        EXPECT_EQ(db.txn_state(), Database::TxnState::write);
        EXPECT_FALSE(share_read(db)) << "its own rows are not the file's until it commits";
    }
    Database memory(":memory:", OpenMode::create);
    EXPECT_FALSE(share_read(memory));
    db.exec("PRAGMA journal_mode = WAL");
    ReadSnapshot snapshot(db);
    EXPECT_FALSE(share_read(db)) << "in WAL, writers commit beside readers: a new reader could see more";
}

} // namespace
} // namespace bostad::sqlite
