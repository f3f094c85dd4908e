#include "sqlite/database.hpp"

#include <algorithm>
#include <sqlite3.h>

#include <fmt/format.h>

#include "core/text.hpp"

namespace bostad::sqlite {

void ConnectionCloser::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
void StatementFinalizer::operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }

namespace {

[[noreturn]] void throw_error(sqlite3* db, int rc, std::string_view context) {
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    const char* msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(fmt::format("{}: {} (SQLite code {})", context, msg, extended), extended);
}

} // namespace

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql)
    : m_db(db), m_stmt(stmt), m_sql(std::move(sql)) {}

void Statement::fail(int rc, std::string_view what) const {
    throw_error(m_db, rc, fmt::format("SQLite {} failed for `{}`", what, m_sql));
}

Statement& Statement::bind(int index, std::nullptr_t) {
    if (int rc = sqlite3_bind_null(m_stmt.get(), index); rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(m_stmt.get(), index, value); rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (int rc = sqlite3_bind_double(m_stmt.get(), index, value); rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind_bytes(int index, std::string_view text, std::span<const std::uint8_t> blob, bool is_text, bool copy) {
    const auto lifetime = copy ? SQLITE_TRANSIENT : SQLITE_STATIC;
    const int rc = is_text ? sqlite3_bind_text64(m_stmt.get(), index, text.data(), text.size(), lifetime, SQLITE_UTF8)
                           : sqlite3_bind_blob64(m_stmt.get(), index, blob.data(), blob.size(), lifetime);
    if (rc != SQLITE_OK) fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) { return bind_bytes(index, value, {}, true, true); }
Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) { return bind_bytes(index, {}, blob, false, true); }
Statement& Statement::bind_unowned(int index, std::string_view value) { return bind_bytes(index, value, {}, true, false); }
Statement& Statement::bind_unowned(int index, std::span<const std::uint8_t> blob) { return bind_bytes(index, {}, blob, false, false); }

Statement& Statement::bind(int index, const Date& date) {
    char text[10];
    date.write_iso(text);
    return bind(index, std::string_view(text, 10));
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc, "step");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

bool Statement::is_null(int col) const { return sqlite3_column_type(m_stmt.get(), col) == SQLITE_NULL; }
std::int64_t Statement::column_int64(int col) const { return sqlite3_column_int64(m_stmt.get(), col); }
double Statement::column_double(int col) const { return sqlite3_column_double(m_stmt.get(), col); }

std::string Statement::column_text(int col) const {
    const auto* text = sqlite3_column_text(m_stmt.get(), col);
    const int n = sqlite3_column_bytes(m_stmt.get(), col);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n)) : std::string();
}

std::string_view Statement::column_view(int col) const {
    const auto* text = sqlite3_column_text(m_stmt.get(), col);
    const int n = sqlite3_column_bytes(m_stmt.get(), col);
    return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(n)) : std::string_view();
}

std::optional<std::string_view> Statement::column_optional_view(int col) const {
    // sqlite3_column_text gives NULL for SQL NULL (and for a zero-length blob or out of memory, which text
    // columns do not hold); an empty string is a non-NULL pointer.
    const auto* text = sqlite3_column_text(m_stmt.get(), col);
    if (!text) return std::nullopt;
    return std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt.get(), col)));
}

std::optional<std::string> Statement::column_optional_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return column_text(col);
}

std::optional<std::int64_t> Statement::column_optional_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return column_int64(col);
}

std::optional<double> Statement::column_optional_double(int col) const {
    if (is_null(col)) return std::nullopt;
    return column_double(col);
}

std::span<const std::uint8_t> Statement::column_blob(int col) const {
    const void* data = sqlite3_column_blob(m_stmt.get(), col);
    const int n = sqlite3_column_bytes(m_stmt.get(), col);
    if (!data) return {};
    return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(n)};
}

ColumnType Statement::column_type(int col) const {
    switch (sqlite3_column_type(m_stmt.get(), col)) {
    case SQLITE_INTEGER: return ColumnType::integer;
    case SQLITE_FLOAT: return ColumnType::real;
    case SQLITE_TEXT: return ColumnType::text;
    case SQLITE_BLOB: return ColumnType::blob;
    default: return ColumnType::null;
    }
}

