#include "pg/conninfo.hpp"

#include <fmt/format.h>

#include <cctype>
#include <regex>
#include <vector>

#include "core/error.hpp"

namespace bostad::pg {
namespace {

constexpr std::string_view k_prefix = "PG:";

struct Word {
    std::string key;
    std::string value; ///< as written, quotes included
};

/// Splits libpq's "key=value key='quoted value'" form into words; throws for an unterminated quote.
std::vector<Word> split_keywords(std::string_view text, std::string_view location) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i == text.size()) break;
        const std::size_t key_start = i;
        while (i < text.size() && text[i] != '=' && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        Word w{std::string(text.substr(key_start, i - key_start)), {}};
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i == text.size() || text[i] != '=') {
            throw UsageError(fmt::format("--db '{}': '{}' has no '=value' (write key=value pairs, e.g. "
                                         "PG:dbname=bostad host=localhost)", redacted(location), w.key));
        }
        ++i;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        const std::size_t value_start = i;
        if (i < text.size() && text[i] == '\'') {
            ++i;
            while (i < text.size() && text[i] != '\'') i += text[i] == '\\' ? 2u : 1u;
            if (i >= text.size()) {
                throw UsageError(fmt::format("--db: the quote after '{}=' is not closed", w.key));
            }
            ++i;
        } else {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        }
        w.value = std::string(text.substr(value_start, i - value_start));
        out.push_back(std::move(w));
    }
    return out;
}

std::string unquoted(const std::string& value) {
    if (value.size() < 2 || value.front() != '\'') return value;
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '\\' && i + 2 < value.size()) ++i;
        out += value[i];
    }
    return out;
}

bool is_uri(std::string_view s) { return s.starts_with("postgresql://") || s.starts_with("postgres://"); }

} // namespace

bool is_pg_location(std::string_view location) {
    if (location.size() < k_prefix.size()) return false;
    for (std::size_t i = 0; i < k_prefix.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(location[i])) != k_prefix[i]) return false;
    }
    return true;
}

ConnInfo parse_location(std::string_view location) {
    if (!is_pg_location(location)) {
        throw UsageError(fmt::format("--db '{}' is not a PostgreSQL location (it starts with PG:)", location));
    }
    const std::string_view body = location.substr(k_prefix.size());
    ConnInfo out{{}, "public"};
    if (is_uri(body)) {
        out.libpq = std::string(body);
    } else {
        for (const Word& w : split_keywords(body, location)) {
            if (w.key == "active_schema" || w.key == "schemas") {
                out.schema = unquoted(w.value);
                continue;
            }
            if (!out.libpq.empty()) out.libpq += ' ';
            out.libpq += w.key + '=' + w.value;
        }
    }
    static const std::regex plain("[a-z_][a-z0-9_]{0,62}");
    if (!std::regex_match(out.schema, plain)) {
        throw UsageError(fmt::format("--db: active_schema '{}' is not a plain lower-case identifier (letters a-z, "
                                     "digits and _, at most 63)", out.schema));
    }
    return out;
}

std::string redacted(std::string_view location) {
    static const std::regex keyword(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))", std::regex::icase);
    static const std::regex uri(R"(((?:postgres|postgresql)://[^:/@\s]+:)[^@\s]*@)", std::regex::icase);
    std::string s = std::regex_replace(std::string(location), keyword, "$1***");
    return std::regex_replace(s, uri, "$1***@");
}

} // namespace bostad::pg
