#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "geos/context.hpp"
#include "geos/ops.hpp"
#include "sqlite/database.hpp"

namespace bostad::exports {

void write_rejected(sqlite::Database& db, gdal::LayerWriter& points, gdal::LayerWriter& lines, gdal::LayerWriter& polygons) {
    const geos::Context ctx;
    auto st = db.prepare("SELECT geom, run_id, kind, municipality, source_file, source_row, source_fid, reason_code, field, "
                         "message, raw_attributes FROM rejected_rows WHERE geom IS NOT NULL ORDER BY fid");
    using gdal::FieldValue;
    const auto text = [&](int col) { return st.is_null(col) ? FieldValue{} : FieldValue{st.column_text(col)}; };
    const auto integer = [&](int col) { return st.is_null(col) ? FieldValue{} : FieldValue{st.column_int64(col)}; };
    while (st.step()) {
        const auto wkb = gpkg_blob_wkb(st.column_blob(0));
        if (wkb.empty()) continue; // not a GeoPackage geometry: nothing to draw (the row stays in the store)
        const std::vector<FieldValue> v{integer(1), text(2), text(3), text(4), integer(5), text(6),
                                        text(7),    text(8), text(9), text(10)};
        switch (geos::dimension(ctx, ctx.from_wkb(wkb).get())) {
        case 0: points.add(v, wkb); break;
        case 1: lines.add(v, wkb); break;
        default: polygons.add(v, wkb); break;
        }
    }
}

} // namespace bostad::exports
