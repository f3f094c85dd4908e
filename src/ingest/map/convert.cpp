#include "ingest/map/convert.hpp"

#include <algorithm>
#include <bitset>

#include <fmt/format.h>

#include "config/config.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/map/code_lists.hpp"
#include "sweden/kommuner.hpp"

namespace bostad::ingest {
namespace {

/// Raised inside a conversion to stop at the first problem of a row.
struct Stop {
    Problem problem;
};

class RowReader {
public:
    RowReader(const SourceRow& row, const ConvertSettings& s) : m_row(row), m_s(s) {}

    std::string source_name(Field f) const {
        const int i = m_s.binding.index(f);
        return i >= 0 ? m_s.source_names[static_cast<std::size_t>(i)] : std::string(field_name(f));
    }

    /// The trimmed text of a field; when unbound, NULL or blank, the mapping's default (recorded as assumed),
    /// else nullopt.
    std::optional<std::string> text(Field f) const {
        if (auto t = delivered(f)) return t;
        const auto& assumed = m_s.defaults[static_cast<std::size_t>(f)];
        if (assumed) m_assumed.set(static_cast<std::size_t>(f));
        return assumed;
    }

    /// The fields whose value was assumed, comma-separated in field order; nullopt when none.
    std::optional<std::string> assumed_fields() const { return field_list(m_assumed); }

    /// The date fields read as a year alone, comma-separated in field order; nullopt when none.
    std::optional<std::string> year_only_fields() const { return field_list(m_year_only); }
    bool year_only(Field f) const { return m_year_only.test(static_cast<std::size_t>(f)); }
    /// The date of `f` is not stored under its own name (a decision date becomes the granted, refused or
    /// withdrawn date).
    void date_unused(Field f) const { m_year_only.reset(static_cast<std::size_t>(f)); }
    /// `to` holds the date of `from`, or one computed from it (the end of genomförandetid from laga kraft): as
    /// precise as it.
    void date_derived(Field from, Field to) const { m_year_only.set(static_cast<std::size_t>(to), year_only(from)); }

    std::string required(Field f) const {
        auto t = text(f);
        if (!t) fail(Reason::missing_field, f, fmt::format("{} is empty (source field '{}')", field_name(f), source_name(f)));
        return *t;
    }

    std::optional<Date> date(Field f) const {
        const auto t = text(f);
        if (!t) return std::nullopt;
        const int i = m_s.binding.index(f);
        const bool typed = m_s.types[static_cast<std::size_t>(i)] == ValueType::date;
        static const std::vector<DateFormat> k_iso{DateFormat::iso};
        const auto& formats = typed ? k_iso : m_s.date_formats;
        if (auto d = parse_date(*t, formats)) {
            m_year_only.set(static_cast<std::size_t>(f), d->year_only);
            return d->day;
        }
        std::vector<std::string> names;
        for (auto fmt_ : formats) names.emplace_back(date_format_name(fmt_));
        fail(Reason::invalid_date, f,
             fmt::format("{} '{}' (source field '{}') is not a date (expected {})", field_name(f), *t, source_name(f),
                         join_alternatives(names)));
    }

    std::optional<std::int64_t> count(Field f) const {
        const auto t = text(f);
        if (!t) return std::nullopt;
        const auto r = parse_count(*t, decimal_of(f));
        if (r.value) return r.value;
        const Reason reason = *r.error == CountError::not_a_number ? Reason::invalid_number : Reason::invalid_count;
        fail(reason, f,
             fmt::format("{} '{}' (source field '{}') {}: expected a whole number of dwellings, 0 or more",
                         field_name(f), *t, source_name(f), describe(*r.error)));
    }

    double number(Field f) const {
        const std::string t = required(f);
        if (auto v = parse_decimal(t, decimal_of(f))) return *v;
        std::string hint;
        if (m_s.decimal == ',') hint = " (decimal comma expected)";
        else if (parse_decimal(t, ',')) hint = " (it has a decimal comma: set decimal = \",\" in the mapping)";
        fail(Reason::invalid_geometry, f,
             fmt::format("{} '{}' (source field '{}') is not a coordinate{}", field_name(f), t, source_name(f), hint));
    }

