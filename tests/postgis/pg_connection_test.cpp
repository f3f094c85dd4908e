// The libpq owner (pg/connection.hpp) against the throwaway server: bound parameters and NULL, transactions
// that roll back unless committed, errors that keep the SQLSTATE and name the statement, COPY in and out with
// every character that needs escaping, and reading through a cursor in batches.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <unistd.h>

#include "pg/connection.hpp"
#include "support/pg_server.hpp"

namespace bostad::test {
namespace {

class PgConnection : public ::testing::Test {
protected:
    void SetUp() override {
        c = std::make_unique<pg::Connection>(pg::Connection::open(pg_location(fmt::format("t_conn_{}", ::getpid()))));
        c->exec_script(fmt::format("CREATE SCHEMA IF NOT EXISTS {0}; DROP TABLE IF EXISTS {0}.t; "
                                   "CREATE TABLE {0}.t (id bigint PRIMARY KEY, v text, d date)",
                                   pg::quote_identifier(c->schema())));
    }
    void TearDown() override { c->exec_script(fmt::format("DROP SCHEMA {} CASCADE", pg::quote_identifier(c->schema()))); }
    std::unique_ptr<pg::Connection> c;
};

TEST_F(PgConnection, ValuesAreBoundAndNullIsNone) {
    c->exec("INSERT INTO t (id, v, d) VALUES ($1, $2, $3)", {"1", "Robert'); DROP TABLE t; --", std::nullopt});
    EXPECT_EQ(c->query_text("SELECT v FROM t WHERE id = $1", {"1"}), "Robert'); DROP TABLE t; --");
    EXPECT_EQ(c->query_text("SELECT d::text FROM t WHERE id = 1"), std::nullopt);
    EXPECT_EQ(c->query_int("SELECT count(*) FROM t"), 1);
    EXPECT_EQ(c->query_int("SELECT id FROM t WHERE id = 99"), std::nullopt) << "no row";
    c->exec("UPDATE t SET d = '2026-10-31'");
    EXPECT_EQ(c->query_text("SELECT d::text FROM t"), "2026-10-31") << "dates as ISO text, whatever the server's DateStyle";
    EXPECT_EQ(pg::quote_identifier("a\"b"), "\"a\"\"b\"");
}

TEST_F(PgConnection, ATransactionRollsBackUnlessCommitted) {
    {
        pg::Transaction tx(*c);
        c->exec("INSERT INTO t (id) VALUES (1)");
        EXPECT_TRUE(c->in_transaction());
    }
    EXPECT_FALSE(c->in_transaction());
    EXPECT_EQ(c->query_int("SELECT count(*) FROM t"), 0);
    {
        pg::Transaction tx(*c);
        c->exec("INSERT INTO t (id) VALUES (2)");
        tx.commit();
    }
    EXPECT_EQ(c->query_int("SELECT count(*) FROM t"), 1);
}

TEST_F(PgConnection, ErrorsKeepTheSqlstateAndNameTheStatement) {
    c->exec("INSERT INTO t (id) VALUES (1)");
    try {
        c->exec("INSERT INTO t (id) VALUES (1)");
        FAIL() << "a duplicate key was accepted";
    } catch (const pg::Error& e) {
        EXPECT_EQ(e.sqlstate(), "23505");
        EXPECT_NE(std::string(e.what()).find("INSERT INTO t"), std::string::npos) << e.what();
        EXPECT_EQ(e.code(), ExitCode::io_failure);
    }
    EXPECT_THROW(c->exec("SELEC 1"), pg::Error);
    EXPECT_THROW(pg::Connection::open("PG:host=127.0.0.1 port=1 dbname=none connect_timeout=2"), InputError);
}

TEST_F(PgConnection, CopyInAndOutKeepsEveryCharacter) {
    const std::vector<std::string> texts{"tab\there", "new\nline", "back\\slash", "carriage\rreturn", "\\N", "åäö €", ""};
    c->begin_copy("t", {"id", "v", "d"});
    for (std::size_t i = 0; i < texts.size(); ++i) c->put_row({std::to_string(i), texts[i], std::nullopt});
    c->copy_value(std::to_string(texts.size()));
    c->copy_null();
    c->copy_value("2024-02-29");
    c->copy_row_end();
    c->end_copy();

    std::vector<std::optional<std::string>> read;
    std::vector<std::optional<std::string>> dates;
    c->copy_out("SELECT v, d FROM t ORDER BY id", [&](pg::Connection::CopyFields f) {
        ASSERT_EQ(f.size(), 2u);
        read.emplace_back(f[0] ? std::optional<std::string>(*f[0]) : std::nullopt);
        dates.emplace_back(f[1] ? std::optional<std::string>(*f[1]) : std::nullopt);
    });
    ASSERT_EQ(read.size(), texts.size() + 1);
    for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(read[i], texts[i]) << i;
    EXPECT_FALSE(read.back()) << "NULL";
    EXPECT_EQ(dates.back(), "2024-02-29");
    EXPECT_FALSE(dates.front());
}

TEST_F(PgConnection, ACursorHandsOverBatches) {
    c->exec("INSERT INTO t (id) SELECT generate_series(1, 25)");
    pg::Transaction tx(*c);
    std::vector<int> sizes;
    std::int64_t sum = 0;
    c->for_each_batch("SELECT id FROM t WHERE id > $1 ORDER BY id", {"0"}, 10, [&](const pg::Result& r) {
        sizes.push_back(r.rows());
        for (int i = 0; i < r.rows(); ++i) sum += r.int64(i, 0);
    });
    EXPECT_EQ(sizes, (std::vector<int>{10, 10, 5}));
    EXPECT_EQ(sum, 25 * 26 / 2);
    tx.commit();
    EXPECT_THROW(c->for_each_batch("SELECT 1", {}, 10, [](const pg::Result&) {}), InternalError) << "a cursor needs a transaction";
}

} // namespace
} // namespace bostad::test
