#pragma once
// The kommun outlines a project checks locations against and draws its maps with: SCB's generalised outlines
// built in (sweden/kommuner.hpp), each replaced by the project's own where it gives a boundary layer. And a
// Locator that answers where a point or a polygon lies among them.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/gpkg_blob.hpp"
#include "geos/context.hpp"

namespace bostad::sweden {

struct Outline {
    std::string code;              ///< kommun code
    std::vector<std::uint8_t> wkb; ///< (multi)polygon, ISO WKB, EPSG:3006
    Envelope envelope;
    bool built_in = true;          ///< SCB's generalised outline; false: the project's own
};

class Outlines {
public:
    /// SCB's outlines of all 290 kommuner (parsed once, shared).
    static std::shared_ptr<const Outlines> built_in();
    /// The built-in outlines with `own` in place of theirs (outlines with an empty geometry are ignored).
    static std::shared_ptr<const Outlines> with(std::vector<Outline> own);

    std::span<const Outline> all() const { return m_all; }
    /// The index of the kommun's outline, or none.
    std::optional<std::size_t> index(std::string_view code) const;
    const Outline* find(std::string_view code) const;

private:
    std::vector<Outline> m_all; ///< ordered by code
};

/// Where places lie among the outlines. Not shared between threads: it owns a GEOS context and the geometries
/// it has prepared (lazily, only those it needs).
class Locator {
public:
    explicit Locator(std::shared_ptr<const Outlines> outlines);
    Locator(const Locator&) = delete;
    Locator& operator=(const Locator&) = delete;

    const Outlines& outlines() const { return *m_outlines; }
    /// The outline that contains the point, trying `first` before the others; none when it lies in no outline.
    std::optional<std::size_t> containing(double x, double y, std::optional<std::size_t> first = {});
    /// How far the point lies from the outline (0 inside it), in metres.
    double distance(std::size_t outline, double x, double y);
    /// How far the point lies from the outline's edge (inside it: how deep), in metres.
    double depth(std::size_t outline, double x, double y);
    /// The outline nearest the point other than `except`, and its distance.
    std::optional<std::pair<std::size_t, double>> nearest_other(double x, double y, std::size_t except);
    /// The share of a polygon's area (ISO WKB, EPSG:3006) inside each outline it overlaps, largest first.
    std::vector<std::pair<std::size_t, double>> shares(std::span<const std::uint8_t> polygon);

private:
    struct Prepared {
        geos::Geometry geom, edge;
        geos::Prepared prepared, prepared_edge;
    };
    Prepared& at(std::size_t i);
    Prepared& edge_at(std::size_t i);

    std::shared_ptr<const Outlines> m_outlines;
    geos::Context m_ctx;
    std::vector<std::unique_ptr<Prepared>> m_prepared;
};

} // namespace bostad::sweden