    template <typename E>
    std::optional<E> code(Field f, std::optional<E> (*read)(std::string_view, const config::Mapping*)) const {
        const auto t = text(f);
        if (!t) return std::nullopt;
        if (auto v = read(*t, m_s.mapping)) return v;
        fail(Reason::unknown_code, f,
             fmt::format("{} '{}' (source field '{}') is not a known value: use {}, or translate it in the mapping's "
                         "values.{}",
                         field_name(f), *t, source_name(f), accepted_values(f), field_name(f)));
    }

    /// Every bound text value must be valid UTF-8 after decoding.
    void check_encoding() const {
        for (int i : m_s.bound) {
            const auto& v = m_row.values[static_cast<std::size_t>(i)];
            if (v && !is_valid_utf8(*v)) {
                const std::string& name = m_s.source_names[static_cast<std::size_t>(i)];
                const std::string where = m_s.mapping ? fmt::format("[mapping.{}]", m_s.mapping->name)
                                                      : std::string("a mapping (--mapping NAME)");
                const auto as_1252 = from_windows_1252(*v);
                throw Stop{{Reason::invalid_encoding, name,
                            as_1252 ? fmt::format("field '{}' is not valid UTF-8 but reads as Windows-1252 (\"{}\"): the "
                                                  "file's text encoding is not declared (no .cpg); set encoding = "
                                                  "\"CP1252\" (or \"ISO-8859-1\") in {}",
                                                  name, escape_control(*as_1252), where)
                                    : fmt::format("field '{}' is not valid UTF-8 (nor Windows-1252): declare the file's "
                                                  "text encoding with encoding = \"...\" in {}",
                                                  name, where)}};
            }
        }
    }

    std::string municipality() const {
        const auto t = text(Field::municipality);
        if (!t) {
            if (m_s.municipality) return *m_s.municipality;
            fail(Reason::missing_field, Field::municipality,
                 "no municipality: give it in the file, the mapping (municipality = \"1290\") or --municipality");
        }
        const auto [code, problem] = municipality_code(*t, m_s.mapping, m_s.config);
        if (!code) fail(Reason::invalid_municipality, Field::municipality, fmt::format("municipality: {}", problem));
        if (m_s.municipality && *code != *m_s.municipality) {
            fail(Reason::municipality_mismatch, Field::municipality,
                 fmt::format("the row is for municipality {} but the file is given as {}", sweden::label(*code),
                             sweden::label(*m_s.municipality)));
        }
        return *code;
    }

    GeometryInput geometry() const {
        if (m_s.binding.has(Field::x) && m_s.binding.has(Field::y)) {
            if (!text(Field::x) && !text(Field::y)) return std::monostate{};
            return XyInput{number(Field::x), number(Field::y)};
        }
        if (m_s.binding.has(Field::wkt)) {
            auto t = text(Field::wkt);
            if (!t) return std::monostate{};
            return WktInput{*t};
        }
        if (m_row.wkb.empty()) return std::monostate{};
        return WkbInput{m_row.wkb};
    }

    [[noreturn]] void fail(Reason r, Field f, std::string message) const {
        throw Stop{{r, std::string(field_name(f)), std::move(message)}};
    }

private:
    /// The trimmed text of a field as delivered; nullopt when unbound, NULL, blank or a null value.
    std::optional<std::string> delivered(Field f) const {
        const int i = m_s.binding.index(f);
        if (i < 0) return std::nullopt;
        const auto& v = m_row.values[static_cast<std::size_t>(i)];
        if (!v) return std::nullopt;
        const std::string_view t = trim(*v);
        if (t.empty() || means_empty(f, t)) return std::nullopt;
        return std::string(t);
    }

