#pragma once
// Zip archives in memory with GDAL's minizip (CPLCreateZip), for the .qgz of an embedded QGIS project.

#include <cstdint>
#include <string>
#include <vector>

namespace bostad::gdal {

struct ZipEntry {
    std::string name;
    std::string content;
};

/// The bytes of a zip archive holding the entries (deflated).
std::vector<std::uint8_t> zip_archive(const std::vector<ZipEntry>& entries);

} // namespace bostad::gdal
