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

} // namespace bostad
