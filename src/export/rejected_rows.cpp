#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "geos/context.hpp"
#include "geos/ops.hpp"
#include "store/feature_source.hpp"

namespace bostad::exports {

void write_rejected(store::FeatureSource& features, gdal::LayerWriter& points, gdal::LayerWriter& lines,
                    gdal::LayerWriter& polygons) {
    const geos::Context ctx;
    using gdal::FieldValue;
    const auto text = [](const std::optional<std::string>& t) { return t ? FieldValue{*t} : FieldValue{}; };
    const auto integer = [](const std::optional<std::int64_t>& i) { return i ? FieldValue{*i} : FieldValue{}; };
    features.rejected([&](const store::RejectedFeature& r) {
        const std::vector<FieldValue> v{integer(r.run_id), text(r.kind),        text(r.municipality), text(r.source_file),
                                        integer(r.source_row), text(r.source_fid), text(r.reason_code), text(r.field),
                                        text(r.message),  text(r.raw_attributes)};
        switch (geos::dimension(ctx, ctx.from_wkb(r.wkb).get())) {
        case 0: points.add(v, r.wkb); break;
        case 1: lines.add(v, r.wkb); break;
        default: polygons.add(v, r.wkb); break;
        }
    });
}

} // namespace bostad::exports
