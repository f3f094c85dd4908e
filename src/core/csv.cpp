#include "core/csv.hpp"

#include "core/text.hpp"

namespace bostad {

std::string csv_field(std::string_view value, char sep) {
    const bool quote = value.find_first_of(std::string{sep, '"', '\n', '\r'}) != std::string_view::npos;
    return quote ? quote_doubling(value, '"') : std::string(value);
}

std::string formula_safe(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
        std::string escaped;
        escaped.reserve(text.size() + 1);
        escaped.push_back('\'');
        escaped.append(text);
        return escaped;
    }
    return std::string(text);
}

std::string csv_record(std::span<const std::string> fields, char sep) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += sep;
        out += csv_field(fields[i], sep);
    }
    out += "\r\n";
    return out;
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char sep) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c != '"') field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else quoted = false;
            continue;
        }
        if (c == '"') {
            quoted = any = true;
        } else if (c == sep) {
            record.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                record.push_back(std::move(field));
                records.push_back(std::move(record));
            }
            record.clear();
            field.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace bostad