int Statement::column_count() const { return sqlite3_column_count(m_stmt.get()); }
std::string Statement::column_name(int col) const { return sqlite3_column_name(m_stmt.get(), col); }

namespace {

/// Process-wide settings, made when the program starts (before GDAL or bostad opens a database, which initializes
/// SQLite and fixes them): no memory statistics, whose global mutex is taken on every allocation of every
/// connection (several per cent of a scan or a bulk insert).
const int k_sqlite_configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

} // namespace

Database::Database(const std::string& path, OpenMode mode) : m_path(path) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case OpenMode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    case OpenMode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
    case OpenMode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    m_db.reset(raw);
    if (rc != SQLITE_OK) throw_error(raw, rc, fmt::format("cannot open '{}'", path));
    sqlite3_extended_result_codes(raw, 1);
    set_busy_timeout(std::chrono::seconds(60));
}

bool Error::busy() const noexcept { return (m_extended_code & 0xff) == SQLITE_BUSY; }

void Database::set_busy_timeout(std::chrono::milliseconds wait) {
    sqlite3_busy_timeout(m_db.get(), static_cast<int>(std::min<std::chrono::milliseconds::rep>(wait.count(), 1'000'000'000)));
}

void Database::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        const std::string head = text.substr(0, 120);
        throw Error(fmt::format("SQL failed on '{}': {} (`{}`...)", m_path, msg, head),
                    sqlite3_extended_errcode(m_db.get()));
    }
}

Statement Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) throw_error(m_db.get(), rc, fmt::format("SQLite prepare failed for `{}`", sql));
    return Statement(m_db.get(), stmt, std::string(sql));
}

std::int64_t Database::changes() const { return sqlite3_changes64(m_db.get()); }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db.get()); }

bool Database::table_exists(std::string_view name) {
    return query_int("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", name).has_value();
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(m_db.get()) == 0; }

Database::TxnState Database::txn_state() const {
    switch (sqlite3_txn_state(m_db.get(), "main")) {
    case SQLITE_TXN_READ: return TxnState::read;
    case SQLITE_TXN_WRITE: return TxnState::write;
    default: return TxnState::none;
    }
}

Transaction::Transaction(Database& db, Kind kind) : m_db(db) {
    m_db.exec(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    if (!m_done && m_db.in_transaction()) {
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

ReadSnapshot::ReadSnapshot(Database& db) : m_tx(db, Transaction::Kind::deferred) {
    // A deferred transaction takes its shared lock at its first read.
    db.query_int("SELECT count(*) FROM sqlite_master");
}

MappedReads::MappedReads(Database& db, std::int64_t bytes) : m_db(db) {
    m_db.exec(fmt::format("PRAGMA mmap_size = {}", bytes));
}

MappedReads::~MappedReads() { sqlite3_exec(m_db.handle(), "PRAGMA mmap_size = 0", nullptr, nullptr, nullptr); }

SharedRead::SharedRead(const std::string& path) : m_db(path, OpenMode::read_only) {}

std::unique_ptr<SharedRead> share_read(Database& db) {
    const Database::TxnState state = db.txn_state();
    if (db.path().empty() || db.path() == ":memory:" || state == Database::TxnState::write) return nullptr;
    if (state == Database::TxnState::read && db.query_text("PRAGMA journal_mode") == "wal") return nullptr;
    auto shared = std::make_unique<SharedRead>(db.path());
    // No waiting: the only lock that can stand in the way is a writer's pending one, and that writer waits for `db`.
    shared->m_db.set_busy_timeout(std::chrono::milliseconds(0));
    try {
        shared->m_read.emplace(shared->m_db);
    } catch (const Error& e) {
        if (e.busy()) return nullptr;
        throw;
    }
    shared->m_db.set_busy_timeout(std::chrono::seconds(60));
    return shared;
}

std::string quote_identifier(std::string_view name) { return quote_doubling(name, '"'); }

} // namespace bostad::sqlite

namespace bostad::sqlite {
std::string sqlite_version() { return sqlite3_libversion(); }
} // namespace bostad::sqlite
