#include <map>
#include <utility>

#include "core/domain.hpp"
#include "config/config.hpp"
#include "export/layer_rows.hpp"
#include "gdal/vector_writer.hpp"
#include "store/feature_source.hpp"

namespace bostad::exports {
namespace {

using gdal::FieldValue;

FieldValue text_or_null(const std::optional<std::string>& t) { return t ? FieldValue{*t} : FieldValue{}; }

FieldValue nonempty(const std::string& s) { return s.empty() ? FieldValue{} : FieldValue{s}; }

} // namespace

std::string plan_status_at(std::string_view stored, const std::optional<std::string>& adopted,
                           const std::optional<std::string>& legal, const std::string& month_end) {
    if (legal && *legal <= month_end) return std::string(code(PlanStatus::laga_kraft));
    if (adopted && *adopted <= month_end) return std::string(code(PlanStatus::antagen));
    const bool later = (legal && *legal > month_end) || (adopted && *adopted > month_end);
    if (later && (stored == code(PlanStatus::laga_kraft) || stored == code(PlanStatus::antagen))) {
        return std::string(code(PlanStatus::paborjad));
    }
    return std::string(stored);
}

void write_plans(store::FeatureSource& features, store::StatusSource& status, const ExportRequest& req, gdal::LayerWriter& out) {
    aggregate::StatusRequest sreq;
    sreq.month = req.month;
    sreq.stalled_months = req.stalled_months;
    sreq.config = req.config;
    std::map<std::pair<std::string, std::string>, aggregate::ListedPlan> legal;
    for (auto& p : aggregate::list_plans(status, sreq)) legal.emplace(std::pair{p.municipality, p.plan_id}, std::move(p));

    const std::string month_end = req.month.last_day().iso();
    const std::string month = req.month.str();
    features.plans([&](const store::PlanFeature& plan) {
        if (req.config && !req.config->covers(plan.municipality)) return; // a kommun outside the project
        std::vector<FieldValue> v;
        v.emplace_back(plan.municipality);
        v.emplace_back(plan.plan_id);
        v.push_back(text_or_null(plan.name));
        v.emplace_back(plan_status_at(plan.status, plan.adopted_date, plan.legal_date, month_end));
        v.push_back(text_or_null(plan.adopted_date));
        v.push_back(text_or_null(plan.legal_date));
        v.push_back(text_or_null(plan.implementation_end));
        if (const auto it = legal.find({plan.municipality, plan.plan_id}); it != legal.end()) {
            const auto& p = it->second;
            v.push_back(p.capacity ? FieldValue{*p.capacity} : FieldValue{});
            v.push_back(nonempty(p.capacity_source));
            v.push_back(nonempty(p.capacity_note.empty() ? p.capacity_method : p.capacity_note));
            v.emplace_back(p.used);
            v.emplace_back(p.remaining);
        } else {
            v.insert(v.end(), 5, FieldValue{});
        }
        v.push_back(text_or_null(plan.geometry_repair));
        v.emplace_back(month);
        out.add(v, plan.wkb);
    });
}

} // namespace bostad::exports
