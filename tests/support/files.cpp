#include "support/files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/process.hpp"

namespace bostad::test {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string file_bytes(const std::filesystem::path& p) { return read_file(p); }

std::optional<std::filesystem::path> shared_data_dir() {
    const std::filesystem::path p = std::filesystem::path(BOSTAD_SHARED_DATA_DIR);
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) return std::filesystem::canonical(p);
    return std::nullopt;
}

std::string validate_gpkg(const std::string& path) {
    const ProcessResult r = run_process({k_debian_python, "-m", "osgeo_utils.samples.validate_gpkg", "-k", path});
    if (r.exit_code == 0 && r.out.empty()) return {};
    return "exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err;
}

} // namespace bostad::test
