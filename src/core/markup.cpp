#include "core/markup.hpp"

#include <set>

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string fill_template(std::string_view text, const std::map<std::string, std::string, std::less<>>& values,
                          std::string_view what) {
    std::string out;
    out.reserve(text.size() * 2);
    std::set<std::string_view> used;
    std::size_t pos = 0;
    while (true) {
        const std::size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) break;
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) throw InternalError(fmt::format("{}: '{{{{' without '}}}}'", what));
        const std::string_view name = text.substr(open + 2, close - open - 2);
        const auto it = values.find(name);
        if (it == values.end()) throw InternalError(fmt::format("{}: no value for {{{{{}}}}}", what, name));
        used.insert(it->first);
        out.append(text.substr(pos, open - pos));
        out += it->second;
        pos = close + 2;
    }
    out.append(text.substr(pos));
    for (const auto& [name, value] : values) {
        if (!used.count(name)) throw InternalError(fmt::format("{}: the template has no {{{{{}}}}}", what, name));
    }
    return out;
}

} // namespace bostad
