#include "support/store_probe.hpp"

#include <regex>
#include <vector>

#include <fmt/format.h>

#include "sqlite/database.hpp"
#include "sqlite/gpkg_functions.hpp"
#include "store/gpkg/store_file.hpp"

namespace bostad::test {

std::string dump_store(const std::string& path, bool mask_times) {
    store::gpkg::recover_after_crash(path);
    sqlite::Database db(path, sqlite::OpenMode::read_only);
    static const std::regex k_time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    std::vector<std::string> tables;
    auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (st.step()) tables.push_back(st.column_text(0));
    std::string out;
    for (const auto& t : tables) {
        out += "== " + t + "\n";
        auto rows = db.prepare(fmt::format("SELECT * FROM {} ORDER BY 1", sqlite::quote_identifier(t)));
        while (rows.step()) {
            for (int c = 0; c < rows.column_count(); ++c) {
                if (rows.is_null(c)) {
                    out += "NULL|";
                    continue;
                }
                const auto blob = rows.column_blob(c);
                std::string value(reinterpret_cast<const char*>(blob.data()), blob.size());
                if (mask_times) value = std::regex_replace(value, k_time, "<time>");
                out += value + "|";
            }
            out += "\n";
        }
    }
    return out;
}

std::string check_store(const std::string& path) {
    store::gpkg::recover_after_crash(path);
    sqlite::Database db(path, sqlite::OpenMode::read_only);
    std::string problems;
    const auto integrity = db.query_text("PRAGMA integrity_check");
    if (integrity != "ok") problems += "integrity_check: " + integrity.value_or("?") + "\n";
    auto fk = db.prepare("PRAGMA foreign_key_check");
    while (fk.step()) problems += "foreign_key_check: " + fk.column_text(0) + " row " + fk.column_text(1) + "\n";
    std::vector<std::string> rtrees;
    auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING rtree%'");
    while (st.step()) rtrees.push_back(st.column_text(0));
    for (const auto& r : rtrees) {
        const auto check = db.query_text("SELECT rtreecheck(?)", r);
        if (check != "ok") problems += "rtreecheck(" + r + "): " + check.value_or("?") + "\n";
    }
    return problems.empty() ? "ok" : problems;
}

std::string query(const std::string& path, const std::string& sql) {
    sqlite::Database db(path, sqlite::OpenMode::read_only);
    sqlite::register_gpkg_functions(db);
    return db.query_text(sql).value_or("");
}

void make_store(const std::string& path) { store::gpkg::StoreFile::create(path); }

} // namespace bostad::test
