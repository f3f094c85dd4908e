#include "ingest/read/open_source.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/vector_reader.hpp"
#include "gdal/zip.hpp"
#include "ingest/read/csv_reader.hpp"

namespace bostad::ingest {
namespace fs = std::filesystem;
namespace {

/// What a delivered archive may unpack to in all: a zipped Shapefile of every permit in both
/// municipalities is a few megabytes; a zip bomb is refused before a byte is unpacked.
constexpr std::uint64_t k_max_unpacked = std::uint64_t{1} << 30;

/// "/vsizip/{PATH}" for GDAL, once the archive's declared sizes are within the limit.
std::string checked_archive(const std::string& path) {
    const std::string absolute = fs::absolute(path).string();
    const auto files = gdal::list_zip(absolute);
    std::uint64_t total = 0;
    const gdal::ArchivedFile* largest = nullptr;
    for (const auto& f : files) {
        total += f.size;
        if (!largest || f.size > largest->size) largest = &f;
    }
    if (!largest) throw InputError(fmt::format("{}: the archive holds no files", path));
    if (total > k_max_unpacked) {
        throw InputError(fmt::format("{}: the archive unpacks to {} bytes ({} alone is {} bytes) from {} bytes; bostad "
                                     "unpacks at most 1 GiB from one archive: nothing was read",
                                     path, total, largest->name, largest->size, fs::file_size(path)));
    }
    return "/vsizip/{" + absolute + "}";
}

} // namespace

std::unique_ptr<RowSource> open_source(const std::string& path, const SourceOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(fmt::format("{}: no such file", path));
    if (fs::is_directory(path, ec)) {
        throw InputError(fmt::format("{}: is a folder; give the file itself (e.g. {}/NAME.shp)", path, path));
    }
    if (fs::file_size(path, ec) == 0) throw InputError(fmt::format("{}: the file is empty", path));
    const std::string ext = lower_sv(fs::path(path).extension().string());
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv") {
        if (options.layer) throw UsageError(fmt::format("--layer: {} is a CSV file; it has no layers", path));
        return std::make_unique<CsvReader>(path, options);
    }
    // A zipped Shapefile (or any vector files in a zip archive): read in place through GDAL's /vsizip/.
    if (ext == ".zip") return std::make_unique<gdal::VectorReader>(checked_archive(path), options);
    return std::make_unique<gdal::VectorReader>(path, options);
}

} // namespace bostad::ingest
