#include "pg/connection.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include <fmt/format.h>
#include <libpq-fe.h>

namespace bostad::pg {
namespace {

std::string sqlstate_of(const PGresult* r) {
    const char* s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    return s ? s : "";
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string excerpt(std::string_view sql) {
    std::string s(sql.substr(0, 160));
    for (char& c : s) {
        if (c == '\n') c = ' ';
    }
    return sql.size() > 160 ? s + "…" : s;
}

} // namespace

void ConnFinisher::operator()(pg_conn* c) const noexcept { PQfinish(c); }
void ResultClearer::operator()(pg_result* r) const noexcept { PQclear(r); }

int Result::rows() const { return PQntuples(m_r.get()); }
int Result::columns() const { return PQnfields(m_r.get()); }
std::int64_t Result::affected() const {
    const char* n = PQcmdTuples(m_r.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}
bool Result::is_null(int row, int col) const { return PQgetisnull(m_r.get(), row, col) != 0; }
std::string Result::text(int row, int col) const {
    return std::string(PQgetvalue(m_r.get(), row, col), static_cast<std::size_t>(PQgetlength(m_r.get(), row, col)));
}
std::string_view Result::view(int row, int col) const {
    return {PQgetvalue(m_r.get(), row, col), static_cast<std::size_t>(PQgetlength(m_r.get(), row, col))};
}
std::optional<std::string> Result::optional_text(int row, int col) const {
    if (is_null(row, col)) return std::nullopt;
    return text(row, col);
}
std::int64_t Result::int64(int row, int col) const { return is_null(row, col) ? 0 : std::strtoll(PQgetvalue(m_r.get(), row, col), nullptr, 10); }
std::optional<std::int64_t> Result::optional_int64(int row, int col) const {
    if (is_null(row, col)) return std::nullopt;
    return int64(row, col);
}
double Result::real(int row, int col) const { return is_null(row, col) ? 0.0 : std::strtod(PQgetvalue(m_r.get(), row, col), nullptr); }
std::optional<double> Result::optional_real(int row, int col) const {
    if (is_null(row, col)) return std::nullopt;
    return real(row, col);
}
std::string Result::column_name(int col) const { return PQfname(m_r.get(), col); }

Connection::Connection(pg_conn* c, std::string schema, std::string location)
    : m_c(c), m_schema(std::move(schema)), m_location(std::move(location)) {}

Connection Connection::open(std::string_view location) { return connect(parse_location(location), redacted(location)); }

Connection Connection::open_another() const { return connect(m_info, m_location); }

Connection Connection::connect(const ConnInfo& info, std::string location) {
    pg_conn* raw = PQconnectdb(info.libpq.c_str());
    Connection c(raw, info.schema, std::move(location));
    c.m_info = info;
    if (!raw || PQstatus(raw) != CONNECTION_OK) {
        throw InputError(fmt::format("--db '{}': cannot connect to PostgreSQL: {}", c.m_location,
                                     raw ? trimmed(PQerrorMessage(raw)) : "out of memory"));
    }
    // Quiet notices (CREATE ... IF NOT EXISTS), a search path with our schema first, UTC timestamps, dates as
    // ISO text (YYYY-MM-DD, as the GeoPackage store holds them) whatever the server's default.
    c.exec_script(fmt::format("SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET DateStyle = ISO; "
                              "SET search_path = {}, public",
                              quote_identifier(info.schema)));
    return c;
}

void Connection::fail(std::string_view what, pg_result* r) {
    std::string message = r ? trimmed(PQresultErrorMessage(r)) : trimmed(PQerrorMessage(m_c.get()));
    const std::string state = sqlstate_of(r);
    if (r) PQclear(r);
    throw Error(fmt::format("PostgreSQL {}: {} [{}]", m_location, message, excerpt(what)), state);
}

Result Connection::exec(std::string_view sql, const Params& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    const std::string text(sql);
    PGresult* r = PQexecParams(m_c.get(), text.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                               nullptr, 0);
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql, r);
    return Result(r);
}

void Connection::exec_script(std::string_view sql) {
    const std::string text(sql);
    PGresult* r = PQexec(m_c.get(), text.c_str());
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql, r);
    PQclear(r);
}

std::optional<std::int64_t> Connection::query_int(std::string_view sql, const Params& params) {
    Result r = exec(sql, params);
    if (r.rows() == 0) return std::nullopt;
    return r.optional_int64(0, 0);
}

std::optional<std::string> Connection::query_text(std::string_view sql, const Params& params) {
    Result r = exec(sql, params);
    if (r.rows() == 0) return std::nullopt;
    return r.optional_text(0, 0);
}

void Connection::for_each_batch(std::string_view select, const Params& params, int batch,
                                const std::function<void(const Result&)>& each) {
    if (!in_transaction()) throw InternalError("a cursor needs a transaction");
    exec(fmt::format("DECLARE bostad_cursor NO SCROLL CURSOR FOR {}", select), params);
    const std::string fetch = fmt::format("FETCH {} FROM bostad_cursor", batch);
    for (;;) {
        const Result r = exec(fetch);
        if (r.rows() > 0) each(r);
        if (r.rows() < batch) break;
    }
    exec_script("CLOSE bostad_cursor");
}

namespace {

/// The text of a COPY field without its escapes (\\t, \\n, \\\\, octal...).
void unescape_copy_value(std::string_view in, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\' || i + 1 == in.size()) {
            out += in[i];
            continue;
        }
        const char c = in[++i];
        switch (c) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        default:
            if (c >= '0' && c <= '7') {
                int v = c - '0';
                for (int k = 0; k < 2 && i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '7'; ++k) v = v * 8 + (in[++i] - '0');
                out += static_cast<char>(v);
            } else {
                out += c;
            }
        }
    }
}

} // namespace

