#pragma once
// Zip archives with GDAL's minizip: written in memory (CPLCreateZip) for the .qgz of an embedded QGIS
// project, and listed (/vsizip/) before a delivered archive is read.

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

struct ArchivedFile {
    std::string name;            ///< path inside the archive
    std::uint64_t size = 0;      ///< unpacked, as the archive declares it (GDAL never unpacks more)
};

/// The files of the zip archive at `path` (a real file), without unpacking them; throws InputError when
/// it is not a zip archive GDAL can read.
std::vector<ArchivedFile> list_zip(const std::string& path);

} // namespace bostad::gdal
