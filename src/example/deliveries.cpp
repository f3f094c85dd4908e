#include "example/deliveries.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "gdal/srs.hpp"
#include "gdal/vector_writer.hpp"
#include "geos/ops.hpp"

namespace bostad::example {
namespace {

using gdal::FieldDef;
using gdal::FieldType;
using gdal::FieldValue;

std::vector<PermitHistory> known(const std::vector<PermitHistory>& all, const std::string& municipality, Date day) {
    std::vector<PermitHistory> out;
    for (const auto& p : all) {
        if (p.municipality != municipality) continue;
        if (auto k = as_known_at(p, day)) out.push_back(std::move(*k));
    }
    return out;
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }
std::string compact(const std::optional<Date>& d) {
    return d ? fmt::format("{:04}{:02}{:02}", d->year(), d->month(), d->day()) : std::string();
}

/// The first index from `start` whose permit satisfies `pred`, or `start` when none does.
template <typename T, typename Pred>
std::size_t first_from(const std::vector<T>& items, std::size_t start, Pred pred) {
    for (std::size_t i = start; i < items.size(); ++i) {
        if (pred(items[i])) return i;
    }
    return start;
}

std::string decimal_comma(double v) {
    std::string s = fmt::format("{:.2f}", v);
    s[s.find('.')] = ',';
    return s;
}

std::string sv_house_type(HouseType t) {
    switch (t) {
    case HouseType::smahus: return "Småhus";
    case HouseType::flerbostadshus: return "Flerbostadshus";
    case HouseType::ovrigt: return "Övrigt";
    }
    return "";
}

std::string sv_tenure(Tenure t) {
    switch (t) {
    case Tenure::hyresratt: return "Hyresrätt";
    case Tenure::bostadsratt: return "Bostadsrätt";
    case Tenure::aganderatt: return "Äganderätt";
    }
    return "";
}

std::vector<std::uint8_t> point_wkb(const geos::Context& ctx, double x, double y) {
    return ctx.to_wkb(geos::make_point(ctx, x, y).get());
}

std::vector<std::uint8_t> ring_wkb(const geos::Context& ctx, const geos::Coords& ring) {
    return ctx.to_wkb(geos::make_polygon(ctx, ring).get());
}

std::vector<const PlanHistory*> known_plans(const std::vector<PlanHistory>& all, const std::string& municipality, Date day) {
    std::vector<const PlanHistory*> out;
    for (const auto& p : all) {
        if (p.municipality == municipality && p.status_at(day)) out.push_back(&p);
    }
    return out;
}

/// A plan's attributes as its municipality exports them: id, name, status label, adopted, legal force,
/// end of implementation period, dwellings. Dates that have not happened yet are empty.
std::vector<FieldValue> plan_values(const PlanHistory& p, Date day, const char* const (&labels)[5]) {
    const PlanStatus status = *p.status_at(day);
    const bool adopted = status >= PlanStatus::antagen;
    const bool legal = status == PlanStatus::laga_kraft;
    return {p.plan_id,
            p.name,
            std::string(labels[static_cast<int>(status)]),
            adopted ? FieldValue(p.adopted.iso()) : FieldValue(),
            legal ? FieldValue(p.legal.iso()) : FieldValue(),
            legal ? FieldValue(p.implementation_end().iso()) : FieldValue(),
            p.planned_dwellings ? FieldValue(*p.planned_dwellings) : FieldValue()};
}

bool is_legal(const PlanHistory& p, Date day) { return p.status_at(day) == PlanStatus::laga_kraft; }

} // namespace

Delivery write_kristianstad_permits(const std::string& path, const std::vector<PermitHistory>& permits, Date day) {
    const auto rows = known(permits, "1290", day);
    Delivery d{path, 0, {}};
    const std::size_t no_coords = 11;
    const std::size_t bad_date = first_from(rows, 23, [](const PermitHistory& p) { return p.granted.has_value(); });
    const std::size_t duplicate = 37;
    const gdal::Transformer to_1330(gdal::k_store_epsg, 3008);

    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF"; // UTF-8 BOM, as spreadsheet programs write it
    const std::vector<std::string> header{"Diarienummer", "Fastighetsbeteckning", "Åtgärd", "Hustyp", "Upplåtelseform",
                                          "Antal lägenheter", "Rivna lägenheter", "Ansökan inkom", "Beslut",
                                          "Beslutsdatum", "Startbesked", "Slutbesked", "Koord E", "Koord N"};
    out << csv_record(header, ';');
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PermitHistory& p = rows[i];
        std::string decision;
        std::string decision_date;
        if (p.granted) std::tie(decision, decision_date) = std::pair{std::string("Beviljat"), p.granted->iso()};
        else if (p.refused) std::tie(decision, decision_date) = std::pair{std::string("Avslag"), p.refused->iso()};
        else if (p.withdrawn) std::tie(decision, decision_date) = std::pair{std::string("Avskrivet"), p.withdrawn->iso()};
        double e = p.x;
        double n = p.y;
        if (!to_1330.transform(e, n)) throw InternalError("cannot transform an example point to EPSG:3008");
        std::vector<std::string> f{p.case_id, p.property, p.action, sv_house_type(p.house_type), sv_tenure(p.tenure),
                                   std::to_string(p.dwellings), std::to_string(p.dwellings_removed), p.applied.iso(),
                                   decision, decision_date, iso(p.started), iso(p.completed), decimal_comma(e),
                                   decimal_comma(n)};
        if (i == no_coords) {
            f[12].clear();
            f[13].clear();
            d.defects.push_back(fmt::format("{}: no coordinates", p.case_id));
        }
        if (i == bad_date && p.granted) {
            f[9] = fmt::format("{}-02-30", p.granted->year());
            d.defects.push_back(fmt::format("{}: impossible decision date {}", p.case_id, f[9]));
        }
        out << csv_record(f, ';');
        ++d.rows;
        if (i == duplicate) {
            f[1] = p.property + "-" + std::to_string(p.dwellings); // a second row for the same case
            out << csv_record(f, ';');
            ++d.rows;
            d.defects.push_back(fmt::format("{}: case id twice", p.case_id));
        }
    }
    out.close();
    if (!out) throw IoError(fmt::format("cannot write '{}'", path));
    return d;
}

