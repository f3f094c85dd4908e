#pragma once
// The only owner of SQLite handles: a connection, prepared statements and transactions.
// Values always go in as bound parameters; errors keep SQLite's extended code and the SQL.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace bostad::sqlite {

/// A failed SQLite call: exit code 4 (I/O), with SQLite's extended result code.
class Error : public IoError {
public:
    Error(const std::string& message, int extended_code) : IoError(message), m_extended_code(extended_code) {}
    int extended_code() const noexcept { return m_extended_code; }
    /// Another connection holds the lock this one needed (SQLITE_BUSY), and the busy timeout ran out.
    bool busy() const noexcept;

private:
    int m_extended_code;
};

struct ConnectionCloser {
    void operator()(sqlite3* db) const noexcept;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* stmt) const noexcept;
};

enum class OpenMode { read_only, read_write, create };

/// The storage class of a value (SQLite's dynamic typing).
enum class ColumnType { integer, real, text, blob, null };

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql);

    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    /// A date as ISO text (YYYY-MM-DD).
    Statement& bind(int index, const Date& date);
    /// Text or a blob bound without a copy (SQLITE_STATIC): the bytes must stay as they are until the statement
    /// has run, and the statement must not run again before the parameter is bound anew. For hot loops.
    Statement& bind_unowned(int index, std::string_view value);
    Statement& bind_unowned(int index, std::span<const std::uint8_t> blob);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    /// Binds the arguments to parameters 1, 2, ...
    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    /// Steps once: true when a row is ready, false when done.
    bool step();
    /// Steps to completion (for statements that return no rows).
    void run();
    void reset();

    bool is_null(int col) const;
    std::int64_t column_int64(int col) const;
    double column_double(int col) const;
    std::string column_text(int col) const;
    /// The text of a column without a copy; valid until the next step(), reset() or column call on it.
    std::string_view column_view(int col) const;
    /// The same, or none for NULL (one call fewer than is_null + column_view: for hot loops).
    std::optional<std::string_view> column_optional_view(int col) const;
    std::optional<std::string> column_optional_text(int col) const;
    std::optional<std::int64_t> column_optional_int64(int col) const;
    std::optional<double> column_optional_double(int col) const;
    std::span<const std::uint8_t> column_blob(int col) const;
    ColumnType column_type(int col) const;
    int column_count() const;
    std::string column_name(int col) const;

    const std::string& sql() const { return m_sql; }

private:
    /// Text (`is_text`) or a blob, copied by SQLite or not.
    Statement& bind_bytes(int index, std::string_view text, std::span<const std::uint8_t> blob, bool is_text, bool copy);

    [[noreturn]] void fail(int rc, std::string_view what) const;

    sqlite3* m_db;
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_stmt;
    std::string m_sql;
};

class Database {
public:
    Database(const std::string& path, OpenMode mode);

    /// Runs one or more statements without parameters (schema scripts).
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    /// The first column of the first row, or nullopt when there is no row or it is NULL.
    template <typename... Args>
    std::optional<std::int64_t> query_int(std::string_view sql, const Args&... args) {
        Statement st = prepare(sql);
        st.bind_all(args...);
        if (!st.step()) return std::nullopt;
        return st.column_optional_int64(0);
    }
    template <typename... Args>
    std::optional<std::string> query_text(std::string_view sql, const Args&... args) {
        Statement st = prepare(sql);
        st.bind_all(args...);
        if (!st.step()) return std::nullopt;
        return st.column_optional_text(0);
    }

    std::int64_t last_insert_rowid() const;
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    std::int64_t changes() const;
    bool table_exists(std::string_view name);
    bool in_transaction() const;
    /// What this connection's transaction on the main database does: nothing, reads (it holds a shared lock)
    /// or writes.
    enum class TxnState { none, read, write };
    TxnState txn_state() const;
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY
    /// (60 s unless set: a reader waits for a writer's commit, a writer's commit for its readers).
    void set_busy_timeout(std::chrono::milliseconds wait);
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db.get(); }

private:
    std::string m_path;
    std::unique_ptr<sqlite3, ConnectionCloser> m_db;
};

/// Rolls back unless committed (house-style habit 11).
class Transaction {
public:
    enum class Kind { deferred, immediate };
    explicit Transaction(Database& db, Kind kind = Kind::immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// One consistent view of the database for a reader: a deferred transaction that holds SQLite's shared
/// lock from its construction, so that a writer's commit waits until the reader is done and is seen whole
/// or not at all. Rolled back (nothing to undo) when it goes.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);

private:
    Transaction m_tx;
};

/// While it lives, the connection reads the file through a memory map (at most `bytes` of it) instead of copying
/// each page: a scan of a large table is much quicker. Writes are slower that way (a page to change is copied
/// from the map), so a reader turns it on and a writer leaves it off. Put back to none when it goes.
class MappedReads {
public:
    MappedReads(Database& db, std::int64_t bytes);
    ~MappedReads();
    MappedReads(const MappedReads&) = delete;
    MappedReads& operator=(const MappedReads&) = delete;

private:
    Database& m_db;
};

/// A second connection, in a read transaction, that reads what `db` reads: for a reader in another thread.
/// While `db` holds a read transaction in a rollback-journal database, no writer can commit (a commit needs
/// every shared lock gone), so a read transaction that starts now on another connection sees the very same
/// state. When `db` is in no transaction, the helper reads the file as it is now, as `db`'s next statement would.
class SharedRead {
public:
    explicit SharedRead(const std::string& path);
    Database& db() { return m_db; }

private:
    Database m_db;
    std::optional<ReadSnapshot> m_read;
    friend std::unique_ptr<SharedRead> share_read(Database&);
};

/// A SharedRead of `db`, or null when none can share its state: `db` is in memory, has written in its
/// transaction (its rows are its own until it commits), or reads a WAL database in a transaction (where writers
/// commit beside readers); or a writer waits to commit right now (a new shared lock would wait for it, and it
/// for `db`). Then the caller reads on `db` itself.
std::unique_ptr<SharedRead> share_read(Database& db);

/// Quotes an identifier for SQL ("my ""table""").
std::string quote_identifier(std::string_view name);

} // namespace bostad::sqlite

namespace bostad::sqlite {
/// The SQLite library version in use ("3.40.1").
std::string sqlite_version();
} // namespace bostad::sqlite
