#pragma once
// `bostad copy`: a whole store into a new (or empty) one of any kind — a GeoPackage into PostGIS, back, or a
// consistent copy of either — read in one snapshot, written in one transaction.

#include <string>
#include <vector>

#include "store/store.hpp"
#include "store/table_copy.hpp"

namespace bostad::jobs {

struct CopyDone {
    std::string from, to; ///< as shown
    std::vector<store::CopiedTable> tables;
};

CopyDone copy_store(const std::string& from, const std::string& to, const store::OpenOptions& options);

} // namespace bostad::jobs
