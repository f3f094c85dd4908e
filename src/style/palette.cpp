#include "style/palette.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/embedded.hpp"
#include "core/error.hpp"

namespace bostad {
std::span<const EmbeddedFile> gis_files(); // generated from gis/ by cmake/embed.cmake
}

namespace bostad::style {
namespace {

using Json = nlohmann::json;

Rgb color_at(const Json& value, std::string_view key) {
    const auto rgb = value.is_string() ? Rgb::parse(value.get<std::string>()) : std::nullopt;
    if (!rgb) throw InternalError(fmt::format("gis/palette.json: {}: expected a colour \"#rrggbb\"", key));
    return *rgb;
}

std::map<std::string, Rgb, std::less<>> color_map(const Json& doc, std::string_view key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_object()) throw InternalError(fmt::format("gis/palette.json: '{}' is missing", key));
    std::map<std::string, Rgb, std::less<>> out;
    for (const auto& [code, value] : it->items()) out.emplace(code, color_at(value, fmt::format("{}.{}", key, code)));
    return out;
}

std::vector<RangeClass> ranges(const Json& doc, std::string_view key) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_array() || it->empty()) {
        throw InternalError(fmt::format("gis/palette.json: '{}' must be a list of classes", key));
    }
    std::vector<RangeClass> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json& c = (*it)[i];
        const std::string where = fmt::format("{}[{}]", key, i);
        RangeClass rc;
        if (c.contains("upper") && !c["upper"].is_null()) {
            if (!c["upper"].is_number()) throw InternalError(fmt::format("gis/palette.json: {}.upper: expected a number", where));
            rc.upper = c["upper"].get<double>();
            if (!out.empty() && (!out.back().upper || *out.back().upper >= *rc.upper)) {
                throw InternalError(fmt::format("gis/palette.json: {}: classes must ascend", where));
            }
        } else if (i + 1 != it->size()) {
            throw InternalError(fmt::format("gis/palette.json: {}: only the last class may be open", where));
        }
        rc.color = color_at(c.value("color", Json()), where + ".color");
        rc.sv = c.value("sv", "");
        rc.en = c.value("en", "");
        out.push_back(std::move(rc));
    }
    return out;
}

int hex_byte(std::string_view two) {
    int v = 0;
    const auto [end, ec] = std::from_chars(two.data(), two.data() + two.size(), v, 16);
    return ec == std::errc() && end == two.data() + two.size() ? v : -1;
}

} // namespace

std::optional<Rgb> Rgb::parse(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    const int r = hex_byte(hex.substr(1, 2)), g = hex_byte(hex.substr(3, 2)), b = hex_byte(hex.substr(5, 2));
    if (r < 0 || g < 0 || b < 0) return std::nullopt;
    return Rgb{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b)};
}

std::string Rgb::hex() const { return fmt::format("#{:02x}{:02x}{:02x}", r, g, b); }

std::string Rgb::qgis(int alpha) const { return fmt::format("{},{},{},{}", r, g, b, alpha); }

Rgb Palette::municipality_color(std::string_view code) const {
    if (const auto it = municipality.find(code); it != municipality.end()) return it->second;
    if (const auto it = municipality.find("other"); it != municipality.end()) return it->second;
    return Rgb{80, 80, 80};
}

Palette parse_palette(std::string_view json_text) {
    const Json doc = Json::parse(json_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw InternalError("gis/palette.json is not a JSON object");
    Palette p;
    p.stage = color_map(doc, "stage");
    p.plan_status = color_map(doc, "plan_status");
    p.municipality = color_map(doc, "municipality");
    p.rejected_kind = color_map(doc, "rejected_kind");
    p.remaining_capacity = ranges(doc, "remaining_capacity");
    return p;
}

const Palette& palette() {
    static const Palette p = [] {
        const EmbeddedFile* f = find_embedded(gis_files(), "palette.json");
        if (!f) throw InternalError("gis/palette.json is not compiled in");
        return parse_palette(f->text);
    }();
    return p;
}

} // namespace bostad::style
