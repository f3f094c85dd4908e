#include "core/text_file.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    TextFileWriter out(path);
    out.write(text);
    out.close();
}

TextFileWriter::TextFileWriter(std::filesystem::path path) : m_path(std::move(path)), m_out(m_path, std::ios::binary) {
    if (!m_out) throw IoError(fmt::format("cannot write '{}'", m_path.string()));
}

void TextFileWriter::write(std::string_view text) { m_out.write(text.data(), static_cast<std::streamsize>(text.size())); }

void TextFileWriter::close() {
    m_out.close();
    if (!m_out) throw IoError(fmt::format("cannot write '{}'", m_path.string()));
}

} // namespace bostad
