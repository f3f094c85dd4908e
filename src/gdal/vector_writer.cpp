#include "gdal/vector_writer.hpp"

#include <filesystem>

#include <cpl_string.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/crash_point.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "gdal/runtime.hpp"

namespace bostad::gdal {
namespace {

class CslOptions {
public:
    explicit CslOptions(const std::vector<std::string>& items) {
        for (const auto& i : items) m_list = CSLAddString(m_list, i.c_str());
    }
    CslOptions(const CslOptions&) = delete;
    CslOptions& operator=(const CslOptions&) = delete;
    ~CslOptions() { CSLDestroy(m_list); }
    char** get() const { return m_list; }

private:
    char** m_list = nullptr;
};

OGRwkbGeometryType ogr_type(GeometryKind k) {
    switch (k) {
    case GeometryKind::none: return wkbNone;
    case GeometryKind::point: return wkbPoint;
    case GeometryKind::multipoint: return wkbMultiPoint;
    case GeometryKind::multilinestring: return wkbMultiLineString;
    case GeometryKind::multipolygon: return wkbMultiPolygon;
    case GeometryKind::geometry: return wkbUnknown;
    }
    return wkbUnknown;
}

OGRFieldType ogr_field(FieldType t) {
    switch (t) {
    case FieldType::string: return OFTString;
    case FieldType::integer: return OFTInteger64;
    case FieldType::real: return OFTReal;
    case FieldType::date: return OFTDate;
    case FieldType::boolean: return OFTInteger;
    case FieldType::datetime: return OFTDateTime;
    }
    return OFTString;
}

} // namespace

void DatasetCloser::operator()(GDALDataset* ds) const noexcept { GDALClose(ds); }

LayerWriter::LayerWriter(OGRLayer* layer, std::string dataset_path, int source_epsg, int layer_epsg)
    : m_layer(layer), m_path(std::move(dataset_path)) {
    if (source_epsg != layer_epsg && layer_epsg > 0) m_transform = std::make_unique<Transformer>(source_epsg, layer_epsg);
}

LayerWriter::LayerWriter(LayerWriter&&) noexcept = default;
LayerWriter::~LayerWriter() = default;

void LayerWriter::add(const std::vector<FieldValue>& values, std::span<const std::uint8_t> wkb) {
    crash_point("write.feature");
    ErrorCollector errors;
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(m_layer->GetLayerDefn()));
    const int n = std::min(static_cast<int>(values.size()), feature->GetFieldCount());
    for (int i = 0; i < n; ++i) {
        const auto& v = values[static_cast<std::size_t>(i)];
        if (std::holds_alternative<std::monostate>(v)) {
            feature->SetFieldNull(i);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            const auto date = Date::parse_iso(*s);
            if (feature->GetFieldDefnRef(i)->GetType() == OFTDate && date) {
                feature->SetField(i, date->year(), date->month(), date->day());
            } else if (m_text_transform) {
                feature->SetField(i, m_text_transform(*s).c_str());
            } else {
                feature->SetField(i, s->c_str());
            }
        } else if (const auto* in = std::get_if<std::int64_t>(&v)) {
            feature->SetField(i, static_cast<GIntBig>(*in));
        } else if (const auto* d = std::get_if<double>(&v)) {
            feature->SetField(i, *d);
        }
    }
    if (!wkb.empty()) {
        OGRGeometry* geom = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geom, wkb.size()) != OGRERR_NONE || !geom) {
            throw InternalError(fmt::format("{}: cannot decode a geometry to write", m_path));
        }
        std::unique_ptr<OGRGeometry> owner(geom);
        if (m_transform && geom->transform(m_transform->handle()) != OGRERR_NONE) {
            throw IoError(fmt::format("{}: cannot transform a geometry: {}", m_path, errors.last_or("PROJ failed")));
        }
        const OGRwkbGeometryType layer_type = wkbFlatten(m_layer->GetGeomType());
        if (OGR_GT_IsSubClassOf(layer_type, wkbGeometryCollection) && layer_type != wkbFlatten(geom->getGeometryType())) {
            // A polygon into a multipolygon layer, and so on: the single part becomes a collection of one.
            owner.reset(OGRGeometryFactory::forceTo(owner.release(), layer_type));
        }
        feature->SetGeometryDirectly(owner.release());
    }
    if (m_layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        throw IoError(fmt::format("{}: cannot write a feature to layer '{}': {}", m_path, m_layer->GetName(),
                                  errors.last_or("no reason given")));
    }
    ++m_count;
}

