#include "ingest/merge/diff.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bostad::ingest {
namespace {

constexpr double k_location_tolerance = 0.001; // metres

class Differ {
public:
    template <typename T, typename ToText>
    void value(const char* field, const T& a, const T& b, ToText text) {
        if (a != b) m_out.push_back({field, text(a), text(b), "changed"});
    }

    void date(const char* field, const std::optional<Date>& a, const std::optional<Date>& b) {
        if (a == b) return;
        std::string kind = "changed";
        if (a && !b) kind = "date_removed";
        else if (a && b && *b < *a) kind = "date_moved_back";
        m_out.push_back({field, a ? std::optional(a->iso()) : std::nullopt, b ? std::optional(b->iso()) : std::nullopt, kind});
    }

    void text(const char* field, const std::optional<std::string>& a, const std::optional<std::string>& b) {
        value(field, a, b, [](const std::optional<std::string>& v) { return v; });
    }

    template <typename E>
    void code_value(const char* field, const std::optional<E>& a, const std::optional<E>& b) {
        value(field, a, b, [](const std::optional<E>& v) -> std::optional<std::string> {
            if (!v) return std::nullopt;
            return std::string(code(*v));
        });
    }

    void count(const char* field, std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
        value(field, a, b, [](std::optional<std::int64_t> v) -> std::optional<std::string> {
            if (!v) return std::nullopt;
            return std::to_string(*v);
        });
    }

    void geometry(const char* field, const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
        if (a != b) m_out.push_back({field, std::nullopt, std::nullopt, "changed"});
    }

    void add(FieldChange c) { m_out.push_back(std::move(c)); }
    std::vector<FieldChange> take() { return std::move(m_out); }

private:
    std::vector<FieldChange> m_out;
};

std::string xy(double x, double y) { return fmt::format("{:.3f} {:.3f}", x, y); }

} // namespace

std::vector<FieldChange> compare(const PermitRecord& a, const PermitRecord& b) {
    Differ d;
    d.text("property", a.property, b.property);
    d.code_value("house_type", a.house_type, b.house_type);
    d.code_value("tenure", a.tenure, b.tenure);
    d.count("dwellings", a.dwellings, b.dwellings);
    d.count("dwellings_removed", a.dwellings_removed, b.dwellings_removed);
    d.date("applied_date", a.applied, b.applied);
    d.date("granted_date", a.granted, b.granted);
    d.date("started_date", a.started, b.started);
    d.date("completed_date", a.completed, b.completed);
    d.date("refused_date", a.refused, b.refused);
    d.date("withdrawn_date", a.withdrawn, b.withdrawn);
    if (std::abs(a.x - b.x) > k_location_tolerance || std::abs(a.y - b.y) > k_location_tolerance) {
        d.add({"location", xy(a.x, a.y), xy(b.x, b.y), "changed"});
    }
    d.geometry("footprint", a.footprint, b.footprint);
    d.text("footprint_repair", a.footprint_repair, b.footprint_repair);
    d.text("assumed", a.assumed, b.assumed);
    d.text("year_only", a.year_only, b.year_only);
    return d.take();
}

std::vector<FieldChange> compare(const PlanRecord& a, const PlanRecord& b) {
    Differ d;
    d.text("name", a.name, b.name);
    if (a.status != b.status) {
        // Going back in the process (laga kraft → granskning, upphävd → laga kraft) is unusual enough to
        // flag. The ends (överklagad, upphävd, avslutad) come after laga kraft in the code list: reaching one
        // is a normal change, and so is leaving överklagad for laga kraft when an appeal is turned down.
        const bool back = b.status < a.status && b.status <= PlanStatus::laga_kraft && a.status != PlanStatus::overklagad;
        d.add({"status", std::string(code(a.status)), std::string(code(b.status)), back ? "status_moved_back" : "changed"});
    }
    d.date("adopted_date", a.adopted, b.adopted);
    d.date("legal_date", a.legal, b.legal);
    d.date("implementation_end", a.implementation_end, b.implementation_end);
    d.text("year_only", a.year_only, b.year_only);
    d.count("planned_dwellings", a.planned_dwellings, b.planned_dwellings);
    d.geometry("geometry", a.geom, b.geom);
    d.text("geometry_repair", a.geometry_repair, b.geometry_repair);
    d.count("capacity_override", a.capacity_override, b.capacity_override);
    d.text("capacity_note", a.capacity_note, b.capacity_note);
    const auto estimate = [](const std::optional<double>& v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        return fmt::format("{:g}", *v);
    };
    d.value("capacity_estimate", a.capacity_estimate, b.capacity_estimate, estimate);
    d.text("capacity_method", a.capacity_method, b.capacity_method);
    if (a.areas != b.areas) {
        d.add({"areas", std::to_string(a.areas.size()) + " areas", std::to_string(b.areas.size()) + " areas", "changed"});
    }
    return d.take();
}

} // namespace bostad::ingest
