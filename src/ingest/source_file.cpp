#include "ingest/source_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/srs.hpp"

namespace bostad::ingest {
namespace {

gdal::ReaderOptions reader_options(const IngestRequest& request, const config::Mapping* mapping) {
    gdal::ReaderOptions o;
    o.layer = request.layer;
    if (mapping) {
        o.encoding = mapping->encoding;
        o.csv_separator = mapping->separator;
    }
    return o;
}

/// The fields a kind cannot do without; a file lacking one is refused as a whole.
void require_bound(const Binding& b, DataKind kind, bool has_geometry_column, const std::string& file,
                   const config::Mapping* mapping, const std::vector<std::string>& names) {
    std::vector<Field> required;
    switch (kind) {
    case DataKind::permits: required = {Field::case_id, Field::dwellings, Field::applied_date}; break;
    case DataKind::plans: required = {Field::plan_id, Field::status}; break;
    case DataKind::areas: required = {Field::area_id}; break;
    }
    const std::string hint = mapping ? fmt::format("name it in [mapping.{}.fields]", mapping->name)
                                     : "use the canonical name or give a mapping (--mapping NAME)";
    for (Field f : required) {
        if (!b.has(f)) {
            throw UsageError(fmt::format("{} has no field for {}: {} (fields in the file: {})", file, field_name(f), hint,
                                         join(names, ", ")));
        }
    }
    const bool xy = b.has(Field::x) && b.has(Field::y);
    if (!xy && !b.has(Field::wkt) && !has_geometry_column) {
        throw UsageError(fmt::format("{} has no geometry: give the coordinate fields x and y (or a wkt field); {}", file, hint));
    }
}

std::vector<DateFormat> date_formats(const config::Mapping* mapping) {
    std::vector<DateFormat> out;
    if (mapping) {
        for (const auto& name : mapping->date_formats) {
            if (auto f = parse_date_format(name)) out.push_back(*f);
        }
    }
    if (out.empty()) out.push_back(DateFormat::iso);
    return out;
}

} // namespace

SourceFile::SourceFile(const std::string& path, const IngestRequest& request, const config::Config* config,
                       const config::Mapping* mapping)
    : m_config(config), m_kind(request.kind), m_reader(path, reader_options(request, mapping)) {
    m_settings.kind = request.kind;
    m_settings.binding = bind_fields(m_reader.field_names(), request.kind, mapping, path);
    m_settings.types = m_reader.field_types();
    m_settings.source_names = m_reader.field_names();
    m_settings.date_formats = date_formats(mapping);
    m_settings.decimal = mapping && mapping->decimal ? *mapping->decimal : '.';
    m_settings.mapping = mapping;
    m_settings.municipality = request.municipality;
    if (!m_settings.municipality && mapping) m_settings.municipality = mapping->municipality;
    m_settings.config = config;
    require_bound(m_settings.binding, request.kind, !m_reader.crs_wkt().empty() || m_reader.driver() != "CSV", path,
                  mapping, m_reader.field_names());

    // The CRS: --crs overrides the file; the mapping's applies only when the file has none.
    std::string wkt;
    std::optional<int> epsg;
    if (request.crs) {
        epsg = gdal::parse_epsg(*request.crs, "--crs");
        m_crs_label = ingest::crs_label(*epsg);
    } else if (!m_reader.crs_wkt().empty()) {
        wkt = m_reader.crs_wkt();
        m_crs_label = m_reader.crs_name();
        if (m_reader.crs_name().starts_with("EPSG:")) epsg = std::stoi(m_reader.crs_name().substr(5));
    } else if (mapping && mapping->crs) {
        epsg = gdal::parse_epsg(*mapping->crs, fmt::format("mapping '{}': crs", mapping->name));
        m_crs_label = ingest::crs_label(*epsg);
    } else {
        throw UsageError(fmt::format("{} has no CRS: give it with --crs EPSG:n{}", path,
                                     mapping ? fmt::format(" or crs = \"EPSG:n\" in [mapping.{}]", mapping->name) : ""));
    }
    if (wkt.empty()) wkt = gdal::srs_wkt(*epsg);
    m_checker = std::make_unique<GeometryChecker>(wkt, m_crs_label, epsg, request.max_repair_area_change);
}

const MunicipalityExtent& SourceFile::extent(const std::string& code) {
    auto it = m_extents.find(code);
    if (it == m_extents.end()) {
        const config::Municipality* m = m_config ? m_config->find_municipality(code) : nullptr;
        it = m_extents.emplace(code, extent_of(code, m ? m->name : "")).first;
    }
    return it->second;
}

std::string SourceFile::raw_json(const gdal::ReadRow& row) const {
    // Only the fields bostad reads: personal data in other columns is never stored.
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (int i : m_settings.binding.bound_sources()) {
        const auto idx = static_cast<std::size_t>(i);
        const auto& v = row.values[idx];
        j[escape_invalid_utf8(m_settings.source_names[idx])] = v ? nlohmann::ordered_json(escape_invalid_utf8(*v)) : nullptr;
    }
    return j.dump();
}

template <typename Record, typename ConvertFn>
void SourceFile::read_rows(Batch<Record>& batch, Progress* progress, ConvertFn convert) {
    gdal::ReadRow row;
    const auto total = m_reader.fast_count();
    const std::string stage = fmt::format("reading {}", m_reader.path());
    while (m_reader.next(row)) {
        ++batch.read;
        if (progress && row.number % 4096 == 0) progress->update(stage, row.number, total);
        Converted<Record> c = convert(row, m_settings);
        if (!c.key.empty() && !c.municipality.empty()) batch.seen.emplace(c.municipality, c.key);
        RowOrigin origin{m_reader.path(), row.number, row.fid, raw_json(row)};
        std::optional<Problem> problem = c.problem;
        GeometryResult g;
        if (!problem) {
            const MunicipalityExtent& area = extent(c.municipality.empty() ? std::string("0000") : c.municipality);
            if (const auto* xy = std::get_if<XyInput>(&c.geometry)) {
                g = m_checker->check_point(xy->x, xy->y, area);
            } else if (const auto* wkt = std::get_if<WktInput>(&c.geometry)) {
                g = m_checker->check_wkt(m_kind, wkt->text, area);
            } else if (const auto* wkb = std::get_if<WkbInput>(&c.geometry)) {
                g = m_checker->check(m_kind, wkb->wkb, area);
            } else {
                g.problem = Problem{Reason::missing_geometry, "geometry", "the row has no geometry and no coordinates"};
            }
            problem = g.problem;
        }
        if (problem) {
            if (!row.notes.empty()) problem->message += fmt::format(" (GDAL: {})", join(row.notes, "; "));
            batch.rejected.push_back({std::move(origin), std::move(*problem), c.municipality, c.key,
                                      std::move(g.quarantine_wkb),
                                      g.raw_wkt.empty() ? std::nullopt : std::optional(g.raw_wkt)});
            continue;
        }
        Record& r = *c.record;
        CheckedGeometry& geom = *g.ok;
        if constexpr (std::is_same_v<Record, PermitRecord>) {
            r.x = geom.x;
            r.y = geom.y;
            r.footprint = std::move(geom.footprint);
            r.footprint_repair = geom.repair;
        } else {
            r.geom = std::move(geom.wkb);
            r.geometry_repair = geom.repair;
        }
        if (geom.repair) ++batch.repaired;
        batch.accepted.push_back({std::move(r), std::move(origin)});
    }
    if (progress) progress->finish();
}

void SourceFile::read_into(Batch<PermitRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_permit); }
void SourceFile::read_into(Batch<PlanRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_plan); }
void SourceFile::read_into(Batch<AreaRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_area); }

} // namespace bostad::ingest
