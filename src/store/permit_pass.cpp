#include "store/permit_pass.hpp"

#include <algorithm>

namespace bostad::store {
namespace {

using Text = std::string_view;

/// In the 12 months up to D: after D − 12 months, up to and including D.
bool in_last_year(const std::optional<Text>& v, const MonthDays& days) { return v && *v > days.lead_after && *v <= days.d; }

double days_between(Text from, Text to) {
    const auto a = Date::parse_iso(from);
    const auto b = Date::parse_iso(to);
    return a && b ? static_cast<double>(b->days() - a->days()) : 0.0;
}

/// year × 12 + month − 1 of an ISO date.
int month_index(Text iso) {
    const auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n && i < iso.size(); ++i) v = v * 10 + (iso[i] - '0');
        return v;
    };
    return digits(0, 4) * 12 + digits(5, 2) - 1;
}

} // namespace

std::vector<std::int32_t> area_index_table(const ScanRequest& req) {
    std::int64_t max_area = 0;
    for (const auto& [fid, index] : req.area_index) max_area = std::max(max_area, fid);
    std::vector<std::int32_t> out(static_cast<std::size_t>(max_area) + 1, -1);
    for (const auto& [fid, index] : req.area_index) out[static_cast<std::size_t>(fid)] = static_cast<std::int32_t>(index);
    return out;
}

Counts& PermitPass::Split::at(std::size_t slot, std::optional<Text> key) {
    const Text k = key.value_or("unknown");
    std::size_t id = 0;
    while (id < m_keys.size() && m_keys[id] != k) ++id;
    if (id == m_keys.size()) m_keys.emplace_back(k);
    auto& row = m_counts[slot];
    if (row.size() <= id) row.resize(id + 1);
    row[id].second = true;
    return row[id].first;
}

void PermitPass::Split::into(std::size_t slot, std::map<std::string, Counts, std::less<>>& out) const {
    const auto& row = m_counts[slot];
    for (std::size_t id = 0; id < row.size(); ++id) {
        if (row[id].second) out[m_keys[id]] += row[id].first;
    }
}

PermitPass::PermitPass(const ScanRequest& req, std::vector<std::int32_t>& capacity_use)
    : m_req(req), m_cut(req.days.cutoffs()), m_capacity_use(capacity_use), m_slots(req.area_index.size() + 1),
      m_by_type(m_slots), m_by_tenure(m_slots) {
    m_tally.areas.resize(req.area_index.size());
    if (req.earlier) m_earlier = req.earlier->cutoffs();
    if (req.series_months > 0) {
        for (const FigureDef& f : figure_defs()) {
            const auto date = stage_date_of(f.rule.date);
            if (date && f.rule.states == 0 && f.rule.from == Day::month_start && f.rule.to == Day::end) m_month_flows.emplace_back(f.id, *date);
        }
        m_series_first = month_index(m_req.days.d) - (req.series_months - 1);
    }
}

