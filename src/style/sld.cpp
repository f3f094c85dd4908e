#include "style/sld.hpp"

#include <fmt/format.h>

#include "core/markup.hpp"

namespace bostad::style {
namespace {

std::string param(std::string_view name, std::string_view value) {
    return fmt::format("<se:SvgParameter name=\"{}\">{}</se:SvgParameter>", name, xml_escape(value));
}

std::string symbolizer(SymbolKind kind, Rgb color) {
    switch (kind) {
    case SymbolKind::marker:
        return fmt::format("<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName>"
                           "<se:Fill>{}</se:Fill><se:Stroke>{}{}</se:Stroke></se:Mark><se:Size>9</se:Size></se:Graphic>"
                           "</se:PointSymbolizer>",
                           param("fill", color.hex()), param("stroke", "#323232"), param("stroke-width", "0.7"));
    case SymbolKind::line:
        return fmt::format("<se:LineSymbolizer><se:Stroke>{}{}</se:Stroke></se:LineSymbolizer>", param("stroke", color.hex()),
                           param("stroke-width", "3"));
    case SymbolKind::fill:
        return fmt::format("<se:PolygonSymbolizer><se:Fill>{}</se:Fill><se:Stroke>{}{}</se:Stroke></se:PolygonSymbolizer>",
                           param("fill", color.hex()), param("stroke", "#5a5a5a"), param("stroke-width", "1"));
    case SymbolKind::outline:
        return fmt::format("<se:PolygonSymbolizer><se:Stroke>{}{}</se:Stroke></se:PolygonSymbolizer>",
                           param("stroke", color.hex()), param("stroke-width", "3"));
    }
    return {};
}

std::string rule(std::string_view title, std::string_view filter, SymbolKind kind, Rgb color) {
    return fmt::format("<se:Rule><se:Name>{0}</se:Name><se:Description><se:Title>{0}</se:Title></se:Description>"
                       "<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\">{1}</ogc:Filter>{2}</se:Rule>\n",
                       xml_escape(title), filter, symbolizer(kind, color));
}

std::string document(std::string_view layer, const std::string& rules) {
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" "
                       "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:se=\"http://www.opengis.net/se\" "
                       "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1.0\" "
                       "xsi:schemaLocation=\"http://www.opengis.net/sld "
                       "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">\n"
                       "<NamedLayer><se:Name>{0}</se:Name><UserStyle><se:Name>{0}</se:Name><se:FeatureTypeStyle>\n"
                       "{1}</se:FeatureTypeStyle></UserStyle></NamedLayer>\n</StyledLayerDescriptor>\n",
                       xml_escape(layer), rules);
}

std::string property(std::string_view field) {
    return fmt::format("<ogc:PropertyName>{}</ogc:PropertyName>", xml_escape(field));
}

} // namespace

std::string sld_categorized(std::string_view layer, std::string_view field, const std::vector<Category>& classes,
                            SymbolKind kind) {
    std::string rules;
    for (const auto& c : classes) {
        const std::string filter = fmt::format("<ogc:PropertyIsEqualTo>{}<ogc:Literal>{}</ogc:Literal></ogc:PropertyIsEqualTo>",
                                               property(field), xml_escape(c.value));
        rules += rule(c.label, filter, kind, c.color);
    }
    return document(layer, rules);
}

std::string sld_graduated(std::string_view layer, std::string_view field, const std::vector<Range>& classes,
                          SymbolKind kind) {
    std::string rules;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto& c = classes[i];
        // The first class includes its lower bound; the others start above the previous class (as in QGIS).
        const char* op = i == 0 ? "PropertyIsGreaterThanOrEqualTo" : "PropertyIsGreaterThan";
        const std::string lower = fmt::format("<ogc:{0}>{1}<ogc:Literal>{2}</ogc:Literal></ogc:{0}>", op, property(field), c.lower);
        const std::string upper = fmt::format(
            "<ogc:PropertyIsLessThanOrEqualTo>{}<ogc:Literal>{}</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo>", property(field), c.upper);
        rules += rule(c.label, fmt::format("<ogc:And>{}{}</ogc:And>", lower, upper), kind, c.color);
    }
    return document(layer, rules);
}

} // namespace bostad::style
