#include "ingest/open_source.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "gdal/vector_reader.hpp"
#include "ingest/csv_reader.hpp"

namespace bostad::ingest {
namespace fs = std::filesystem;

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
    return std::make_unique<gdal::VectorReader>(path, options);
}

} // namespace bostad::ingest