    bool means_empty(Field f, std::string_view t) const {
        for (const auto& n : m_s.null_values) {
            if (n == t) return true;
        }
        const auto& codes = m_s.empty_codes[static_cast<std::size_t>(f)];
        return !codes.empty() && std::find(codes.begin(), codes.end(), lower_sv(t)) != codes.end();
    }

    char decimal_of(Field f) const {
        const int i = m_s.binding.index(f);
        return m_s.types[static_cast<std::size_t>(i)] == ValueType::number ? '.' : m_s.decimal;
    }

    static std::optional<std::string> field_list(const std::bitset<k_field_count>& fields) {
        if (fields.none()) return std::nullopt;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < k_field_count; ++i) {
            if (fields.test(i)) names.emplace_back(field_name(static_cast<Field>(i)));
        }
        return join(names, ",");
    }

    const SourceRow& m_row;
    const ConvertSettings& m_s;
    mutable std::bitset<k_field_count> m_assumed;
    mutable std::bitset<k_field_count> m_year_only;
};

/// A date as the row gave it: the day, or the year alone.
std::string as_delivered(const RowReader& r, Field f, Date d) { return r.year_only(f) ? std::to_string(d.year()) : d.iso(); }

/// Each date of the chain on or after the one before it; a year alone is compared by its year.
void check_order(const RowReader& r, std::initializer_list<std::pair<Field, std::optional<Date>>> chain) {
    std::optional<std::pair<Field, Date>> previous;
    for (const auto& [field, date] : chain) {
        if (!date) continue;
        if (previous) {
            const bool by_year = r.year_only(field) || r.year_only(previous->first);
            if (by_year ? date->year() < previous->second.year() : *date < previous->second) {
                r.fail(Reason::dates_out_of_order, field,
                       fmt::format("{} {} is before {} {}", field_name(field), as_delivered(r, field, *date),
                                   field_name(previous->first), as_delivered(r, previous->first, previous->second)));
            }
        }
        previous = {field, *date};
    }
}

/// The values of the mapping's key fields after case_id, joined by " | " ("" when none has a value).
std::string key_extra(const RowReader& r, const ConvertSettings& s) {
    std::vector<std::string> parts;
    bool any = false;
    for (const Field f : s.key_extra) {
        auto v = r.text(f);
        any = any || v.has_value();
        parts.push_back(v.value_or(""));
    }
    return any ? join(parts, " | ") : std::string();
}

/// Why a row fails the mapping's keep filters, if it does.
std::optional<Skip> filtered_out(const SourceRow& row, const ConvertSettings& s) {
    for (const auto& k : s.keep) {
        const auto& v = row.values[static_cast<std::size_t>(k.index)];
        const std::string value = v ? lower_sv(trim(*v)) : std::string();
        if (std::find(k.values.begin(), k.values.end(), value) == k.values.end()) {
            return Skip{"filtered", fmt::format("{} is '{}', not one of the values kept", k.column, v ? std::string(trim(*v)) : "")};
        }
    }
    return std::nullopt;
}

/// Fills in `key` and `municipality` as far as they can be read, then runs `body`, catching the first problem.
template <typename Record, typename Body>
Converted<Record> convert(const SourceRow& row, const ConvertSettings& s, Field key_field, Body body) {
    Converted<Record> out;
    RowReader r(row, s);
    try {
        if (auto k = r.text(key_field)) out.key = *k;
        if constexpr (std::is_same_v<Record, PermitRecord>) out.key = permit_id(out.key, key_extra(r, s));
        // Rows the project did not ask for are skipped before any check.
        if (auto skip = filtered_out(row, s)) {
            out.skip = std::move(skip);
            return out;
        }
        try {
            out.municipality = r.municipality();
        } catch (const Stop&) {
            // reported below, in field order
        }
        // Permits and plans of a kommun outside the project; areas are reference geometry and stay.
        if (!std::is_same_v<Record, AreaRecord> && !out.municipality.empty() && s.config && !s.config->covers(out.municipality)) {
            const std::string message = fmt::format("{} is not one of the project's kommuner", sweden::label(out.municipality));
            if (s.skip_other_municipalities) {
                out.skip = Skip{"other_municipality", message};
                return out;
            }
            r.fail(Reason::other_municipality, Field::municipality,
                   message + " (other_municipalities = \"skip\" in the mapping skips such rows)");
        }
        r.check_encoding();
        out.geometry = r.geometry();
        out.record = body(r);
    } catch (const Stop& stop) {
        out.problem = stop.problem;
        out.record.reset();
    }
    return out;
}

} // namespace

