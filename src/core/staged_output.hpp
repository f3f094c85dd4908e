#pragma once
// An output file or folder written under a temporary name beside its target and moved into place only when
// complete: a failed or killed run leaves no half-written output. An existing target is replaced only when
// the caller allows it (--overwrite), and then in one rename. What a killed run left behind (its staged
// output, named with its process id) is removed by the next run for the same target.

#include <filesystem>
#include <string>

namespace bostad {

class StagedOutput {
public:
    enum class Kind { file, folder };

    /// Checks the target now: UsageError when it exists and `overwrite` is false, or when its folder is
    /// missing. A folder target must be a folder when it is replaced.
    StagedOutput(std::filesystem::path target, Kind kind, bool overwrite);
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;
    /// Removes the staged output unless committed.
    ~StagedOutput();

    /// Where to write: a path beside the target that does not exist yet (create the folder yourself).
    const std::filesystem::path& staging() const { return m_staging; }
    const std::filesystem::path& target() const { return m_target; }

    /// Moves the staged output into place. Without overwrite, fails (UsageError) if the target appeared
    /// meanwhile, and never replaces it.
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    Kind m_kind;
    bool m_overwrite;
    bool m_committed = false;
};

} // namespace bostad
