#include "style/qml.hpp"

#include <fmt/format.h>

#include "core/markup.hpp"

namespace bostad::style {
namespace {

// A class far above any count of dwellings closes the open last range (QGIS ranges need an upper value).
constexpr double k_open_upper = 1e12;

std::string prop(std::string_view key, std::string_view value) {
    return fmt::format("<prop k=\"{}\" v=\"{}\"/>", key, xml_escape(value));
}

std::string symbols_xml(const std::vector<Rgb>& colors, SymbolKind kind) {
    std::string out = "    <symbols>\n";
    for (std::size_t i = 0; i < colors.size(); ++i) out += symbol_xml(kind, std::to_string(i), colors[i]);
    return out + "    </symbols>\n";
}

} // namespace

std::string symbol_xml(SymbolKind kind, std::string_view name, Rgb color) {
    const Rgb dark{50, 50, 50};
    std::string type, layer;
    switch (kind) {
    case SymbolKind::marker:
        type = "marker";
        layer = "SimpleMarker";
        break;
    case SymbolKind::line:
        type = "line";
        layer = "SimpleLine";
        break;
    case SymbolKind::fill:
    case SymbolKind::outline:
        type = "fill";
        layer = "SimpleFill";
        break;
    }
    std::string props;
    switch (kind) {
    case SymbolKind::marker:
        props = prop("name", "circle") + prop("color", color.qgis()) + prop("outline_color", dark.qgis()) +
                prop("outline_style", "solid") + prop("outline_width", "0.2") + prop("outline_width_unit", "MM") +
                prop("size", "2.4") + prop("size_unit", "MM") + prop("scale_method", "diameter");
        break;
    case SymbolKind::line:
        props = prop("line_color", color.qgis()) + prop("line_style", "solid") + prop("line_width", "0.8") +
                prop("line_width_unit", "MM") + prop("capstyle", "round") + prop("joinstyle", "round");
        break;
    case SymbolKind::fill:
        props = prop("color", color.qgis()) + prop("style", "solid") + prop("outline_color", Rgb{90, 90, 90}.qgis()) +
                prop("outline_style", "solid") + prop("outline_width", "0.26") + prop("outline_width_unit", "MM") +
                prop("joinstyle", "bevel");
        break;
    case SymbolKind::outline:
        props = prop("color", color.qgis(0)) + prop("style", "no") + prop("outline_color", color.qgis()) +
                prop("outline_style", "solid") + prop("outline_width", "0.9") + prop("outline_width_unit", "MM") +
                prop("joinstyle", "round");
        break;
    }
    return fmt::format("      <symbol type=\"{}\" name=\"{}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
                       "        <layer class=\"{}\" enabled=\"1\" pass=\"0\" locked=\"0\">{}</layer>\n"
                       "      </symbol>\n",
                       type, xml_escape(name), layer, props);
}

std::string categories_xml(const std::vector<Category>& classes, SymbolKind kind) {
    std::string out = "    <categories>\n";
    std::vector<Rgb> colors;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        out += fmt::format("      <category value=\"{}\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n",
                           xml_escape(classes[i].value), i, xml_escape(classes[i].label));
        colors.push_back(classes[i].color);
    }
    return out + "    </categories>\n" + symbols_xml(colors, kind);
}

std::string ranges_xml(const std::vector<Range>& classes, SymbolKind kind) {
    std::string out = "    <ranges>\n";
    std::vector<Rgb> colors;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        out += fmt::format("      <range lower=\"{}\" upper=\"{}\" symbol=\"{}\" label=\"{}\" render=\"true\"/>\n",
                           classes[i].lower, classes[i].upper, i, xml_escape(classes[i].label));
        colors.push_back(classes[i].color);
    }
    return out + "    </ranges>\n" + symbols_xml(colors, kind);
}

std::string aliases_xml(std::span<const std::pair<std::string_view, std::string_view>> fields) {
    std::string out = "    <alias field=\"fid\" index=\"0\" name=\"\"/>\n";
    int index = 1;
    for (const auto& [field, alias] : fields) {
        out += fmt::format("    <alias field=\"{}\" index=\"{}\" name=\"{}\"/>\n", xml_escape(field), index++, xml_escape(alias));
    }
    return out;
}

std::vector<Range> capacity_ranges(const Palette& p, bool swedish) {
    std::vector<Range> out;
    double lower = 0;
    for (const auto& c : p.remaining_capacity) {
        const double upper = c.upper.value_or(k_open_upper);
        out.push_back({lower, upper, swedish ? c.sv : c.en, c.color});
        lower = upper;
    }
    return out;
}

} // namespace bostad::style