void Connection::copy_out(std::string_view select, const std::function<void(CopyFields)>& row) {
    const std::string sql = fmt::format("COPY ({}) TO STDOUT", select);
    PGresult* r = PQexec(m_c.get(), sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_OUT) fail(sql, r);
    PQclear(r);
    std::vector<std::optional<std::string_view>> fields;
    std::vector<std::string> unescaped;
    for (;;) {
        char* buffer = nullptr;
        const int n = PQgetCopyData(m_c.get(), &buffer, 0);
        if (n == -1) break; // done
        if (n < 0) fail(sql);
        const std::unique_ptr<char, void (*)(void*)> owned(buffer, PQfreemem);
        std::string_view line(buffer, static_cast<std::size_t>(n));
        if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
        fields.clear();
        // Room for every field's unescaped text before any view into it is taken.
        const auto count = static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t')) + 1;
        if (unescaped.size() < count) unescaped.resize(count);
        std::size_t start = 0;
        for (std::size_t f = 0;; ++f) {
            const std::size_t tab = line.find('\t', start);
            const std::string_view value = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
            if (value == "\\N") {
                fields.emplace_back(std::nullopt);
            } else if (value.find('\\') != std::string_view::npos) {
                unescape_copy_value(value, unescaped[f]);
                fields.emplace_back(unescaped[f]);
            } else {
                fields.emplace_back(value);
            }
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        row(fields);
    }
    r = PQgetResult(m_c.get());
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK) fail(sql, r);
    PQclear(r);
    while ((r = PQgetResult(m_c.get())) != nullptr) PQclear(r);
}

void Connection::begin_copy(std::string_view table, const std::vector<std::string>& columns) {
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + quote_identifier(c);
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", quote_identifier(table), list);
    m_copy_fields = 0;
    PGresult* r = PQexec(m_c.get(), sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) fail(sql, r);
    PQclear(r);
    m_copy_table = std::string(table);
    m_copy_buffer.clear();
}

void Connection::put_row(const std::vector<Param>& values) {
    for (const auto& v : values) {
        if (v) copy_value(*v);
        else copy_null();
    }
    copy_row_end();
}

void Connection::copy_value(std::string_view value) {
    field_separator();
    append_copy_value(m_copy_buffer, value);
}

void Connection::copy_null() {
    field_separator();
    m_copy_buffer += "\\N";
}

void Connection::copy_row_end() {
    if (!m_copy_binary) m_copy_buffer += '\n';
    m_copy_fields = 0;
    if (m_copy_buffer.size() >= (1u << 20)) {
        if (PQputCopyData(m_c.get(), m_copy_buffer.data(), static_cast<int>(m_copy_buffer.size())) != 1) {
            fail("COPY " + m_copy_table);
        }
        m_copy_buffer.clear();
    }
}

namespace {

template <typename T>
void append_big_endian(std::string& out, T v) {
    using U = std::make_unsigned_t<T>;
    U u = static_cast<U>(v);
    if constexpr (std::endian::native == std::endian::little) {
        if constexpr (sizeof(U) == 2) u = __builtin_bswap16(u);
        else if constexpr (sizeof(U) == 4) u = __builtin_bswap32(u);
        else u = __builtin_bswap64(u);
    }
    char bytes[sizeof(U)];
    std::memcpy(bytes, &u, sizeof(U));
    out.append(bytes, sizeof(U));
}

} // namespace

