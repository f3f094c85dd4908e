#include "ingest/read/source_file.hpp"

#include <algorithm>
#include <filesystem>
#include <future>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/text.hpp"
#include "gdal/srs.hpp"
#include "ingest/check/reasons.hpp"
#include "ingest/read/open_source.hpp"
#include "ingest/read/row_digest.hpp"
#include "ingest/plans/ss637040_plan.hpp"

namespace bostad::ingest {
namespace {

/// How many skipped rows a run keeps to show.
constexpr std::size_t k_skip_samples = 10;

bool fs_is_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0;
}

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
    const std::string hint = mapping ? fmt::format("name it in [mapping.{}.fields]", mapping->name)
                                     : "use the canonical name or give a mapping (--mapping NAME)";
    for (Field f : required_fields(kind)) {
        if (!b.has(f)) {
            throw UsageError(fmt::format("{} has no field for {}: {} (fields in the file: {}){}", file, field_name(f), hint,
                                         join(names, ", "), separator_hint(names)));
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
    : m_path(path), m_config(config), m_max_repair(request.max_repair_area_change), m_municipality(request.municipality),
      m_options(reader_options(request, mapping)) {
    m_check.track_seen = request.full_snapshot;
    m_check.outlines = request.outlines;
    m_check.boundary_tolerance_m = request.boundary_tolerance_m;
    if (fs_is_file(path) && is_ss637040(path)) {
        if (request.kind != DataKind::plans) {
            throw UsageError(fmt::format("{} is a plan in SS 637040: ingest it with --kind plans", path));
        }
        m_plan_document = read_ss637040(path);
        const auto epsg = epsg_of_plan_crs(m_plan_document->plan.crs_name);
        m_check.crs_label = epsg ? fmt::format("EPSG:{} ({})", *epsg, m_plan_document->plan.crs_name)
                                 : m_plan_document->plan.crs_name;
        return;
    }
    m_reader = open_source(path, m_options);
    ConvertSettings& settings = m_check.convert;
    settings.kind = request.kind;
    settings.binding = bind_fields(m_reader->field_names(), request.kind, mapping, path);
    settings.bound = settings.binding.bound_sources();
    settings.types = m_reader->field_types();
    settings.source_names = m_reader->field_names();
    settings.date_formats = date_formats(mapping);
    settings.decimal = mapping && mapping->decimal ? *mapping->decimal : '.';
    settings.mapping = mapping;
    settings.municipality = request.municipality;
    if (!settings.municipality && mapping) settings.municipality = mapping->municipality;
    settings.config = config;
    settings.source_format = m_reader->format();
    apply_mapping_rules(settings, mapping, path);
    require_bound(settings.binding, request.kind, m_reader->has_geometry(), path,
                  mapping, m_reader->field_names());

    // The CRS: --crs overrides the file; the mapping's applies only when the file has none.
    std::string wkt;
    std::optional<int> epsg;
    std::string label;
    if (request.crs) {
        epsg = gdal::parse_epsg(*request.crs, "--crs");
        label = ingest::crs_label(*epsg);
    } else if (!m_reader->crs_wkt().empty()) {
        wkt = m_reader->crs_wkt();
        label = m_reader->crs_name();
        if (m_reader->crs_name().starts_with("EPSG:")) epsg = std::stoi(m_reader->crs_name().substr(5));
    } else if (mapping && mapping->crs) {
        epsg = gdal::parse_epsg(*mapping->crs, fmt::format("mapping '{}': crs", mapping->name));
        label = ingest::crs_label(*epsg);
    } else {
        throw UsageError(fmt::format("{} has no CRS: give it with --crs EPSG:n{}", path,
                                     mapping ? fmt::format(" or crs = \"EPSG:n\" in [mapping.{}]", mapping->name) : ""));
    }
    if (wkt.empty()) wkt = gdal::srs_wkt(*epsg);
    m_check.crs_wkt = wkt;
    m_check.crs_label = label;
    m_check.crs_epsg = epsg;
    m_check.max_repair_area_change = request.max_repair_area_change;
    if (request.kind != DataKind::areas) {
        // What the conversion reads of a row: its bound columns and the keep filters' columns.
        std::vector<int> columns = settings.bound;
        for (const auto& k : settings.keep) columns.push_back(k.index);
        std::sort(columns.begin(), columns.end());
        columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
        m_check.digest_context = context_digest({&request, config, m_reader.get(), wkt, label, columns});
        m_check.digest_columns = std::move(columns);
    }
    m_checkers.push_back(std::make_unique<RowChecker>(m_check)); // fails early on a CRS PROJ cannot use
}

SourceFile::~SourceFile() = default;

void SourceFile::recognise(std::shared_ptr<const KnownRows> known) { m_check.known = std::move(known); }

std::map<std::int64_t, std::string> SourceFile::raw_json_of(const std::set<std::int64_t>& rows) const {
    std::map<std::int64_t, std::string> out;
    if (rows.empty()) return out;
    if (m_plan_document) {
        // A plan is one delivered record: a conflict concerns the plan as a whole.
        for (const auto r : rows) {
            out.emplace(r, nlohmann::json{{"plan", m_plan_document->plan.plan_id}, {"name", m_plan_document->plan.name}}.dump());
        }
        return out;
    }
    const auto again = open_source(m_path, m_options);
    SourceRow row;
    while (again->next(row) && row.number <= *rows.rbegin()) {
        if (rows.contains(row.number)) out.emplace(row.number, RowChecker::raw_json(row, m_check.convert));
    }
    return out;
}

template <typename Record>
void SourceFile::read_rows(Batch<Record>& batch, Progress* progress) {
    constexpr std::size_t k_block = 4096;
    const unsigned threads = workers();
    while (m_checkers.size() < threads) m_checkers.push_back(std::make_unique<RowChecker>(m_check));
    if (m_read) m_reader = open_source(m_path, m_options); // read again (rows recognised the first time are decoded)
    m_read = true;
    const auto total = m_reader->fast_count();
    const std::string stage = fmt::format("reading {}", m_path);
    batch.files.push_back(m_path);
    const auto file = static_cast<std::uint32_t>(batch.files.size() - 1);
    const std::int64_t read_before = batch.read;
    if (total) batch.accepted.reserve(batch.accepted.size() + static_cast<std::size_t>(*total));

    // Reads up to one block per thread; returns how many blocks hold rows.
    const auto read_wave = [&](std::vector<std::vector<SourceRow>>& wave) {
        std::size_t filled = 0;
        for (auto& block : wave) {
            block.resize(k_block);
            std::size_t n = 0;
            while (n < k_block && m_reader->next(block[n])) ++n;
            block.resize(n);
            batch.read += static_cast<std::int64_t>(n);
            if (n == 0) break;
            ++filled;
            if (n < k_block) break;
        }
        if (progress) progress->update(stage, batch.read, total);
        return filled;
    };
    std::vector<std::vector<SourceRow>> current(threads);
    std::vector<std::vector<SourceRow>> next(threads);
    std::size_t blocks = read_wave(next);
    while (blocks > 0) {
        std::swap(current, next);
        std::vector<std::future<BlockResult<Record>>> results;
        for (std::size_t b = 0; b < blocks; ++b) {
            results.push_back(std::async(std::launch::async, [&, b] {
                BlockResult<Record> r;
                m_checkers[b]->check(current[b], file, r);
                return r;
            }));
        }
        // Read the next blocks while these are checked.
        const std::size_t next_blocks = current[blocks - 1].size() == k_block ? read_wave(next) : 0;
        for (auto& f : results) {
            BlockResult<Record> r = f.get();
            for (auto& c : r.accepted) batch.accepted.push_back(std::move(c));
            for (auto& rej : r.rejected) batch.rejected.push_back(std::move(rej));
            for (auto& skip : r.skipped) {
                ++batch.skipped[skip.reason];
                if (batch.skip_samples.size() < k_skip_samples) batch.skip_samples.push_back(std::move(skip));
            }
            for (auto& k : r.seen) batch.seen.insert(std::move(k));
            batch.recognized.insert(batch.recognized.end(), r.recognized.begin(), r.recognized.end());
            batch.repaired += r.repaired;
            for (auto& n : r.near_border) batch.near_border.push_back(fmt::format("{} {}", m_path, n));
            for (auto& [code, split] : r.placed) {
                ++batch.placed[code];
                if (!split.empty()) batch.split_areas.push_back(std::move(split));
            }
        }
        blocks = next_blocks;
    }
    if (progress) progress->finish();
    refuse_wrong_encoding(batch.rejected, file, batch.read - read_before);
}

void SourceFile::refuse_wrong_encoding(const std::vector<Rejection>& rejected, std::uint32_t file, std::int64_t rows) const {
    const Rejection* first = nullptr;
    std::int64_t n = 0;
    for (const auto& r : rejected) {
        if (r.origin.file != file || r.problem.reason != Reason::invalid_encoding) continue;
        if (!first) first = &r;
        ++n;
    }
    if (!first) return;
    throw InputError(fmt::format("{}: {} of its {} rows are not valid UTF-8: the file is refused whole and nothing was "
                                 "stored. Row {}: {}",
                                 m_path, n, rows, first->origin.row, first->problem.message));
}

void SourceFile::read_plan_document(Batch<PlanRecord>& batch) {
    SsSettings settings;
    settings.config = m_config;
    if (m_config) {
        const auto& c = m_config->capacity;
        settings.capacity = {c.storey_height, c.default_floors, c.default_site_coverage, c.multi_dwelling_from_floors,
                             c.dwelling_size_smahus, c.dwelling_size_flerbostadshus};
    }
    settings.max_repair_area_change = m_max_repair;
    settings.municipality = m_municipality;
    settings.outlines = m_check.outlines;
    settings.boundary_tolerance_m = m_check.boundary_tolerance_m;
    SsOutcome outcome = assemble_ss637040(*m_plan_document, settings);
    batch.files.push_back(m_path);
    const auto file = static_cast<std::uint32_t>(batch.files.size() - 1);
    batch.read += outcome.rows;
    batch.repaired += outcome.repaired;
    for (auto& r : outcome.rejected) {
        // The key stays empty: a rejected area is not another version of its plan.
        batch.rejected.push_back({RowOrigin{file, r.row, -1}, std::move(r.problem), std::move(r.raw_json),
                                  m_plan_document->plan.municipality, std::string(), std::move(r.geometry), std::move(r.raw_wkt)});
    }
    if (outcome.plan) {
        const auto rows = static_cast<std::int64_t>(outcome.plan->areas.size());
        if (m_check.track_seen) batch.seen.insert(entity_key(outcome.plan->municipality, outcome.plan->plan_id));
        batch.accepted.push_back({std::move(*outcome.plan), RowOrigin{file, 1, -1}, rows});
    }
}

void SourceFile::read_into(Batch<PermitRecord>& batch, Progress* progress) { read_rows(batch, progress); }

void SourceFile::read_into(Batch<PlanRecord>& batch, Progress* progress) {
    if (m_plan_document) {
        read_plan_document(batch);
        return;
    }
    read_rows(batch, progress);
}
void SourceFile::read_into(Batch<AreaRecord>& batch, Progress* progress) { read_rows(batch, progress); }

} // namespace bostad::ingest
