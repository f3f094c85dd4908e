#include "aggregate/status_json.hpp"

#include <fmt/format.h>

#include "core/csv.hpp"

namespace bostad::aggregate {
namespace {

using json = nlohmann::ordered_json;

json counts_json(const Counts& c, const std::string& prefix = "") {
    json j = json::object();
    for (const auto& f : figure_defs()) j[prefix + std::string(f.key)] = c[f.id];
    return j;
}

json lead_json(const LeadTime& t) {
    json j{{"count", t.count},
           {"median_days", t.median_days ? json(*t.median_days) : json()},
           {"p90_days", t.p90_days ? json(*t.p90_days) : json()}};
    if (t.share_within_10_weeks) j["share_within_10_weeks"] = *t.share_within_10_weeks;
    return j;
}

} // namespace

std::string_view list_kind_name(ListKind kind) {
    switch (kind) {
    case ListKind::lapsed: return "lapsed";
    case ListKind::overdue: return "overdue";
    case ListKind::stalled: return "stalled";
    case ListKind::new_permits: return "new";
    case ListKind::completed: return "completed";
    }
    return "";
}

json figures_json(const Figures& f) {
    json j{{"planned", f.planned}, {"remaining_capacity", f.remaining_capacity}};
    j.update(counts_json(f.dwellings));
    j.update(counts_json(f.net, "net_"));
    j["permit_counts"] = counts_json(f.permits);
    j["unknown_dwellings"] = counts_json(f.unknown_dwellings);
    json by_type = json::object();
    for (const auto& [k, c] : f.by_house_type) by_type[k] = counts_json(c);
    json by_tenure = json::object();
    for (const auto& [k, c] : f.by_tenure) by_tenure[k] = counts_json(c);
    j["by_house_type"] = by_type;
    j["by_tenure"] = by_tenure;
    return j;
}

json status_json(const StatusResult& s) {
    json areas = json::array();
    for (const auto& a : s.areas) {
        json j{{"area_id", a.area_id}, {"name", a.name}, {"municipality", a.municipality}};
        j.update(figures_json(a.figures));
        areas.push_back(std::move(j));
    }
    json municipalities = json::array();
    for (const auto& m : s.municipalities) {
        json j{{"code", m.code}, {"name", m.name}};
        j.update(figures_json(m.figures));
        j["plans_with_legal_force"] = m.plans_with_legal_force;
        j["plans_without_capacity"] = m.plans_without_capacity;
        j["planned_by_source"] = m.planned_by_source;
        j["lead_times"] = {{"applied_to_granted", lead_json(m.applied_to_granted)},
                           {"granted_to_started", lead_json(m.granted_to_started)},
                           {"started_to_completed", lead_json(m.started_to_completed)}};
        json targets = json::array();
        for (const auto& t : m.targets) {
            targets.push_back({{"description", t.description}, {"from", t.from.str()}, {"to", t.to.str()},
                               {"dwellings", t.dwellings}, {"expected_by_now", t.expected_by_now},
                               {"completed_since_from", t.completed_since_from},
                               {"difference", static_cast<double>(t.completed_since_from) - t.expected_by_now}});
        }
        j["targets"] = targets;
        municipalities.push_back(std::move(j));
    }
    return {{"month", s.month.str()},
            {"area_set", s.area_set},
            {"measure", "dwellings"},
            {"areas", areas},
            {"unassigned", figures_json(s.unassigned)},
            {"total", figures_json(s.total)},
            {"municipalities", municipalities}};
}

json list_json(const StatusRequest& request, ListKind kind, const std::vector<ListedPermit>& permits) {
    json rows = json::array();
    for (const auto& p : permits) {
        rows.push_back({{"municipality", p.municipality}, {"case_id", p.case_id}, {"property", p.property},
                        {"house_type", p.house_type}, {"tenure", p.tenure},
                        {"dwellings", p.dwellings ? json(*p.dwellings) : json()},
                        {"area_id", p.area_id}, {"applied_date", p.applied}, {"granted_date", p.granted},
                        {"started_date", p.started}, {"completed_date", p.completed}});
    }
    return {{"month", request.month.str()}, {"area_set", request.area_set.value_or("")}, {"list", list_kind_name(kind)},
            {"permits", rows}};
}

json plan_list_json(const StatusRequest& request, const std::vector<ListedPlan>& plans) {
    json rows = json::array();
    for (const auto& p : plans) {
        rows.push_back({{"municipality", p.municipality}, {"plan_id", p.plan_id}, {"name", p.name},
                        {"legal_date", p.legal_date}, {"implementation_end", p.implementation_end},
                        {"capacity", p.capacity ? json(*p.capacity) : json()}, {"capacity_source", p.capacity_source},
                        {"capacity_method", p.capacity_method}, {"capacity_note", p.capacity_note},
                        {"used", p.used}, {"remaining", p.remaining}});
    }
    return {{"month", request.month.str()}, {"list", "plans"}, {"plans", rows}};
}

std::vector<std::vector<std::string>> list_csv_rows(const std::vector<ListedPermit>& permits) {
    std::vector<std::vector<std::string>> rows{{"municipality", "case_id", "property", "house_type", "tenure", "dwellings",
                                                "area_id", "applied_date", "granted_date", "started_date", "completed_date"}};
    for (const auto& p : permits) {
        rows.push_back({formula_safe(p.municipality), formula_safe(p.case_id), formula_safe(p.property), formula_safe(p.house_type),
                        formula_safe(p.tenure), p.dwellings ? std::to_string(*p.dwellings) : std::string(), formula_safe(p.area_id), p.applied, p.granted,
                        p.started, p.completed});
    }
    return rows;
}

std::vector<std::vector<std::string>> plan_list_csv_rows(const std::vector<ListedPlan>& plans) {
    std::vector<std::vector<std::string>> rows{{"municipality", "plan_id", "name", "legal_date", "implementation_end", "capacity",
                                                "capacity_source", "capacity_method", "capacity_note", "used", "remaining"}};
    for (const auto& p : plans) {
        rows.push_back({formula_safe(p.municipality), formula_safe(p.plan_id), formula_safe(p.name), p.legal_date,
                        p.implementation_end, p.capacity ? std::to_string(*p.capacity) : std::string(), p.capacity_source,
                        formula_safe(p.capacity_method), formula_safe(p.capacity_note), std::to_string(p.used),
                        std::to_string(p.remaining)});
    }
    return rows;
}

std::vector<std::vector<std::string>> status_csv_rows(const StatusResult& s) {
    std::vector<std::string> header{"scope", "area_id", "name", "municipality", "planned", "remaining_capacity"};
    for (const auto& f : figure_defs()) header.emplace_back(f.key);
    for (const auto& f : figure_defs()) header.push_back("net_" + std::string(f.key));
    for (const auto& f : figure_defs()) header.push_back("unknown_dwellings_" + std::string(f.key));
    std::vector<std::vector<std::string>> rows{header};
    const auto row = [&](const std::string& scope, const std::string& id, const std::string& name, const std::string& m,
                         const Figures& f) {
        std::vector<std::string> r{scope, formula_safe(id), formula_safe(name), formula_safe(m), fmt::format("{:.2f}", f.planned),
                                   fmt::format("{:.2f}", f.remaining_capacity)};
        for (const auto& d : figure_defs()) r.push_back(std::to_string(f.dwellings[d.id]));
        for (const auto& d : figure_defs()) r.push_back(std::to_string(f.net[d.id]));
        for (const auto& d : figure_defs()) r.push_back(std::to_string(f.unknown_dwellings[d.id]));
        rows.push_back(std::move(r));
    };
    for (const auto& a : s.areas) row("area", a.area_id, a.name, a.municipality, a.figures);
    row("unassigned", "", "", "", s.unassigned);
    row("total", "", "", "", s.total);
    return rows;
}

} // namespace bostad::aggregate
