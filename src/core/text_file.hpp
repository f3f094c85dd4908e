#pragma once
// Writing a text file, whole or in pieces, with an error that names it.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace bostad {

/// Writes `text` to `path` (bytes as given); IoError naming the file when it cannot.
void write_text_file(const std::filesystem::path& path, const std::string& text);

/// A text file written in pieces (a long CSV table without holding it whole); close() says whether every
/// piece was written (IoError naming the file).
class TextFileWriter {
public:
    explicit TextFileWriter(std::filesystem::path path);
    void write(std::string_view text);
    void close();

private:
    std::filesystem::path m_path;
    std::ofstream m_out;
};

} // namespace bostad
