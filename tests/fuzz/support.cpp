#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "fuzz/targets.hpp"

namespace bostad::fuzz {

void require(bool ok, std::string_view what) {
    if (!ok) throw FuzzFinding(std::string(what));
}

std::string input_file(Input data, std::string_view name) {
    const auto dir = std::filesystem::temp_directory_path() / ("bostad-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    out.close();
    require(static_cast<bool>(out), "cannot write the fuzz input to " + path);
    return path;
}

} // namespace bostad::fuzz
