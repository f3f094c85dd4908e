#pragma once
// Whether a row lies in the kommun it names, judged on the kommun outlines (sweden/outlines.hpp) with a
// tolerance for their coarseness: SCB's generalised outlines put real permits up to a few km inside a
// neighbour or out at sea. A row is wrong when its own kommun lies more than the tolerance farther away than
// the nearest other one: when it lies more than the tolerance inside another kommun, or inside another one
// more than the tolerance from its own (at the edge of a kommun far away), or outside every outline and that
// much nearer another kommun. A row accepted outside its own outline within the tolerance of another kommun
// is near a border.

#include <string>

#include "sweden/outlines.hpp"

namespace bostad::sweden {

inline constexpr double k_default_tolerance_m = 5000;

struct Placement {
    enum class Verdict { inside, near_border, wrong };
    Verdict verdict = Verdict::inside;
    std::string message; ///< where it lies, for near_border and wrong: "lies in Hässleholm (1293), 13.7 km inside its boundary"
};

/// Where the point (EPSG:3006) lies against the kommun `code`. A kommun without an outline is not judged.
Placement place(Locator& locator, const std::string& code, double x, double y, double tolerance_m);

} // namespace bostad::sweden