Delivery write_hassleholm_permits(const geos::Context& ctx, const std::string& path,
                                  const std::vector<PermitHistory>& permits, Date day) {
    const auto rows = known(permits, "1293", day);
    Delivery d{path, 0, {}};
    const std::size_t no_geometry = 15;
    const std::size_t bad_date = first_from(rows, 29, [](const PermitHistory& p) { return p.granted.has_value(); });
    const std::size_t duplicate = 44;

    gdal::VectorWriter writer(path, "ESRI Shapefile");
    const std::vector<FieldDef> fields{
        {"DIARIENR", FieldType::string, 20},  {"FASTIGHET", FieldType::string, 40}, {"HUSTYP", FieldType::string, 3},
        {"UPPLATELSE", FieldType::string, 2}, {"ANTAL_LGH", FieldType::integer, 6}, {"RIVNA_LGH", FieldType::integer, 6},
        {"INKOMMEN", FieldType::string, 8},   {"BEVILJAT", FieldType::string, 8},   {"AVSLAGET", FieldType::string, 8},
        {"AVSKRIVET", FieldType::string, 8},  {"STARTBESK", FieldType::string, 8},  {"SLUTBESK", FieldType::string, 8}};
    const std::string layer_name = std::filesystem::path(path).stem().string();
    auto layer = writer.add_layer(layer_name, gdal::GeometryKind::point, 3006, fields, {"ENCODING=ISO-8859-1", "DBF_DATE_LAST_UPDATE=" + day.iso()});
    const auto code_type = [](HouseType t) { return t == HouseType::smahus ? "SH" : t == HouseType::flerbostadshus ? "FLB" : "ÖVR"; };
    const auto code_tenure = [](Tenure t) { return t == Tenure::aganderatt ? "ÄR" : t == Tenure::bostadsratt ? "BR" : "HR"; };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PermitHistory& p = rows[i];
        std::vector<FieldValue> v{p.case_id, p.property, std::string(code_type(p.house_type)),
                                  std::string(code_tenure(p.tenure)), p.dwellings, p.dwellings_removed,
                                  compact(p.applied), compact(p.granted), compact(p.refused), compact(p.withdrawn),
                                  compact(p.started), compact(p.completed)};
        for (auto& value : v) {
            if (const auto* s = std::get_if<std::string>(&value); s && s->empty()) value = std::monostate{};
        }
        std::vector<std::uint8_t> wkb = point_wkb(ctx, p.x, p.y);
        if (i == no_geometry) {
            wkb.clear();
            d.defects.push_back(fmt::format("{}: no geometry", p.case_id));
        }
        if (i == bad_date && p.granted) {
            v[7] = fmt::format("{}0931", p.granted->year());
            d.defects.push_back(fmt::format("{}: impossible date BEVILJAT={}", p.case_id, std::get<std::string>(v[7])));
        }
        layer.add(v, wkb);
        ++d.rows;
        if (i == duplicate) {
            v[5] = p.dwellings_removed + 1;
            layer.add(v, wkb);
            ++d.rows;
            d.defects.push_back(fmt::format("{}: case id twice", p.case_id));
        }
    }
    writer.close();
    return d;
}

