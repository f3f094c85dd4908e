#pragma once
// File helpers for tests.

#include <filesystem>
#include <optional>
#include <string>

namespace bostad::test {

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& text);
/// The bytes of a file, for "unchanged" checks.
std::string file_bytes(const std::filesystem::path& p);

/// ../shared/data, or nullopt (tests then skip with a message saying so).
std::optional<std::filesystem::path> shared_data_dir();

/// Runs GDAL's GeoPackage validator; returns its output, empty when the file is valid.
std::string validate_gpkg(const std::string& path);

} // namespace bostad::test
