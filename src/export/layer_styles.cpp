#include "export/layer_styles.hpp"

#include <fmt/format.h>

#include "core/domain.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/markup.hpp"
#include "style/qml.hpp"
#include "style/sld.hpp"

namespace bostad {
std::span<const EmbeddedFile> gis_files(); // generated from gis/ by cmake/embed.cmake
}

namespace bostad::exports {
namespace {

using style::Category;
using style::SymbolKind;

template <typename E>
std::vector<Category> code_categories(std::span<const Code<E>> codes, const std::map<std::string, style::Rgb, std::less<>>& colors,
                                      std::string_view palette_key) {
    std::vector<Category> out;
    for (const auto& c : codes) {
        const auto it = colors.find(c.code);
        if (it == colors.end()) throw InternalError(fmt::format("gis/palette.json: {} has no colour for '{}'", palette_key, c.code));
        out.push_back({std::string(c.code), std::string(c.sv), it->second});
    }
    return out;
}

SymbolKind symbol_for(gdal::GeometryKind g) {
    switch (g) {
    case gdal::GeometryKind::point:
    case gdal::GeometryKind::multipoint: return SymbolKind::marker;
    case gdal::GeometryKind::multilinestring: return SymbolKind::line;
    default: return SymbolKind::fill;
    }
}

std::string_view qgis_geometry_type(gdal::GeometryKind g) {
    switch (symbol_for(g)) {
    case SymbolKind::marker: return "0";
    case SymbolKind::line: return "1";
    default: return "2";
    }
}

} // namespace

std::string_view gis_file(std::string_view path) {
    const EmbeddedFile* f = find_embedded(gis_files(), path);
    if (!f) throw InternalError(fmt::format("gis/{} is not compiled in", path));
    return f->text;
}

LayerStyle layer_style(const LayerSpec& layer, const std::vector<std::pair<std::string, std::string>>& municipalities) {
    const style::Palette& pal = style::palette();
    std::map<std::string, std::string, std::less<>> values;
    std::vector<std::pair<std::string_view, std::string_view>> aliases;
    for (const auto& f : layer.fields) aliases.emplace_back(f.name, f.alias);
    values["aliases"] = style::aliases_xml(aliases);

    LayerStyle out;
    std::vector<Category> categories;
    std::string field;
    SymbolKind kind = symbol_for(layer.geometry);
    switch (layer.id) {
    case LayerId::areas: {
        const auto ranges = style::capacity_ranges(pal, true);
        values["classes"] = style::ranges_xml(ranges, kind);
        out.sld = style::sld_graduated(layer.table, "remaining_capacity", ranges, kind);
        out.name = "Återstående kapacitet";
        out.renderer = "graduatedSymbol";
        break;
    }
    case LayerId::permits:
        categories = code_categories(stage_codes(), pal.stage, "stage");
        field = "stage";
        out.name = "Skede vid månadens slut";
        break;
    case LayerId::plans:
        categories = code_categories(plan_status_codes(), pal.plan_status, "plan_status");
        field = "status";
        out.name = "Planstatus";
        break;
    case LayerId::municipalities:
        for (const auto& [code, name] : municipalities) categories.push_back({code, name, pal.municipality_color(code)});
        field = "municipality";
        kind = SymbolKind::outline;
        out.name = "Kommungränser";
        break;
    case LayerId::rejected_points:
    case LayerId::rejected_lines:
    case LayerId::rejected_polygons:
        for (const auto& [value, label] : {std::pair{"permits", "bygglov"}, {"plans", "detaljplaner"}, {"areas", "områden"}}) {
            const auto it = pal.rejected_kind.find(value);
            if (it == pal.rejected_kind.end()) throw InternalError(fmt::format("gis/palette.json: rejected_kind has no '{}'", value));
            categories.push_back({value, label, it->second});
        }
        field = "kind";
        values["geometry_type"] = qgis_geometry_type(layer.geometry);
        out.name = "Avvisade rader per slag";
        break;
    }
    if (!field.empty()) {
        values["classes"] = style::categories_xml(categories, kind);
        out.sld = style::sld_categorized(layer.table, field, categories, kind);
        out.renderer = "categorizedSymbol";
    }
    out.qml = fill_template(gis_file(layer.style), values, fmt::format("gis/{}", layer.style));
    return out;
}

} // namespace bostad::exports