void apply_mapping_rules(ConvertSettings& s, const config::Mapping* mapping, const std::string& file) {
    if (!mapping) return;
    for (const auto& [column, values] : mapping->keep) {
        KeepFilter k;
        k.column = column;
        k.index = find_source_field(s.source_names, column);
        if (k.index < 0) {
            throw UsageError(fmt::format("mapping '{}': keep column '{}' is not in {} (its fields: {})", mapping->name, column,
                                         file, join(s.source_names, ", ")));
        }
        for (const auto& v : values) k.values.push_back(lower_sv(trim(v)));
        s.keep.push_back(std::move(k));
    }
    s.skip_other_municipalities = mapping->skip_other_municipalities;
    if (!mapping->defaults.empty() && s.kind != DataKind::permits) {
        throw UsageError(fmt::format("mapping '{}' has [defaults], which apply to permits only: use another mapping for {}",
                                     mapping->name, kind_name(s.kind)));
    }
    for (std::size_t i = 1; i < mapping->key.size(); ++i) {
        if (const auto f = parse_field(mapping->key[i])) s.key_extra.push_back(*f);
    }
    for (const auto& [field, value] : mapping->defaults) {
        if (const auto f = parse_field(field)) s.defaults[static_cast<std::size_t>(*f)] = std::string(trim(value));
    }
    s.null_values = mapping->null_values;
    for (const auto& [field, table] : mapping->values) {
        const auto f = parse_field(field);
        if (!f) continue;
        for (const auto& [from, to] : table) {
            if (trim(to).empty()) s.empty_codes[static_cast<std::size_t>(*f)].push_back(lower_sv(trim(from)));
        }
    }
}

void apply_capacity_override(PlanRecord& plan, const config::Config* config) {
    if (!config) return;
    if (const auto* o = config->find_plan_capacity(plan.municipality, plan.plan_id)) {
        plan.capacity_override = o->dwellings;
        plan.capacity_note = o->note.empty() ? std::nullopt : std::optional(o->note);
    }
}

KommunCode municipality_code(std::string_view text, const config::Mapping* mapping, const config::Config* config) {
    std::string t(trim(text));
    if (mapping) {
        if (const auto it = mapping->values.find("municipality"); it != mapping->values.end()) {
            if (const auto v = it->second.find(t); v != it->second.end()) t = v->second;
        }
    }
    const sweden::Found found = sweden::find_kommun_by_text(t);
    if (found.kommun) return {found.kommun->code, {}};
    if (config) {
        for (const auto& m : config->municipalities) {
            if (lower_sv(m.name) == lower_sv(t)) return {m.code, {}};
        }
    }
    return {std::nullopt, found.problem};
}

