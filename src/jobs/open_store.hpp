#pragma once
// Opening a store for a command, through the seam (store/store.hpp): for reading a status, with the area
// assignments an interrupted or older writer left made first, so that the figures are up to date.

#include <memory>
#include <string>

#include "store/store.hpp"

namespace bostad::jobs {

/// Opens the store for status, export, report and copy: an older store is migrated, pending assignments are
/// made (and told to `options.note`).
std::unique_ptr<store::Store> open_for_reading(const std::string& location, const store::OpenOptions& options);

} // namespace bostad::jobs
