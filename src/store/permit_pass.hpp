#pragma once
// The one pass over the permits behind a status, the same for every store: each permit's state and figures at
// the end of the month (core/figures.hpp), added to its area, to its municipality and to the splits by house
// type and tenure, with the lead-time samples and the completions that count for the targets. A store reads
// its permits (in any order, in parts if it likes) and hands each row to a PermitPass.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/status_source.hpp"

namespace bostad::store {

/// One permit as the pass reads it; the views need to live only during add().
struct PassRow {
    std::int64_t fid = 0;
    int area = -1; ///< index into the request's areas; -1: in none
    std::string_view municipality;
    std::optional<std::string_view> house_type, tenure;
    std::optional<std::int64_t> dwellings; ///< nullopt: unknown
    std::int64_t dwellings_removed = 0;
    StageDates<std::string_view> dates; ///< ISO
};

/// Area fid → index into the request's areas (-1: not in the set), as a dense table: the areas of a set have
/// neighbouring fids.
std::vector<std::int32_t> area_index_table(const ScanRequest& request);

class PermitPass {
public:
    /// `capacity_use` is indexed by permit fid and must cover every fid the pass sees; the pass writes the
    /// dwellings of the permits that count against a plan (and only at their fids).
    PermitPass(const ScanRequest& request, std::vector<std::int32_t>& capacity_use);
    void add(const PassRow& row);
    /// The counts; the pass is spent.
    PermitTally finish();

private:
    class Split {
    public:
        explicit Split(std::size_t slots) : m_counts(slots) {}
        Counts& at(std::size_t slot, std::optional<std::string_view> key);
        void into(std::size_t slot, std::map<std::string, Counts, std::less<>>& out) const;

    private:
        std::vector<std::string> m_keys;
        std::vector<std::vector<std::pair<Counts, bool>>> m_counts; ///< per slot, per key: counts, seen
    };

    const ScanRequest& m_req;
    Cutoffs<std::string_view> m_cut;
    std::optional<Cutoffs<std::string_view>> m_earlier;
    std::vector<std::int32_t>& m_capacity_use;
    std::size_t m_slots; ///< the areas, then the unassigned rest
    PermitTally m_tally;
    Split m_by_type, m_by_tenure;
    std::string m_last_code;
    std::string m_scope_code; ///< the last municipality checked against the request's, and whether it is one
    bool m_scope_known = false, m_in_scope = true;
    MunicipalityTally* m_municipality = nullptr;
    const std::vector<std::string>* m_target_starts = nullptr;
    /// The figures that count a stage date inside the month (a window from the month's first day to its end,
    /// any state): their series are counted by the date's month.
    std::vector<std::pair<Figure, StageDate>> m_month_flows;
    int m_series_first = 0; ///< year × 12 + month − 1 of the series' first month
};

/// Adds a part's tally to another (the areas, unassigned, municipalities and their samples).
void merge(PermitTally& into, PermitTally&& part);

} // namespace bostad::store
