#include "core/text_file.hpp"

#include <fstream>

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw IoError(fmt::format("cannot write '{}'", path.string()));
}

} // namespace bostad
