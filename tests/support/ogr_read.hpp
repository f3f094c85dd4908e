#pragma once
// Reads a vector layer with OGR into plain rows, for checking files that bostad writes.

#include <map>
#include <string>
#include <vector>

namespace bostad::test {

struct OgrRow {
    std::map<std::string, std::string> fields; ///< unset and NULL fields are absent
    std::string wkt;                           ///< empty when the feature has no geometry
};

struct OgrLayer {
    std::string srs_authority_code; ///< e.g. "3006", empty when none
    std::vector<OgrRow> rows;
};

/// Reads `layer` (or the first layer when empty) of `path`; fails the test on error.
OgrLayer read_layer(const std::string& path, const std::string& layer = "");

} // namespace bostad::test
