#include "core/staged_output.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad {
namespace fs = std::filesystem;

namespace {

std::string exists_message(const fs::path& target) {
    return fmt::format("'{}' already exists; add --overwrite to replace it", target.string());
}

} // namespace

StagedOutput::StagedOutput(fs::path target, Kind kind, bool overwrite)
    : m_target(std::move(target)), m_kind(kind), m_overwrite(overwrite) {
    std::error_code ec;
    if (m_target.empty() || m_target.filename().empty() || m_target.filename() == "." || m_target.filename() == "..") {
        throw UsageError(fmt::format("'{}' is not a file name to write to", m_target.string()));
    }
    const bool exists = fs::exists(fs::symlink_status(m_target, ec));
    if (exists && !m_overwrite) throw UsageError(exists_message(m_target));
    if (exists && m_kind == Kind::folder && !fs::is_directory(m_target, ec)) {
        throw UsageError(fmt::format("'{}' exists and is not a folder", m_target.string()));
    }
    if (exists && m_kind == Kind::file && fs::is_directory(m_target, ec)) {
        throw UsageError(fmt::format("'{}' is a folder, not a file", m_target.string()));
    }
    const fs::path dir = m_target.parent_path().empty() ? fs::path(".") : m_target.parent_path();
    if (!fs::is_directory(dir, ec)) {
        throw UsageError(fmt::format("cannot write '{}': folder '{}' does not exist", m_target.string(), dir.string()));
    }
    m_staging = dir / fmt::format(".{}.bostad-partial-{}", m_target.filename().string(), ::getpid());
    fs::remove_all(m_staging, ec);
}

StagedOutput::~StagedOutput() {
    if (m_committed) return;
    std::error_code ec;
    fs::remove_all(m_staging, ec);
}

void StagedOutput::commit() {
    std::error_code ec;
    if (m_kind == Kind::file && !m_overwrite) {
        // A hard link fails when the target exists: never replaces a file that appeared meanwhile.
        fs::create_hard_link(m_staging, m_target, ec);
        if (ec == std::errc::file_exists) throw UsageError(exists_message(m_target));
        if (ec) throw IoError(fmt::format("cannot write '{}': {}", m_target.string(), ec.message()));
        fs::remove(m_staging, ec);
    } else if (m_kind == Kind::file) {
        fs::rename(m_staging, m_target, ec); // atomic replacement
        if (ec) throw IoError(fmt::format("cannot write '{}': {}", m_target.string(), ec.message()));
    } else {
        // A folder: rename() onto an existing non-empty folder fails, so an old one is moved aside first.
        const fs::path old = m_staging.string() + "-old";
        const bool replacing = fs::exists(m_target, ec);
        if (replacing && !m_overwrite) throw UsageError(exists_message(m_target));
        if (replacing) {
            fs::remove_all(old, ec);
            fs::rename(m_target, old, ec);
            if (ec) throw IoError(fmt::format("cannot replace '{}': {}", m_target.string(), ec.message()));
        }
        fs::rename(m_staging, m_target, ec);
        if (ec) {
            std::error_code ignored;
            if (replacing) fs::rename(old, m_target, ignored);
            throw IoError(fmt::format("cannot write '{}': {}", m_target.string(), ec.message()));
        }
        if (replacing) fs::remove_all(old, ec);
    }
    m_committed = true;
}

} // namespace bostad
