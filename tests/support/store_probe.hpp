#pragma once
// Looks inside a store for tests: a logical dump to compare states, integrity checks, quick queries.

#include <cstdint>
#include <string>

namespace bostad::test {

/// Every table (R-tree shadow tables included), every row, in a stable text form. With `mask_times`, the
/// timestamps (YYYY-MM-DDTHH:MM:SS.sssZ) read "<time>", so that two runs of the same ingest compare equal.
std::string dump_store(const std::string& path, bool mask_times = false);

/// "ok" when PRAGMA integrity_check, PRAGMA foreign_key_check and rtreecheck() of every R-tree pass;
/// otherwise what they said.
std::string check_store(const std::string& path);

/// The first column of the first row of `sql`, as text ("" when no row or NULL).
std::string query(const std::string& path, const std::string& sql);

/// Creates an empty store at `path`.
void make_store(const std::string& path);

} // namespace bostad::test
