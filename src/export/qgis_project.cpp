#include "export/qgis_project.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/markup.hpp"
#include "export/layer_styles.hpp"
#include "gdal/srs.hpp"
#include "gdal/zip.hpp"
#include "sqlite/database.hpp"

namespace bostad::exports {
namespace {

std::string crs_xml() {
    return fmt::format("<spatialrefsys><wkt>{}</wkt><proj4>+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m "
                       "+no_defs</proj4><srid>3006</srid><authid>EPSG:3006</authid><description>SWEREF99 TM</description>"
                       "<projectionacronym>utm</projectionacronym><ellipsoidacronym>EPSG:7019</ellipsoidacronym>"
                       "<geographicflag>false</geographicflag></spatialrefsys>",
                       xml_escape(gdal::srs_wkt(3006)));
}

std::string layer_id(const LayerSpec& spec) { return fmt::format("bostad_{}", spec.table); }

std::string_view wkb_type(gdal::GeometryKind g) {
    switch (g) {
    case gdal::GeometryKind::point: return "Point";
    case gdal::GeometryKind::multipoint: return "MultiPoint";
    case gdal::GeometryKind::multilinestring: return "MultiLineString";
    case gdal::GeometryKind::multipolygon: return "MultiPolygon";
    default: return "Unknown";
    }
}

std::string_view geometry_name(gdal::GeometryKind g) {
    switch (g) {
    case gdal::GeometryKind::point:
    case gdal::GeometryKind::multipoint: return "Point";
    case gdal::GeometryKind::multilinestring: return "Line";
    default: return "Polygon";
    }
}

/// A <maplayer> from a style: the attributes of the style's <qgis> root and everything inside it.
std::string map_layer(const ProjectInputs& in, const ProjectLayer& layer, const std::string& crs) {
    const std::string& qml = layer.qml;
    const std::size_t root = qml.find("<qgis ");
    const std::size_t root_end = root == std::string::npos ? root : qml.find('>', root);
    const std::size_t close = qml.rfind("</qgis>");
    if (root_end == std::string::npos || close == std::string::npos || close < root_end) {
        throw InternalError(fmt::format("the style of '{}' has no <qgis> element", layer.spec->table));
    }
    const std::string attributes = qml.substr(root + 6, root_end - root - 6);
    const std::string inner = qml.substr(root_end + 1, close - root_end - 1);
    const std::string source = fmt::format("./{}|layername={}", in.gpkg_file_name, layer.spec->table);
    return fmt::format("    <maplayer type=\"vector\" geometry=\"{}\" wkbType=\"{}\" {}>\n"
                       "      <id>{}</id>\n      <datasource>{}</datasource>\n      <layername>{}</layername>\n"
                       "      <srs>{}</srs>\n      <provider encoding=\"UTF-8\">ogr</provider>\n{}\n    </maplayer>\n",
                       geometry_name(layer.spec->geometry), wkb_type(layer.spec->geometry), attributes,
                       layer_id(*layer.spec), xml_escape(source), xml_escape(layer.spec->title), crs, inner);
}

} // namespace

std::string project_xml(const ProjectInputs& in) {
    const std::string crs = crs_xml();
    std::string tree, layers, order;
    for (const auto& l : in.layers) {
        const std::string id = layer_id(*l.spec);
        const std::string source = fmt::format("./{}|layername={}", in.gpkg_file_name, l.spec->table);
        tree += fmt::format("    <layer-tree-layer id=\"{}\" name=\"{}\" source=\"{}\" providerKey=\"ogr\" checked=\"Qt::Checked\" "
                            "expanded=\"{}\"><customproperties/></layer-tree-layer>\n",
                            id, xml_escape(l.spec->title), xml_escape(source), l.spec->id == LayerId::areas ? 1 : 0);
        layers += map_layer(in, l, crs);
        order += fmt::format("    <layer id=\"{}\"/>\n", id);
    }
    // The view: the areas with a margin of 5 %.
    const double dx = (in.extent.max_x - in.extent.min_x) * 0.05, dy = (in.extent.max_y - in.extent.min_y) * 0.05;
    const auto num = [](double v) { return fmt::format("{:.3f}", v); };
    // The layout's map is 190 × 168 mm: widen the extent to that shape so nothing is cut off.
    double mx0 = in.extent.min_x - dx, mx1 = in.extent.max_x + dx, my0 = in.extent.min_y - dy, my1 = in.extent.max_y + dy;
    const double aspect = 190.0 / 168.0;
    if ((mx1 - mx0) / (my1 - my0) < aspect) {
        const double grow = ((my1 - my0) * aspect - (mx1 - mx0)) / 2;
        mx0 -= grow;
        mx1 += grow;
    } else {
        const double grow = ((mx1 - mx0) / aspect - (my1 - my0)) / 2;
        my0 -= grow;
        my1 += grow;
    }
    const std::map<std::string, std::string, std::less<>> values{
        {"title", xml_escape(in.title)},
        {"crs", crs},
        {"layer_tree", tree},
        {"map_layers", layers},
        {"layer_order", order},
        {"xmin", num(in.extent.min_x - dx)},
        {"ymin", num(in.extent.min_y - dy)},
        {"xmax", num(in.extent.max_x + dx)},
        {"ymax", num(in.extent.max_y + dy)},
        {"map_xmin", num(mx0)},
        {"map_ymin", num(my0)},
        {"map_xmax", num(mx1)},
        {"map_ymax", num(my1)},
        {"layout_name", xml_escape(in.title)},
        {"legend_title", "Teckenförklaring"},
        {"date_text", xml_escape(in.date_text)},
    };
    return fill_template(gis_file("project/bostad.qgs"), values, "gis/project/bostad.qgs");
}

void store_project(sqlite::Database& gpkg, const std::string& name, const std::string& qgs_xml, const std::string& written_at) {
    const auto zipped = gdal::zip_archive({{"bostad.qgs", qgs_xml}});
    std::string hex;
    hex.reserve(zipped.size() * 2);
    for (const std::uint8_t b : zipped) hex += fmt::format("{:02x}", b);
    gpkg.exec("CREATE TABLE IF NOT EXISTS qgis_projects (name TEXT PRIMARY KEY, metadata BLOB, content BLOB)");
    const std::string metadata =
        fmt::format("{{\"last_modified_time\": \"{}\", \"last_modified_user\": \"bostad\" }}", written_at);
    gpkg.prepare("INSERT OR REPLACE INTO qgis_projects (name, metadata, content) VALUES (?1, ?2, ?3)")
        .bind_all(name, metadata, hex)
        .run();
}

} // namespace bostad::exports
