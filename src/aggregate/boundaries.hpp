#pragma once
// The kommun outlines of a project as a store holds them: the areas of its boundary set ([boundaries]
// area_set) dissolved per kommun — areas whose municipality is the kommun's code, or, without one, whose
// area_id is — in place of SCB's built-in outlines; the built-in outlines alone without such a set.

#include <memory>
#include <string>

#include "sweden/outlines.hpp"

namespace bostad::store {
class FeatureSource;
}

namespace bostad::aggregate {

struct ProjectOutlines {
    std::shared_ptr<const sweden::Outlines> outlines;
    std::string source;    ///< "SCB's generalised outlines (built in)" or "area set 'kommuner' (2 kommuner), …"
    std::string source_sv; ///< the same in Swedish
};

/// `boundary_set` empty: the built-in outlines. A set the store does not hold (yet) gives the built-in ones too,
/// and says so in `source`.
ProjectOutlines project_outlines(store::FeatureSource& features, const std::string& boundary_set);

} // namespace bostad::aggregate
