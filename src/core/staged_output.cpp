#include "core/staged_output.hpp"

#include <cerrno>
#include <csignal>
#include <unistd.h>

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad {
namespace fs = std::filesystem;

namespace {

std::string exists_message(const fs::path& target) {
    return fmt::format("'{}' already exists; add --overwrite to replace it", target.string());
}

/// Removes what killed runs left beside `target` (".NAME.bostad-partial-PID", with "-old" for a folder being
/// replaced or "-journal" for SQLite's journal): only when process PID is gone, so a run writing the same target right now keeps its own.
void remove_stale_partials(const fs::path& dir, const fs::path& target) {
    const std::string prefix = fmt::format(".{}.bostad-partial-", target.filename().string());
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string pid_text = name.substr(prefix.size());
        // A folder being replaced, or SQLite's files beside a staged GeoPackage.
        for (const std::string_view suffix : {"-old", "-journal", "-wal", "-shm"}) {
            if (pid_text.ends_with(suffix)) pid_text.resize(pid_text.size() - suffix.size());
        }
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) continue;
        const auto pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
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
    remove_stale_partials(dir, m_target);
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
