#include "export/layer_schema.hpp"

#include <deque>
#include <string>

#include "core/figures.hpp"

#include "core/domain.hpp"
#include "core/error.hpp"

namespace bostad::exports {
namespace {

using gdal::FieldType;
using gdal::GeometryKind;

/// The status columns shared by municipalities and areas: capacity, then every figure of core/figures.hpp (with
/// its net count where the figure asks for one), then per stage the permits whose dwellings are unknown, then
/// the month.
std::vector<FieldSpec> status_fields() {
    static const std::deque<std::string> net_names = [] {
        std::deque<std::string> out;
        for (const auto& f : figure_defs()) {
            if (f.export_net) {
                out.push_back("net_" + std::string(f.key));
                out.push_back("Netto (nya minus rivna): " + std::string(f.alias));
            }
        }
        return out;
    }();
    static const std::deque<std::string> unknown_names = [] {
        std::deque<std::string> out;
        for (const auto& f : figure_defs()) {
            if (f.group != FigureGroup::stage) continue;
            out.push_back("unknown_dwellings_" + std::string(f.key));
            out.push_back("Bygglov utan känt antal bostäder: " + std::string(f.alias));
        }
        return out;
    }();
    std::vector<FieldSpec> out{
        {"planned", FieldType::real, "Planerad kapacitet (bostäder i detaljplaner med laga kraft)"},
        {"remaining_capacity", FieldType::real, "Återstående kapacitet (ej ianspråktagen)"},
        {"used_share", FieldType::real, "Ianspråktagen andel av kapaciteten (%)"},
    };
    std::size_t net = 0;
    for (const auto& f : figure_defs()) {
        out.push_back({f.key, FieldType::integer, f.alias});
        if (f.export_net) {
            out.push_back({net_names[net], FieldType::integer, net_names[net + 1]});
            net += 2;
        }
    }
    for (std::size_t i = 0; i < unknown_names.size(); i += 2) {
        out.push_back({unknown_names[i], FieldType::integer, unknown_names[i + 1]});
    }
    out.push_back({"month", FieldType::string, "Månad"});
    return out;
}

std::vector<FieldSpec> joined(std::initializer_list<FieldSpec> head, const std::vector<FieldSpec>& body,
                              std::initializer_list<FieldSpec> tail) {
    std::vector<FieldSpec> out(head);
    out.insert(out.end(), body.begin(), body.end());
    out.insert(out.end(), tail);
    return out;
}

const std::vector<FieldSpec>& municipality_fields() {
    static const std::vector<FieldSpec> fields = joined(
        {{"municipality", FieldType::string, "Kommunkod"}, {"name", FieldType::string, "Kommun"}}, status_fields(),
        {{"target_dwellings", FieldType::integer, "Mål (bostäder)"},
         {"target_period", FieldType::string, "Målperiod"},
         {"target_expected_by_now", FieldType::real, "Enligt rak linje mot målet hittills"},
         {"target_completed", FieldType::integer, "Färdigställda sedan målperiodens start"}});
    return fields;
}

const std::vector<FieldSpec>& area_fields() {
    static const std::vector<FieldSpec> fields = joined({{"area_set", FieldType::string, "Områdesindelning"},
                                                         {"area_id", FieldType::string, "Områdes-id"},
                                                         {"name", FieldType::string, "Område"},
                                                         {"municipality", FieldType::string, "Kommunkod"}},
                                                        status_fields(),
                                                        {{"forecast_completed_12m", FieldType::real, "Prognos: färdigställda bostäder kommande 12 månader"},
                                                         {"forecast_completed_36m", FieldType::real, "Prognos: färdigställda bostäder kommande 36 månader"}});
    return fields;
}

constexpr FieldSpec k_permit_fields[] = {
    {"municipality", FieldType::string, "Kommunkod"},
    {"case_id", FieldType::string, "Diarienummer"},
    {"property", FieldType::string, "Fastighet"},
    {"house_type", FieldType::string, "Hustyp", Domain::house_type},
    {"tenure", FieldType::string, "Upplåtelseform", Domain::tenure},
    {"dwellings", FieldType::integer, "Antal bostäder"},
    {"dwellings_removed", FieldType::integer, "Rivna bostäder"},
    {"stage", FieldType::string, "Skede vid månadens slut", Domain::stage},
    {"stage_order", FieldType::integer, "Skedets ordning"},
    {"overdue", FieldType::boolean, "Ej färdigställt inom 5 år"},
    {"stalled", FieldType::boolean, "Stillastående"},
    {"applied_date", FieldType::date, "Ansökan inkom"},
    {"granted_date", FieldType::date, "Bygglov beviljat"},
    {"started_date", FieldType::date, "Startbesked"},
    {"completed_date", FieldType::date, "Slutbesked"},
    {"refused_date", FieldType::date, "Avslag"},
    {"withdrawn_date", FieldType::date, "Återkallat"},
    {"area_id", FieldType::string, "Område"},
    {"assumed", FieldType::string, "Antagna värden (mappningens standardvärden)"},
    {"year_only", FieldType::string, "Datum angivna som endast år (sparade som årets sista dag)"},
    {"month", FieldType::string, "Månad"},
};

constexpr FieldSpec k_plan_fields[] = {
    {"municipality", FieldType::string, "Kommunkod"},
    {"plan_id", FieldType::string, "Planbeteckning"},
    {"name", FieldType::string, "Plannamn"},
    {"status", FieldType::string, "Planstatus vid månadens slut", Domain::plan_status},
    {"adopted_date", FieldType::date, "Antagen"},
    {"legal_date", FieldType::date, "Laga kraft"},
    {"implementation_end", FieldType::date, "Genomförandetiden slutar"},
    {"capacity", FieldType::integer, "Kapacitet (bostäder)"},
    {"capacity_source", FieldType::string, "Kapacitetens källa"},
    {"capacity_method", FieldType::string, "Beräkningsmetod eller anteckning"},
    {"used", FieldType::integer, "Ianspråktagen (beviljade eller senare)"},
    {"remaining", FieldType::integer, "Återstående kapacitet"},
    {"geometry_repair", FieldType::string, "Geometrin reparerad"},
    {"month", FieldType::string, "Månad"},
};

constexpr FieldSpec k_rejected_fields[] = {
    {"run_id", FieldType::integer, "Inläsning nr"},
    {"kind", FieldType::string, "Slag av data"},
    {"municipality", FieldType::string, "Kommunkod"},
    {"source_file", FieldType::string, "Källfil"},
    {"source_row", FieldType::integer, "Rad i källan"},
    {"source_fid", FieldType::string, "Källans objekt-id"},
    {"reason_code", FieldType::string, "Orsakskod"},
    {"field", FieldType::string, "Fält"},
    {"message", FieldType::string, "Orsak"},
    {"raw_attributes", FieldType::string, "Raden som den lästes (JSON)"},
};

const std::vector<LayerSpec>& layers() {
    static const std::vector<LayerSpec> all{
    {LayerId::municipalities, "municipalities", "Kommuner", "the municipalities with the month's totals",
     GeometryKind::multipolygon, "qml/municipalities.qml", municipality_fields()},
    {LayerId::permits, "permits", "Bygglov per skede", "building permits by their stage at the end of the month",
     GeometryKind::point, "qml/permits.qml", k_permit_fields},
    {LayerId::rejected_points, "rejected_points", "Avvisade rader (punkter)",
     "rows not accepted by an ingest, with a point geometry", GeometryKind::multipoint, "qml/rejected_rows.qml",
     k_rejected_fields},
    {LayerId::rejected_lines, "rejected_lines", "Avvisade rader (linjer)",
     "rows not accepted by an ingest, with a line geometry", GeometryKind::multilinestring, "qml/rejected_rows.qml",
     k_rejected_fields},
    {LayerId::rejected_polygons, "rejected_polygons", "Avvisade rader (ytor)",
     "rows not accepted by an ingest, with a polygon geometry", GeometryKind::multipolygon, "qml/rejected_rows.qml",
     k_rejected_fields},
    {LayerId::plans, "plans", "Detaljplaner", "detaljplaner by their status at the end of the month",
     GeometryKind::multipolygon, "qml/plans.qml", k_plan_fields},
    {LayerId::areas, "areas", "Områden", "the areas of the area set with the month's status",
     GeometryKind::multipolygon, "qml/areas.qml", area_fields()},
    };
    return all;
}

template <typename E>
std::vector<gdal::CodedValue> coded(std::span<const Code<E>> list) {
    std::vector<gdal::CodedValue> out;
    for (const auto& c : list) out.push_back({std::string(c.code), std::string(c.sv)});
    return out;
}

} // namespace

std::span<const LayerSpec> layer_specs() { return layers(); }

const LayerSpec& layer_spec(LayerId id) {
    for (const auto& l : layers()) {
        if (l.id == id) return l;
    }
    throw InternalError("unknown export layer");
}

std::string_view domain_name(Domain d) {
    switch (d) {
    case Domain::none: return "";
    case Domain::stage: return "stage";
    case Domain::plan_status: return "plan_status";
    case Domain::house_type: return "house_type";
    case Domain::tenure: return "tenure";
    }
    return "";
}

std::vector<gdal::FieldDef> field_defs(const LayerSpec& layer) {
    std::vector<gdal::FieldDef> out;
    for (const auto& f : layer.fields) {
        gdal::FieldDef d;
        d.name = f.name;
        d.type = f.type;
        d.alias = f.alias;
        d.domain = domain_name(f.domain);
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<CodedDomain> coded_domains() {
    return {
        {Domain::stage, "stage", "Bygglovets skede", coded(stage_codes())},
        {Domain::plan_status, "plan_status", "Detaljplanens status", coded(plan_status_codes())},
        {Domain::house_type, "house_type", "Hustyp", coded(house_type_codes())},
        {Domain::tenure, "tenure", "Upplåtelseform", coded(tenure_codes())},
    };
}

int stage_order(std::string_view stage_code) {
    int i = 1;
    for (const auto& c : stage_codes()) {
        if (c.code == stage_code) return i;
        ++i;
    }
    return 0;
}

} // namespace bostad::exports
