#include "support/ogr_read.hpp"

#include <stdexcept>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "gdal/runtime.hpp"

namespace bostad::test {

OgrLayer read_layer(const std::string& path, const std::string& layer_name) {
    gdal::ensure_initialized();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds) throw std::runtime_error("cannot open " + path);
    OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
    if (!layer) throw std::runtime_error("no layer '" + layer_name + "' in " + path);
    OgrLayer out;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
        if (const char* code = srs->GetAuthorityCode(nullptr)) out.srs_authority_code = code;
    }
    for (const auto& f : *layer) {
        OgrRow row;
        for (int i = 0; i < f->GetFieldCount(); ++i) {
            if (f->IsFieldSetAndNotNull(i)) row.fields[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
        }
        if (const OGRGeometry* g = f->GetGeometryRef()) row.wkt = g->exportToWkt();
        out.rows.push_back(std::move(row));
    }
    return out;
}

} // namespace bostad::test
