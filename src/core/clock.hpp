#pragma once
// The time as bostad records it: UTC, in the form GeoPackage writes DATETIME values.

#include <string>

namespace bostad {

/// The current time, e.g. "2026-12-06T10:15:02.123Z" (UTC, milliseconds).
std::string utc_now();

} // namespace bostad
