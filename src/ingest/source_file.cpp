#include "ingest/source_file.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/srs.hpp"
#include "ingest/open_source.hpp"

namespace bostad::ingest {
namespace {

const std::string k_no_municipality = "0000";

SourceOptions reader_options(const IngestRequest& request, const config::Mapping* mapping) {
    SourceOptions o;
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
    : m_config(config), m_kind(request.kind), m_track_seen(request.full_snapshot), m_options(reader_options(request, mapping)), m_reader(open_source(path, m_options)) {
    m_settings.kind = request.kind;
    m_settings.binding = bind_fields(m_reader->field_names(), request.kind, mapping, path);
    m_settings.bound = m_settings.binding.bound_sources();
    m_settings.types = m_reader->field_types();
    m_settings.source_names = m_reader->field_names();
    m_settings.date_formats = date_formats(mapping);
    m_settings.decimal = mapping && mapping->decimal ? *mapping->decimal : '.';
    m_settings.mapping = mapping;
    m_settings.municipality = request.municipality;
    if (!m_settings.municipality && mapping) m_settings.municipality = mapping->municipality;
    m_settings.config = config;
    require_bound(m_settings.binding, request.kind, m_reader->has_geometry(), path,
                  mapping, m_reader->field_names());

    // The CRS: --crs overrides the file; the mapping's applies only when the file has none.
    std::string wkt;
    std::optional<int> epsg;
    if (request.crs) {
        epsg = gdal::parse_epsg(*request.crs, "--crs");
        m_crs_label = ingest::crs_label(*epsg);
    } else if (!m_reader->crs_wkt().empty()) {
        wkt = m_reader->crs_wkt();
        m_crs_label = m_reader->crs_name();
        if (m_reader->crs_name().starts_with("EPSG:")) epsg = std::stoi(m_reader->crs_name().substr(5));
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

std::string SourceFile::raw_json(const SourceRow& row) const {
    // Only the fields bostad reads: personal data in other columns is never stored.
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (int i : m_settings.bound) {
        const auto idx = static_cast<std::size_t>(i);
        const auto& v = row.values[idx];
        j[escape_invalid_utf8(m_settings.source_names[idx])] = v ? nlohmann::ordered_json(escape_invalid_utf8(*v)) : nullptr;
    }
    return j.dump();
}

namespace {

/// Puts a checked geometry into its record.
template <typename Record>
void take_geometry(Record& r, CheckedGeometry& geom) {
    if constexpr (std::is_same_v<Record, PermitRecord>) {
        r.x = geom.x;
        r.y = geom.y;
        r.footprint = std::move(geom.footprint);
        r.footprint_repair = geom.repair;
    } else {
        r.geom = std::move(geom.wkb);
        r.geometry_repair = geom.repair;
    }
}

} // namespace

template <typename Record, typename ConvertFn>
void SourceFile::read_rows(Batch<Record>& batch, Progress* progress, ConvertFn convert) {
    SourceRow row;
    const auto total = m_reader->fast_count();
    const std::string stage = fmt::format("reading {}", m_reader->path());
    batch.files.push_back(m_reader->path());
    const auto file = static_cast<std::uint32_t>(batch.files.size() - 1);
    const MunicipalityExtent* area = nullptr;
    std::string area_code;
    // Points given as coordinate columns are transformed in blocks: one call to PROJ per block.
    constexpr std::size_t k_block = 8192;
    struct PendingPoint {
        Record record;
        RowOrigin origin;
        std::string municipality;
        std::string key;
    };
    std::vector<PendingPoint> pending;
    std::vector<GeometryChecker::PointInput> points;
    pending.reserve(k_block);
    points.reserve(k_block);
    if (total) batch.accepted.reserve(batch.accepted.size() + static_cast<std::size_t>(*total));

    const auto reject = [&](RowOrigin origin, Problem problem, const std::string& municipality, const std::string& key,
                            GeometryResult& g, std::string raw) {
        batch.rejected.push_back({origin, std::move(problem), std::move(raw), municipality, key, std::move(g.quarantine_wkb),
                                  g.raw_wkt.empty() ? std::nullopt : std::optional(g.raw_wkt)});
    };
    const auto flush_points = [&] {
        auto results = m_checker->check_points(points);
        for (std::size_t i = 0; i < pending.size(); ++i) {
            GeometryResult& g = results[i];
            if (g.problem) {
                // The raw attributes of these rows are read again later (rows rejected after reading).
                reject(pending[i].origin, std::move(*g.problem), pending[i].municipality, pending[i].key, g, std::string());
                continue;
            }
            take_geometry(pending[i].record, *g.ok);
            batch.accepted.push_back({std::move(pending[i].record), pending[i].origin});
        }
        pending.clear();
        points.clear();
    };
    while (m_reader->next(row)) {
        ++batch.read;
        if (progress && row.number % 4096 == 0) progress->update(stage, row.number, total);
        Converted<Record> c = convert(row, m_settings);
        if (m_track_seen && !c.key.empty() && !c.municipality.empty()) batch.seen.insert(entity_key(c.municipality, c.key));
        const RowOrigin origin{file, row.number, row.fid};
        GeometryResult g;
        std::optional<Problem> problem = c.problem;
        if (!problem) {
            const std::string& code = c.municipality.empty() ? k_no_municipality : c.municipality;
            if (!area || code != area_code) {
                area = &extent(code);
                area_code = code;
            }
            if (const auto* xy = std::get_if<XyInput>(&c.geometry)) {
                if (row.notes.empty()) {
                    points.push_back({xy->x, xy->y, area});
                    pending.push_back({std::move(*c.record), origin, std::move(c.municipality), std::move(c.key)});
                    if (pending.size() == k_block) flush_points();
                    continue;
                }
                g = m_checker->check_point(xy->x, xy->y, *area);
            } else if (const auto* wkt = std::get_if<WktInput>(&c.geometry)) {
                g = m_checker->check_wkt(m_kind, wkt->text, *area);
            } else if (const auto* wkb = std::get_if<WkbInput>(&c.geometry)) {
                g = m_checker->check(m_kind, wkb->wkb, *area);
            } else {
                g.problem = Problem{Reason::missing_geometry, "geometry", "the row has no geometry and no coordinates"};
            }
            problem = g.problem;
        }
        if (problem) {
            if (!row.notes.empty()) problem->message += fmt::format(" (reading: {})", join(row.notes, "; "));
            reject(origin, std::move(*problem), c.municipality, c.key, g, raw_json(row));
            continue;
        }
        take_geometry(*c.record, *g.ok);
        if (g.ok->repair) ++batch.repaired;
        batch.accepted.push_back({std::move(*c.record), origin});
    }
    flush_points();
    if (progress) progress->finish();
}

std::map<std::int64_t, std::string> SourceFile::raw_json_of(const std::set<std::int64_t>& rows) const {
    std::map<std::int64_t, std::string> out;
    if (rows.empty()) return out;
    const auto again = open_source(m_reader->path(), m_options);
    SourceRow row;
    while (again->next(row) && row.number <= *rows.rbegin()) {
        if (rows.contains(row.number)) out.emplace(row.number, raw_json(row));
    }
    return out;
}

void SourceFile::read_into(Batch<PermitRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_permit); }
void SourceFile::read_into(Batch<PlanRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_plan); }
void SourceFile::read_into(Batch<AreaRecord>& batch, Progress* progress) { read_rows(batch, progress, convert_area); }

} // namespace bostad::ingest
