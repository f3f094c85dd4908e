#pragma once
// Checks blocks of delivered rows: converts each row and checks its geometry. One RowChecker per thread
// (it owns a PROJ transformation and a GEOS context); several check the blocks of one file in parallel.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/records.hpp"
#include "core/row_source.hpp"
#include "ingest/batch.hpp"
#include "ingest/map/convert.hpp"
#include "ingest/check/geometry_check.hpp"

namespace bostad::ingest {

/// An area with at least this share in a second kommun is reported as split.
inline constexpr double k_split_share = 0.05;

/// What a file's rows are checked against: the same for every thread.
struct CheckSettings {
    ConvertSettings convert;
    std::string crs_wkt;
    std::string crs_label;
    std::optional<int> crs_epsg;
    double max_repair_area_change = 0.01;
    bool track_seen = false;
    std::shared_ptr<const sweden::Outlines> outlines; ///< what locations are judged against
    double boundary_tolerance_m = 5000;
    /// Row digests (ingest/read/row_digest.hpp): the context's digest (0: rows get none), the columns they
    /// cover, and the stored rows a row is recognised as (none: every row is decoded).
    std::uint64_t digest_context = 0;
    std::vector<int> digest_columns;
    std::shared_ptr<const KnownRows> known;
};

/// The outcome of one block of rows.
template <typename Record>
struct BlockResult {
    std::vector<Candidate<Record>> accepted;
    std::vector<Rejection> rejected;
    std::vector<Skipped> skipped;
    std::int64_t repaired = 0;
    std::vector<std::string> seen; ///< entity keys, when CheckSettings::track_seen
    std::vector<Recognized> recognized;
    std::vector<std::string> near_border; ///< accepted rows outside their kommun's outline near another: "row 12: lies in …"
    std::vector<std::pair<std::string, std::string>> placed; ///< areas without a kommun: (kommun code, note when split)
};

class RowChecker {
public:
    explicit RowChecker(const CheckSettings& settings);

    void check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<PermitRecord>& out);
    void check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<PlanRecord>& out);
    void check(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<AreaRecord>& out);

    /// The bound fields of a row as read, as a JSON object (only these: other columns may hold personal data).
    static std::string raw_json(const SourceRow& row, const ConvertSettings& settings);

private:
    template <typename Record, typename ConvertFn>
    void check_rows(const std::vector<SourceRow>& rows, std::uint32_t file, BlockResult<Record>& out, ConvertFn convert);
    const MunicipalityExtent& extent(const std::string& code);
    /// The geometry of a row rejected for its values, checked only to show the row on a map.
    GeometryResult locate_only(DataKind kind, const GeometryInput& input, const MunicipalityExtent& area);
    /// An area without a kommun gets the one that holds most of its area (none when it lies in no kommun).
    void place_area(AreaRecord& area, BlockResult<AreaRecord>& out);

    const CheckSettings& m_settings;
    GeometryChecker m_geometry;
    std::map<std::string, MunicipalityExtent> m_extents;
};

} // namespace bostad::ingest
