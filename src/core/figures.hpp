#pragma once
// The figures of a status: one table, one row per figure — its key, its headings and labels in every output,
// and its rule (core/pipeline.hpp), which the status engine of each store evaluates (in C++, or as SQL written
// from the same rule by core/rule_sql.hpp). `bostad status` (text, JSON, CSV), the report's tables, the
// export's layers and the PostGIS store's query all loop over this table: a new figure is one row here.

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/pipeline.hpp"

namespace bostad {

/// Every figure, in the order of the table (and of every output).
enum class Figure : std::uint8_t {
    applied,
    granted,
    started,
    completed,
    applied_in_month,
    granted_in_month,
    started_in_month,
    completed_in_month,
    completed_year_to_date,
    lapsed,
    overdue,
    stalled,
};
inline constexpr std::size_t k_figure_count = 12;

/// How `bostad status` groups the figures in its text per municipality.
enum class FigureGroup : std::uint8_t { stage, flow, flag };

struct FigureDef {
    Figure id;
    std::string_view key;     ///< JSON and CSV key, export field name
    std::string_view heading; ///< column heading of `bostad status` text
    std::string_view sv;      ///< column label in the report (Swedish)
    std::string_view en;      ///< column label in the report (English)
    std::string_view alias;   ///< the export field's alias in QGIS (Swedish, may explain)
    FigureGroup group;
    Rule rule;                ///< the permits it counts
    bool export_net = false;  ///< the export also has net_KEY (new minus removed dwellings)
};

/// The table, in Figure order.
std::span<const FigureDef> figure_defs();
const FigureDef& figure_def(Figure f);

/// Bit i set when figure i counts the permit.
using FigureMask = std::uint32_t;

/// The figures that count a permit at D.
template <typename D>
FigureMask figure_mask(const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    FigureMask mask = 0;
    for (const FigureDef& f : figure_defs()) {
        if (holds(f.rule, p, c, state)) mask |= FigureMask{1} << static_cast<unsigned>(f.id);
    }
    return mask;
}

inline bool counts(FigureMask mask, Figure f) { return (mask >> static_cast<unsigned>(f)) & 1u; }

/// Overdue (started, and 5 years from the grant ran out before D) and stalled (applied, granted or started
/// with no stage date in the last stalled months): the two flags, as their figures' rules.
template <typename D>
bool is_overdue(const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    return holds(figure_def(Figure::overdue).rule, p, c, state);
}
template <typename D>
bool is_stalled(const StageDates<D>& p, const Cutoffs<D>& c, PipelineState state) {
    return holds(figure_def(Figure::stalled).rule, p, c, state);
}

/// Dwellings (or permits) per figure.
struct Counts {
    std::array<std::int64_t, k_figure_count> values{};

    std::int64_t& operator[](Figure f) { return values[static_cast<std::size_t>(f)]; }
    std::int64_t operator[](Figure f) const { return values[static_cast<std::size_t>(f)]; }
    /// Adds `n` to every figure of the mask (without branches: a row's figures are unpredictable).
    void add(FigureMask mask, std::int64_t n) {
        for (std::size_t i = 0; i < k_figure_count; ++i) values[i] += n * static_cast<std::int64_t>((mask >> i) & 1u);
    }
    Counts& operator+=(const Counts& o) {
        for (std::size_t i = 0; i < k_figure_count; ++i) values[i] += o.values[i];
        return *this;
    }
    bool operator==(const Counts&) const = default;
};

/// The figures of one area, municipality or total.
struct Figures {
    Counts dwellings;              ///< new dwellings (SCB's measure)
    Counts net;                    ///< new minus removed dwellings
    Counts permits;                ///< number of permits
    Counts unknown_dwellings;      ///< of them, permits whose dwellings are unknown (counted as 0 dwellings)
    double planned = 0;            ///< capacity of plans with legal force, shared out by area
    double remaining_capacity = 0; ///< what of it permits have not used
    std::map<std::string, Counts, std::less<>> by_house_type; ///< dwellings
    std::map<std::string, Counts, std::less<>> by_tenure;     ///< dwellings

    void add(const Figures& o);
};

} // namespace bostad
