#pragma once
// Writing a whole text file, with an error that names it.

#include <filesystem>
#include <string>

namespace bostad {

/// Writes `text` to `path` (bytes as given); IoError naming the file when it cannot.
void write_text_file(const std::filesystem::path& path, const std::string& text);

} // namespace bostad