Converted<PermitRecord> convert_permit(const SourceRow& row, const ConvertSettings& s) {
    return convert<PermitRecord>(row, s, Field::case_id, [&](const RowReader& r) {
        PermitRecord p;
        p.case_id = r.required(Field::case_id);
        p.key_extra = key_extra(r, s);
        p.id = permit_id(p.case_id, p.key_extra);
        p.municipality = r.municipality();
        p.property = r.text(Field::property);
        p.house_type = r.code<HouseType>(Field::house_type, read_house_type);
        p.tenure = r.code<Tenure>(Field::tenure, read_tenure);
        p.dwellings = r.count(Field::dwellings); // unknown stays unknown: never 0
        p.dwellings_removed = r.count(Field::dwellings_removed).value_or(0);
        p.applied = r.date(Field::applied_date); // a decision list has none: the case starts at its first known date
        p.granted = r.date(Field::granted_date);
        p.started = r.date(Field::started_date);
        p.completed = r.date(Field::completed_date);
        p.refused = r.date(Field::refused_date);
        p.withdrawn = r.date(Field::withdrawn_date);
        if (const auto decision = r.code<Decision>(Field::decision, read_decision)) {
            const auto when = r.date(Field::decision_date);
            if (!when) r.fail(Reason::missing_field, Field::decision_date, "a decision without its date (decision_date is empty)");
            const Field slot_field = *decision == Decision::granted   ? Field::granted_date
                                     : *decision == Decision::refused ? Field::refused_date
                                                                      : Field::withdrawn_date;
            auto& slot = slot_field == Field::granted_date ? p.granted : slot_field == Field::refused_date ? p.refused : p.withdrawn;
            if (!slot) {
                slot = when;
                r.date_derived(Field::decision_date, slot_field);
            }
            r.date_unused(Field::decision_date);
        } else if (r.text(Field::decision_date)) {
            r.fail(Reason::missing_field, Field::decision, "a decision date without a decision");
        }
        if (p.granted && p.refused) {
            r.fail(Reason::conflicting_decisions, Field::refused_date,
                   fmt::format("both granted ({}) and refused ({})", p.granted->iso(), p.refused->iso()));
        }
        check_order(r, {{Field::applied_date, p.applied}, {Field::granted_date, p.granted},
                        {Field::started_date, p.started}, {Field::completed_date, p.completed}});
        check_order(r, {{Field::applied_date, p.applied}, {Field::refused_date, p.refused}});
        check_order(r, {{Field::applied_date, p.applied}, {Field::withdrawn_date, p.withdrawn}});
        p.assumed = r.assumed_fields();
        p.year_only = r.year_only_fields();
        return p;
    });
}

Converted<PlanRecord> convert_plan(const SourceRow& row, const ConvertSettings& s) {
    return convert<PlanRecord>(row, s, Field::plan_id, [&](const RowReader& r) {
        PlanRecord p;
        p.plan_id = r.required(Field::plan_id);
        p.municipality = r.municipality();
        p.name = r.text(Field::name);
        const auto status = r.code<PlanStatus>(Field::status, read_plan_status);
        if (!status) r.fail(Reason::missing_field, Field::status, fmt::format("status is empty (source field '{}')", r.source_name(Field::status)));
        p.status = *status;
        p.adopted = r.date(Field::adopted_date);
        p.legal = r.date(Field::legal_date);
        p.implementation_end = r.date(Field::implementation_end);
        if (const auto years = r.count(Field::implementation_years); years && !p.implementation_end && p.legal) {
            p.implementation_end = p.legal->plus_months(static_cast<int>(12 * *years));
        }
        p.planned_dwellings = r.count(Field::planned_dwellings);
        p.source_format = s.source_format;
        apply_capacity_override(p, s.config);
        if (p.status == PlanStatus::laga_kraft && !p.legal) {
            r.fail(Reason::missing_field, Field::legal_date, "a plan with status laga kraft needs its laga kraft date (legal_date)");
        }
        check_order(r, {{Field::adopted_date, p.adopted}, {Field::legal_date, p.legal},
                        {Field::implementation_end, p.implementation_end}});
        p.year_only = r.year_only_fields();
        return p;
    });
}

Converted<AreaRecord> convert_area(const SourceRow& row, const ConvertSettings& s) {
    return convert<AreaRecord>(row, s, Field::area_id, [&](const RowReader& r) {
        AreaRecord a;
        a.area_id = r.required(Field::area_id);
        a.name = r.text(Field::name);
        if (r.text(Field::municipality) || s.municipality) a.municipality = r.municipality();
        return a;
    });
}

} // namespace bostad::ingest