void Connection::begin_binary_copy(std::string_view table, const std::vector<std::string>& columns) {
    std::string list;
    for (const auto& c : columns) list += (list.empty() ? "" : ", ") + quote_identifier(c);
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN WITH (FORMAT binary)", quote_identifier(table), list);
    PGresult* r = PQexec(m_c.get(), sql.c_str());
    if (!r || PQresultStatus(r) != PGRES_COPY_IN) fail(sql, r);
    PQclear(r);
    m_copy_table = std::string(table);
    m_copy_binary = true;
    m_copy_buffer.assign("PGCOPY\n\377\r\n\0", 11);
    append_big_endian<std::int32_t>(m_copy_buffer, 0); // flags
    append_big_endian<std::int32_t>(m_copy_buffer, 0); // no header extension
}

void Connection::copy_binary_row(std::int16_t fields) { append_big_endian(m_copy_buffer, fields); }

void Connection::copy_binary_null() { append_big_endian<std::int32_t>(m_copy_buffer, -1); }

void Connection::copy_binary_int8(std::int64_t v) {
    append_big_endian<std::int32_t>(m_copy_buffer, 8);
    append_big_endian(m_copy_buffer, v);
}

void Connection::copy_binary_date(std::int32_t days_since_2000) {
    append_big_endian<std::int32_t>(m_copy_buffer, 4);
    append_big_endian(m_copy_buffer, days_since_2000);
}

void Connection::copy_binary_bytes(std::string_view bytes) {
    append_big_endian(m_copy_buffer, static_cast<std::int32_t>(bytes.size()));
    m_copy_buffer.append(bytes);
}

void Connection::end_copy() {
    if (m_copy_binary) append_big_endian<std::int16_t>(m_copy_buffer, -1); // the trailer
    m_copy_binary = false;
    if (!m_copy_buffer.empty() &&
        PQputCopyData(m_c.get(), m_copy_buffer.data(), static_cast<int>(m_copy_buffer.size())) != 1) {
        fail("COPY " + m_copy_table);
    }
    m_copy_buffer.clear();
    if (PQputCopyEnd(m_c.get(), nullptr) != 1) fail("COPY " + m_copy_table);
    PGresult* r = PQgetResult(m_c.get());
    const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK) fail("COPY " + m_copy_table, r);
    PQclear(r);
    while ((r = PQgetResult(m_c.get())) != nullptr) PQclear(r);
}

bool Connection::in_transaction() const { return PQtransactionStatus(m_c.get()) != PQTRANS_IDLE; }

Transaction::Transaction(Connection& c, Isolation isolation, bool read_only) : m_c(c) {
    m_c.exec_script(fmt::format("BEGIN ISOLATION LEVEL {}{}",
                                isolation == Isolation::repeatable_read ? "REPEATABLE READ" : "READ COMMITTED",
                                read_only ? " READ ONLY" : ""));
}

ImportedSnapshot::ImportedSnapshot(Connection& of)
    : m_c(of.open_another()), m_tx(m_c, Transaction::Isolation::repeatable_read, true) {
    const auto id = of.query_text("SELECT pg_export_snapshot()");
    // The id is the server's own ("00000003-0000001B-1"); SET TRANSACTION takes no parameters, so it is checked.
    if (!id || id->empty() || id->find_first_not_of("0123456789ABCDEFabcdef-") != std::string::npos) {
        throw InternalError("PostgreSQL exported a snapshot id of an unknown form: " + id.value_or(""));
    }
    m_c.exec_script("SET TRANSACTION SNAPSHOT '" + *id + "'");
}

bool ImportedSnapshot::shares(Connection& c) {
    return c.in_transaction() && c.query_text("SELECT pg_current_xact_id_if_assigned() IS NULL AND "
                                              "current_setting('transaction_isolation') IN ('repeatable read', 'serializable')") == "t";
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        m_c.exec_script("ROLLBACK");
    } catch (...) { // NOLINT(bugprone-empty-catch): a lost connection has rolled back already
    }
}

void Transaction::commit() {
    m_c.exec_script("COMMIT");
    m_done = true;
}

std::string quote_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

void append_copy_value(std::string& out, std::string_view value) {
    std::size_t plain = 0; // start of the run of characters that need no escape
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const char* escaped = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
        if (!escaped) continue;
        out.append(value.substr(plain, i - plain));
        out += escaped;
        plain = i + 1;
    }
    out.append(value.substr(plain));
}

} // namespace bostad::pg
