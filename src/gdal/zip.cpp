#include "gdal/zip.hpp"

#include <atomic>
#include <memory>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fmt/format.h>

#include "core/error.hpp"
#include "gdal/runtime.hpp"

namespace bostad::gdal {
namespace {

/// A /vsimem/ file removed when the owner goes.
class MemFile {
public:
    MemFile() {
        static std::atomic<int> counter{0};
        m_path = fmt::format("/vsimem/bostad-zip-{}.zip", counter++);
    }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    ~MemFile() { VSIUnlink(m_path.c_str()); }
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

/// Closes a zip handle that was not closed explicitly (on an error path).
class ZipHandle {
public:
    explicit ZipHandle(void* h) : m_h(h) {}
    ZipHandle(const ZipHandle&) = delete;
    ZipHandle& operator=(const ZipHandle&) = delete;
    ~ZipHandle() {
        if (m_h) CPLCloseZip(m_h);
    }
    void* get() const { return m_h; }
    CPLErr close() {
        void* h = m_h;
        m_h = nullptr;
        return CPLCloseZip(h);
    }

private:
    void* m_h;
};

} // namespace

std::vector<std::uint8_t> zip_archive(const std::vector<ZipEntry>& entries) {
    ensure_initialized();
    ErrorCollector errors;
    MemFile file;
    {
        ZipHandle zip(CPLCreateZip(file.path().c_str(), nullptr));
        if (!zip.get()) throw InternalError(fmt::format("cannot create a zip archive: {}", errors.last_or("no reason")));
        for (const auto& e : entries) {
            if (CPLCreateFileInZip(zip.get(), e.name.c_str(), nullptr) != CE_None ||
                CPLWriteFileInZip(zip.get(), e.content.data(), static_cast<int>(e.content.size())) != CE_None ||
                CPLCloseFileInZip(zip.get()) != CE_None) {
                throw InternalError(fmt::format("cannot add '{}' to a zip archive: {}", e.name, errors.last_or("no reason")));
            }
        }
        if (zip.close() != CE_None) throw InternalError(fmt::format("cannot finish a zip archive: {}", errors.last_or("no reason")));
    }
    vsi_l_offset size = 0;
    const GByte* data = VSIGetMemFileBuffer(file.path().c_str(), &size, FALSE);
    if (!data) throw InternalError("the zip archive in memory is gone");
    return std::vector<std::uint8_t>(data, data + size);
}

std::vector<ArchivedFile> list_zip(const std::string& path) {
    ensure_initialized();
    const std::string root = "/vsizip/{" + path + "}";
    ErrorCollector errors;
    std::unique_ptr<char*, decltype(&CSLDestroy)> names(VSIReadDirRecursive(root.c_str()), &CSLDestroy);
    if (!names) throw InputError(fmt::format("{}: not a zip archive that can be read ({})", path, errors.last_or("no files in it")));
    std::vector<ArchivedFile> out;
    for (char** n = names.get(); *n; ++n) {
        VSIStatBufL st;
        if (VSIStatL((root + "/" + *n).c_str(), &st) != 0 || VSI_ISDIR(st.st_mode)) continue;
        out.push_back({*n, static_cast<std::uint64_t>(st.st_size)});
    }
    return out;
}

} // namespace bostad::gdal
