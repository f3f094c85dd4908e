#pragma once
// Text files from the repository (schemas/, gis/) compiled into the library by cmake/embed.cmake.

#include <span>
#include <string_view>

namespace bostad {

struct EmbeddedFile {
    std::string_view path; ///< relative to its base folder, e.g. "store/001_initial.sql"
    std::string_view text;
};

/// The embedded file whose path is `path`, or nullptr.
const EmbeddedFile* find_embedded(std::span<const EmbeddedFile> files, std::string_view path);

} // namespace bostad
