#pragma once
// The only owner of libpq handles: a connection, its results, transactions and COPY. Values always go in as
// bound parameters (text form, NULL for none); errors keep the server's SQLSTATE and name the statement.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "pg/conninfo.hpp"

struct pg_conn;
struct pg_result;

namespace bostad::pg {

/// A failed libpq call or SQL statement: exit code 4, with the SQLSTATE when the server gave one.
class Error : public IoError {
public:
    Error(const std::string& message, std::string sqlstate) : IoError(message), m_sqlstate(std::move(sqlstate)) {}
    const std::string& sqlstate() const noexcept { return m_sqlstate; }

private:
    std::string m_sqlstate;
};

struct ConnFinisher {
    void operator()(pg_conn* c) const noexcept;
};
struct ResultClearer {
    void operator()(pg_result* r) const noexcept;
};

/// One parameter in text form; none is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

/// A query's rows, all values as text (PostgreSQL's text output).
class Result {
public:
    explicit Result(pg_result* r) : m_r(r) {}
    int rows() const;
    int columns() const;
    /// The rows an INSERT, UPDATE or DELETE affected.
    std::int64_t affected() const;
    bool is_null(int row, int col) const;
    std::string text(int row, int col) const;
    /// The text without a copy; valid while the Result lives.
    std::string_view view(int row, int col) const;
    std::optional<std::string> optional_text(int row, int col) const;
    std::int64_t int64(int row, int col) const;
    std::optional<std::int64_t> optional_int64(int row, int col) const;
    double real(int row, int col) const;
    std::optional<double> optional_real(int row, int col) const;
    std::string column_name(int col) const;

private:
    std::unique_ptr<pg_result, ResultClearer> m_r;
};

class Connection {
public:
    /// Connects and sets the search path to the location's schema (then public, where PostGIS lives).
    /// Throws InputError when the server cannot be reached, naming the location without its password.
    static Connection open(std::string_view location);
    /// A new connection to the same place, as open() made this one.
    Connection open_another() const;

    Result exec(std::string_view sql, const Params& params = {});
    /// Runs statements without parameters (may be several, separated by ';').
    void exec_script(std::string_view sql);
    std::optional<std::int64_t> query_int(std::string_view sql, const Params& params = {});
    std::optional<std::string> query_text(std::string_view sql, const Params& params = {});
    /// Runs a SELECT through a cursor and hands its rows over `batch` at a time, so that a large answer never
    /// sits in memory whole. Must run inside a transaction (a cursor lives in one).
    void for_each_batch(std::string_view select, const Params& params, int batch, const std::function<void(const Result&)>& each);

    /// One row of COPY TO output: its fields, none for NULL; valid during the callback.
    using CopyFields = std::span<const std::optional<std::string_view>>;
    /// Runs COPY (select) TO STDOUT in text format and hands over each row, split and unescaped: the quickest way
    /// to read many rows. A COPY takes no parameters: bind values first with set_config() and read them in the
    /// select with current_setting().
    void copy_out(std::string_view select, const std::function<void(CopyFields)>& row);

    /// COPY table (columns) FROM STDIN in text format: rows are written with put_row, finished with end_copy.
    void begin_copy(std::string_view table, const std::vector<std::string>& columns);
    void put_row(const std::vector<Param>& values);
    /// The same field by field, without building a row first: copy_value/copy_null for each column, then
    /// copy_row_end.
    void copy_value(std::string_view value);
    void copy_null();
    /// A value written by `write(std::string&)` straight into the buffer (it must need no escaping).
    template <typename Writer>
    void copy_raw(const Writer& write) {
        field_separator();
        write(m_copy_buffer);
    }
    void copy_row_end();
    void end_copy();

    /// COPY table (columns) FROM STDIN in PostgreSQL's binary format, for bulk loads: the server parses no text.
    /// Each row is copy_binary_row(n) followed by one value per column, then copy_row_end; end_copy finishes.
    void begin_binary_copy(std::string_view table, const std::vector<std::string>& columns);
    void copy_binary_row(std::int16_t fields);
    void copy_binary_null();
    void copy_binary_int8(std::int64_t v);
    /// A date as PostgreSQL stores it: days since 2000-01-01.
    void copy_binary_date(std::int32_t days_since_2000);
    /// Text (UTF-8), bytea, or a type's binary form (a PostGIS geometry: EWKB).
    void copy_binary_bytes(std::string_view bytes);

    const std::string& schema() const { return m_schema; }
    const std::string& location() const { return m_location; }
    bool in_transaction() const;

private:
    Connection(pg_conn* c, std::string schema, std::string location);
    static Connection connect(const ConnInfo& info, std::string location);
    [[noreturn]] void fail(std::string_view what, pg_result* r = nullptr);
    void field_separator() {
        if (m_copy_fields++) m_copy_buffer += '\t';
    }

    std::unique_ptr<pg_conn, ConnFinisher> m_c;
    std::string m_schema;
    std::string m_location; ///< redacted
    ConnInfo m_info;        ///< how to connect again (with the password, never shown)
    std::string m_copy_buffer;
    std::string m_copy_table;
    std::size_t m_copy_fields = 0; ///< of the row being written
    bool m_copy_binary = false;
};

/// BEGIN … COMMIT, rolled back when destroyed without commit().
class Transaction {
public:
    enum class Isolation { read_committed, repeatable_read };
    explicit Transaction(Connection& c, Isolation isolation = Isolation::read_committed, bool read_only = false);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Connection& m_c;
    bool m_done = false;
};

/// Another connection to the same place whose read-only transaction sees exactly what `of`'s transaction sees
/// (pg_export_snapshot, SET TRANSACTION SNAPSHOT), for a reader in another thread. Only for a transaction that
/// has written nothing and reads in one snapshot (REPEATABLE READ or SERIALIZABLE): shares() says.
class ImportedSnapshot {
public:
    explicit ImportedSnapshot(Connection& of);
    ImportedSnapshot(const ImportedSnapshot&) = delete;
    ImportedSnapshot& operator=(const ImportedSnapshot&) = delete;
    Connection& conn() { return m_c; }

    /// True when `c` is in a transaction of one snapshot that has written nothing: what it sees can be shared.
    static bool shares(Connection& c);

private:
    Connection m_c;
    Transaction m_tx;
};

/// A quoted identifier: "name" with inner quotes doubled.
std::string quote_identifier(std::string_view name);

/// A value of a COPY text row: backslash, tab, newline and carriage return escaped.
void append_copy_value(std::string& out, std::string_view value);

} // namespace bostad::pg
