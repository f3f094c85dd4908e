#include "gdal/vector_reader.hpp"

#include <filesystem>

#include <cpl_string.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/runtime.hpp"
#include "gdal/srs.hpp"

namespace bostad::gdal {
namespace fs = std::filesystem;

namespace {

std::string lower_ext(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool is_utf8_name(const std::string& encoding) {
    const std::string e = lower_sv(encoding);
    return e == "utf-8" || e == "utf8";
}

std::string separator_name(char c) {
    switch (c) {
    case ';': return "SEMICOLON";
    case '\t': return "TAB";
    case '|': return "PIPE";
    default: return "COMMA";
    }
}

std::vector<std::string> open_options(const std::string& path, const SourceOptions& options, bool& gdal_decodes) {
    std::vector<std::string> out;
    const std::string ext = lower_ext(path);
    gdal_decodes = false;
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv") {
        // Every value as text: bostad parses numbers (decimal comma) and dates itself.
        out = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=YES", "KEEP_GEOM_COLUMNS=YES"};
        if (options.csv_separator) out.push_back("SEPARATOR=" + separator_name(*options.csv_separator));
    } else if (ext == ".xlsx" || ext == ".ods") {
        out = {"HEADERS=FORCE", "FIELD_TYPES=AUTO"};
    } else if (ext == ".shp" || ext == ".dbf") {
        std::error_code ec;
        const bool has_cpg = fs::exists(fs::path(path).replace_extension(".cpg"), ec) ||
                             fs::exists(fs::path(path).replace_extension(".CPG"), ec);
        if (!has_cpg && options.encoding) out.push_back("ENCODING=" + *options.encoding);
        gdal_decodes = true; // from the .cpg, the LDID or the option above
    }
    return out;
}

std::string list_layers(GDALDataset& ds) {
    std::vector<std::string> names;
    for (auto* l : ds.GetLayers()) names.emplace_back(l->GetName());
    return join(names, ", ");
}

} // namespace

void DatasetDeleter::operator()(GDALDataset* ds) const noexcept { GDALClose(ds); }

VectorReader::VectorReader(const std::string& path, const SourceOptions& options) : m_path(path) {
    ensure_initialized();

    bool gdal_decodes = false;
    const auto opts = open_options(path, options, gdal_decodes);
    std::vector<const char*> raw;
    for (const auto& o : opts) raw.push_back(o.c_str());
    raw.push_back(nullptr);
    ErrorCollector errors;
    m_ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, raw.data(), nullptr));
    if (!m_ds) {
        throw InputError(fmt::format("{}: not a vector format GDAL can read{}", path,
                                     errors.messages().empty() ? "" : " (" + errors.last_or("") + ")"));
    }
    const int layers = m_ds->GetLayerCount();
    if (layers == 0) throw InputError(fmt::format("{}: holds no vector layer", path));
    if (options.layer) {
        m_layer = m_ds->GetLayerByName(options.layer->c_str());
        if (!m_layer) {
            throw UsageError(fmt::format("--layer: {} has no layer '{}' (layers: {})", path, *options.layer, list_layers(*m_ds)));
        }
    } else if (layers > 1) {
        throw UsageError(fmt::format("{} has {} layers ({}): choose one with --layer", path, layers, list_layers(*m_ds)));
    } else {
        m_layer = m_ds->GetLayer(0);
    }

    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn->GetFieldDefn(i);
        m_names.emplace_back(f->GetNameRef());
        switch (f->GetType()) {
        case OFTInteger:
        case OFTInteger64:
        case OFTReal: m_types.push_back(ValueType::number); break;
        case OFTDate:
        case OFTDateTime: m_types.push_back(ValueType::date); break;
        default: m_types.push_back(ValueType::text); break;
        }
    }
    if (const OGRSpatialReference* srs = m_layer->GetSpatialRef()) {
        char* wkt = nullptr;
        srs->exportToWkt(&wkt);
        m_crs_wkt = wkt ? wkt : "";
        CPLFree(wkt);
        m_crs_name = crs_name_of_wkt(m_crs_wkt);
    }
    if (!gdal_decodes && options.encoding && !is_utf8_name(*options.encoding)) m_recode_from = options.encoding;
    m_layer->ResetReading();
}

VectorReader::~VectorReader() = default;

std::string VectorReader::format() const { return m_ds->GetDriverName(); }

bool VectorReader::has_geometry() const { return m_layer->GetGeomType() != wkbNone; }
std::string VectorReader::layer_name() const { return m_layer->GetName(); }

std::optional<std::int64_t> VectorReader::fast_count() const {
    if (!m_layer->TestCapability(OLCFastFeatureCount)) return std::nullopt;
    return m_layer->GetFeatureCount(FALSE);
}

bool VectorReader::next(SourceRow& row) {
    ErrorCollector errors;
    OGRFeatureUniquePtr f(m_layer->GetNextFeature());
    if (!f) return false;
    row.number = ++m_count;
    row.fid = f->GetFID() == OGRNullFID ? -1 : static_cast<std::int64_t>(f->GetFID());
    row.values.resize(m_names.size());
    for (int i = 0; i < static_cast<int>(m_names.size()); ++i) {
        auto& slot = row.values[static_cast<std::size_t>(i)];
        if (!f->IsFieldSetAndNotNull(i)) {
            slot.reset();
            continue;
        }
        const auto idx = static_cast<std::size_t>(i);
        if (m_types[idx] == ValueType::date) {
            int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
            float ss = 0;
            f->GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
            slot = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        } else if (m_recode_from) {
            slot = recode_to_utf8(f->GetFieldAsString(i), *m_recode_from);
        } else if (slot) {
            slot->assign(f->GetFieldAsString(i)); // reuses the string's buffer
        } else {
            slot.emplace(f->GetFieldAsString(i));
        }
    }
    row.wkb.clear();
    if (const OGRGeometry* g = f->GetGeometryRef()) {
        std::unique_ptr<OGRGeometry> linear;
        if (g->hasCurveGeometry()) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        if (g) {
            row.wkb.resize(static_cast<std::size_t>(g->WkbSize()));
            g->exportToWkb(wkbNDR, row.wkb.data(), wkbVariantIso);
        }
    }
    row.notes.clear();
    for (const auto& m : errors.messages()) row.notes.push_back(m.text);
    return true;
}

} // namespace bostad::gdal