VectorWriter::VectorWriter(const std::string& path, const std::string& driver_name, const std::vector<std::string>& options)
    : m_path(path) {
    ensure_initialized();
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) throw UsageError(fmt::format("'{}' already exists", path));
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw InternalError(fmt::format("GDAL has no {} driver", driver_name));
    ErrorCollector errors;
    CslOptions opts(options);
    m_ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, opts.get()));
    if (!m_ds) throw IoError(fmt::format("cannot create '{}': {}", path, errors.last_or("no reason given")));
}

VectorWriter::~VectorWriter() = default;

LayerWriter VectorWriter::add_layer(const std::string& name, GeometryKind kind, int epsg,
                                    const std::vector<FieldDef>& fields, const std::vector<std::string>& options) {
    ErrorCollector errors;
    SpatialReference srs;
    if (kind != GeometryKind::none) srs = make_srs(epsg);
    CslOptions opts(options);
    OGRLayer* layer = m_ds->CreateLayer(name.c_str(), srs.get(), ogr_type(kind), opts.get());
    if (!layer) throw IoError(fmt::format("{}: cannot create layer '{}': {}", m_path, name, errors.last_or("no reason")));
    for (const auto& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), ogr_field(f.type));
        if (f.type == FieldType::boolean) defn.SetSubType(OFSTBoolean);
        if (f.width > 0) defn.SetWidth(f.width);
        if (!f.alias.empty()) defn.SetAlternativeName(f.alias.c_str());
        if (!f.domain.empty()) defn.SetDomainName(f.domain);
        if (layer->CreateField(&defn) != OGRERR_NONE) {
            throw IoError(fmt::format("{}: cannot create field '{}' in '{}': {}", m_path, f.name, name,
                                      errors.last_or("no reason")));
        }
    }
    return LayerWriter(layer, m_path, k_store_epsg, kind == GeometryKind::none ? 0 : epsg);
}

void VectorWriter::add_coded_domain(const std::string& name, const std::string& description,
                                    const std::vector<CodedValue>& values) {
    std::vector<OGRCodedValue> coded;
    coded.reserve(values.size());
    for (const auto& v : values) {
        // OGRCodedFieldDomain takes ownership of CPLStrdup'ed strings.
        coded.push_back(OGRCodedValue{CPLStrdup(v.code.c_str()), CPLStrdup(v.label.c_str())});
    }
    auto domain = std::make_unique<OGRCodedFieldDomain>(name, description, OFTString, OFSTNone, std::move(coded));
    ErrorCollector errors;
    std::string failure;
    if (!m_ds->AddFieldDomain(std::move(domain), failure)) {
        throw IoError(fmt::format("{}: cannot add the field domain '{}': {}", m_path, name,
                                  failure.empty() ? errors.last_or("no reason given") : failure));
    }
}

void VectorWriter::set_metadata_item(const std::string& key, const std::string& value) {
    ErrorCollector errors;
    if (m_ds->SetMetadataItem(key.c_str(), value.c_str()) != CE_None) {
        throw IoError(fmt::format("{}: cannot set metadata '{}': {}", m_path, key, errors.last_or("no reason given")));
    }
}

void VectorWriter::begin_transaction() {
    ErrorCollector errors;
    if (m_ds->StartTransaction() != OGRERR_NONE) {
        throw IoError(fmt::format("{}: cannot start a transaction: {}", m_path, errors.last_or("no reason given")));
    }
}

void VectorWriter::commit_transaction() {
    ErrorCollector errors;
    if (m_ds->CommitTransaction() != OGRERR_NONE) {
        throw IoError(fmt::format("{}: cannot commit: {}", m_path, errors.last_or("no reason given")));
    }
}

void VectorWriter::execute_sql(const std::string& sql) {
    ErrorCollector errors;
    OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) m_ds->ReleaseResultSet(result);
    if (errors.has_failure()) throw IoError(fmt::format("{}: SQL failed: {}", m_path, errors.last_or("")));
}

void VectorWriter::close() {
    if (!m_ds) return;
    ErrorCollector errors;
    GDALClose(m_ds.release());
    if (errors.has_failure()) throw IoError(fmt::format("cannot finish writing '{}': {}", m_path, errors.last_or("flush failed")));
}

} // namespace bostad::gdal