Delivery write_kristianstad_plans(const geos::Context& ctx, const std::string& path,
                                  const std::vector<PlanHistory>& plans, Date day) {
    const auto rows = known_plans(plans, "1290", day);
    Delivery d{path, 0, {}};
    const std::size_t no_geometry = 3;
    const std::size_t bad_date = first_from(rows, 6, [&](const PlanHistory* p) { return is_legal(*p, day); });
    const std::size_t duplicate = 9;
    gdal::VectorWriter writer(path, "GPKG");
    const std::vector<FieldDef> fields{{"PLANNUMMER"}, {"PLANNAMN"}, {"PLANSTATUS"}, {"ANTAGEN"}, {"LAGA_KRAFT"},
                                       {"GENOMF_SLUT"}, {"ANTAL_BOSTADER", FieldType::integer}};
    auto layer = writer.add_layer("detaljplaner", gdal::GeometryKind::multipolygon, 3008, fields);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PlanHistory& p = *rows[i];
        static const char* const k_labels[] = {"Planuppdrag", "Samråd", "Granskning", "Antagen", "Laga kraft"};
        std::vector<FieldValue> v = plan_values(p, day, k_labels);
        std::vector<std::uint8_t> wkb = ring_wkb(ctx, p.ring);
        if (i == no_geometry) {
            wkb.clear();
            d.defects.push_back(fmt::format("{}: no geometry", p.plan_id));
        }
        if (i == bad_date && is_legal(p, day)) {
            v[4] = fmt::format("{}-06-31", p.legal.year());
            d.defects.push_back(fmt::format("{}: impossible date LAGA_KRAFT={}", p.plan_id, std::get<std::string>(v[4])));
        }
        layer.add(v, wkb);
        ++d.rows;
        if (i == duplicate) {
            v[6] = p.planned_dwellings.value_or(0) + 12;
            layer.add(v, wkb);
            ++d.rows;
            d.defects.push_back(fmt::format("{}: plan id twice", p.plan_id));
        }
    }
    writer.close();
    return d;
}

Delivery write_hassleholm_plans(const geos::Context& ctx, const std::string& path,
                                const std::vector<PlanHistory>& plans, Date day) {
    const auto rows = known_plans(plans, "1293", day);
    Delivery d{path, 0, {}};
    const std::size_t spike = 2;
    const std::size_t bowtie = 5;
    const std::size_t swapped = first_from(rows, 8, [&](const PlanHistory* p) { return is_legal(*p, day); });
    gdal::VectorWriter writer(path, "GPKG");
    const std::vector<FieldDef> fields{{"beteckning"},
                                       {"namn"},
                                       {"status"},
                                       {"datumAntagande", FieldType::date},
                                       {"datumLagakraft", FieldType::date},
                                       {"genomforandetidSlut", FieldType::date},
                                       {"bostader", FieldType::integer}};
    auto layer = writer.add_layer("planomraden", gdal::GeometryKind::multipolygon, 3006, fields);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PlanHistory& p = *rows[i];
        static const char* const k_labels[] = {"påbörjad", "samråd", "granskning", "antagen", "gällande"};
        std::vector<FieldValue> v = plan_values(p, day, k_labels);
        geos::Coords ring = p.ring;
        if (i == spike) {
            // A small loop touching the boundary at a vertex: invalid, repairable with a tiny change of area.
            const auto [x, y] = ring[2];
            ring.insert(ring.begin() + 3, {{x + 6, y + 6}, {x - 6, y + 6}, {x, y}});
            d.defects.push_back(fmt::format("{}: self-touching ring (small loop at a corner)", p.plan_id));
        }
        if (i == bowtie) {
            std::swap(ring[2], ring[3]);
            d.defects.push_back(fmt::format("{}: bowtie polygon (ring crosses itself)", p.plan_id));
        }
        if (i == swapped && is_legal(p, day)) {
            std::swap(v[3], v[4]);
            d.defects.push_back(fmt::format("{}: laga kraft before antagande", p.plan_id));
        }
        layer.add(v, ring_wkb(ctx, ring));
        ++d.rows;
    }
    writer.close();
    return d;
}

Delivery write_areas(const geos::Context& ctx, const std::string& path, const ExampleMap& map) {
    Delivery d{path, 0, {}};
    gdal::VectorWriter writer(path, "GPKG");
    auto districts = writer.add_layer("distrikt", gdal::GeometryKind::multipolygon, 3006,
                                      {{"area_id"}, {"name"}, {"municipality"}});
    for (const auto& a : map.districts) {
        districts.add({a.area_id, a.name, a.municipality}, ctx.to_wkb(a.geom.get()));
        ++d.rows;
    }
    auto municipalities = writer.add_layer("kommuner", gdal::GeometryKind::multipolygon, 3006, {{"area_id"}, {"name"}});
    for (const auto& m : map.municipalities) {
        municipalities.add({m.area_id, m.name}, ctx.to_wkb(m.geom.get()));
        ++d.rows;
    }
    writer.close();
    return d;
}

} // namespace bostad::example
