#include "store/postgis/styles.hpp"

#include <algorithm>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "export/layer_schema.hpp"
#include "export/layer_styles.hpp"
#include "pg/connection.hpp"

namespace bostad {
std::span<const EmbeddedFile> schema_files(); // generated from schemas/ by cmake/embed.cmake
}

namespace bostad::store::postgis {
namespace {

struct StyledLayer {
    const char* table;
    exports::LayerId style;
    const char* description;
};

constexpr StyledLayer k_layers[] = {
    {"permit_stages", exports::LayerId::permits, "bostad: building permits by their stage today"},
    {"plans", exports::LayerId::plans, "bostad: detaljplaner by status"},
    {"areas", exports::LayerId::municipalities, "bostad: areas of every area set, by municipality"},
};

} // namespace

void write_styles(pg::Connection& c, const std::vector<std::pair<std::string, std::string>>& municipalities) {
    const EmbeddedFile* sql = find_embedded(schema_files(), "postgis/styles.sql");
    if (!sql) throw InternalError("schemas/postgis/styles.sql is not compiled in");
    c.exec_script(sql->text);
    for (const auto& layer : k_layers) {
        const exports::LayerStyle style = exports::layer_style(exports::layer_spec(layer.style), municipalities);
        c.exec("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND f_table_schema = $1 "
               "AND f_table_name = $2 AND f_geometry_column = 'geom' AND stylename = $3",
               {c.schema(), std::string(layer.table), style.name});
        c.exec("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
               "stylename, styleqml, stylesld, useasdefault, description) VALUES (current_database(), $1, $2, 'geom', $3, "
               "XMLPARSE(DOCUMENT $4), XMLPARSE(DOCUMENT $5), true, $6)",
               {c.schema(), std::string(layer.table), style.name, style.qml, style.sld, std::string(layer.description)});
    }
}

std::vector<std::pair<std::string, std::string>> store_municipalities(pg::Connection& c,
                                                                      const std::vector<std::pair<std::string, std::string>>& names) {
    // The permits' municipalities by skipping through the (municipality, case_id) key, one probe per
    // municipality, instead of reading every permit.
    pg::Result r = c.exec("WITH RECURSIVE m AS (SELECT min(municipality) AS code FROM permits UNION ALL "
                          "SELECT (SELECT min(municipality) FROM permits WHERE municipality > m.code) FROM m WHERE m.code IS NOT NULL) "
                          "SELECT code FROM m WHERE code IS NOT NULL UNION SELECT municipality FROM areas "
                          "WHERE municipality IS NOT NULL ORDER BY 1");
    std::vector<std::pair<std::string, std::string>> out;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string code = r.text(i, 0);
        const auto known = std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == code; });
        out.emplace_back(code, known == names.end() ? code : known->second);
    }
    return out;
}

} // namespace bostad::store::postgis