void PermitPass::add(const PassRow& r) {
    if (!m_req.municipalities.empty()) {
        if (!m_scope_known || r.municipality != m_scope_code) {
            m_scope_code = r.municipality;
            m_scope_known = true;
            m_in_scope = std::binary_search(m_req.municipalities.begin(), m_req.municipalities.end(), m_scope_code);
        }
        if (!m_in_scope) return;
    }
    const StageDates<Text>& dates = r.dates;
    const PipelineState state = state_at(dates, m_cut);
    const FigureMask figures = figure_mask(dates, m_cut, state);
    // Unknown dwellings count as none, and the permit as one whose dwellings are unknown.
    const std::int64_t n = r.dwellings.value_or(0);
    const std::int64_t net = n - r.dwellings_removed;
    const std::int64_t unknown = r.dwellings ? 0 : 1;
    if (uses_capacity(state)) m_capacity_use[static_cast<std::size_t>(r.fid)] = static_cast<std::int32_t>(n);
    const std::size_t slot = r.area >= 0 ? static_cast<std::size_t>(r.area) : m_slots - 1;
    Figures& where = r.area >= 0 ? m_tally.areas[slot] : m_tally.unassigned;
    where.dwellings.add(figures, n);
    where.net.add(figures, net);
    where.permits.add(figures, 1);
    where.unknown_dwellings.add(figures, unknown);
    m_by_type.at(slot, r.house_type).add(figures, n);
    m_by_tenure.at(slot, r.tenure).add(figures, n);

    if (!m_municipality || r.municipality != m_last_code) {
        m_last_code = r.municipality;
        m_municipality = &m_tally.municipalities[m_last_code];
        const auto it = m_req.target_starts.find(m_last_code);
        m_target_starts = it == m_req.target_starts.end() ? nullptr : &it->second;
        if (m_target_starts) m_municipality->completed_since.resize(m_target_starts->size(), 0);
    }
    MunicipalityTally& m = *m_municipality;
    m.figures.dwellings.add(figures, n);
    m.figures.net.add(figures, net);
    m.figures.permits.add(figures, 1);
    m.figures.unknown_dwellings.add(figures, unknown);
    if (m_earlier) m.earlier.add(figure_mask(dates, *m_earlier, state_at(dates, *m_earlier)), n);
    // A lead time needs both days: a year alone gives none.
    const auto step = [&](StageDate from, StageDate to, std::vector<double>& samples) {
        const auto& a = dates.at(from);
        const auto& b = dates.at(to);
        if (a && in_last_year(b, m_req.days) && !dates.is_year_only(from) && !dates.is_year_only(to)) {
            samples.push_back(days_between(*a, *b));
        }
    };
    step(StageDate::applied, StageDate::granted, m.to_granted);
    step(StageDate::granted, StageDate::started, m.to_started);
    step(StageDate::started, StageDate::completed, m.to_completed);
    if (!m_month_flows.empty()) {
        if (m.series.empty()) m.series.resize(static_cast<std::size_t>(m_req.series_months));
        for (const auto& [figure, stage] : m_month_flows) {
            const auto& d = dates.at(stage);
            // A year alone belongs to no month (core/pipeline.hpp).
            if (!on_or_before(d, Text(m_req.days.d)) || dates.is_year_only(stage)) continue;
            const int i = month_index(*d) - m_series_first;
            if (i >= 0) m.series[static_cast<std::size_t>(i)][figure] += n;
        }
    }
    if (m_target_starts && on_or_before(dates.completed, Text(m_req.days.d))) {
        const bool year_only = dates.is_year_only(StageDate::completed);
        for (std::size_t t = 0; t < m_target_starts->size(); ++t) {
            const Text start((*m_target_starts)[t]);
            if (*dates.completed < start || (year_only && !year_begins_by(start, *dates.completed))) continue;
            m.completed_since[t] += n;
        }
    }
}

PermitTally PermitPass::finish() {
    for (std::size_t a = 0; a < m_tally.areas.size(); ++a) {
        m_by_type.into(a, m_tally.areas[a].by_house_type);
        m_by_tenure.into(a, m_tally.areas[a].by_tenure);
    }
    m_by_type.into(m_slots - 1, m_tally.unassigned.by_house_type);
    m_by_tenure.into(m_slots - 1, m_tally.unassigned.by_tenure);
    return std::move(m_tally);
}

void merge(PermitTally& into, PermitTally&& part) {
    for (std::size_t a = 0; a < into.areas.size(); ++a) into.areas[a].add(part.areas[a]);
    into.unassigned.add(part.unassigned);
    for (auto& [code, m] : part.municipalities) {
        MunicipalityTally& t = into.municipalities[code];
        t.figures.add(m.figures);
        t.to_granted.insert(t.to_granted.end(), m.to_granted.begin(), m.to_granted.end());
        t.to_started.insert(t.to_started.end(), m.to_started.begin(), m.to_started.end());
        t.to_completed.insert(t.to_completed.end(), m.to_completed.begin(), m.to_completed.end());
        t.completed_since.resize(std::max(t.completed_since.size(), m.completed_since.size()), 0);
        for (std::size_t i = 0; i < m.completed_since.size(); ++i) t.completed_since[i] += m.completed_since[i];
        t.earlier += m.earlier;
        t.series.resize(std::max(t.series.size(), m.series.size()));
        for (std::size_t i = 0; i < m.series.size(); ++i) t.series[i] += m.series[i];
    }
}

} // namespace bostad::store
