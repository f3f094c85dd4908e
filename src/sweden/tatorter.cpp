#include "sweden/tatorter.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/embedded.hpp"

namespace bostad {
std::span<const EmbeddedFile> gis_files(); // generated from gis/ by cmake/embed.cmake
}

namespace bostad::sweden {
namespace {

std::vector<Tatort> load() {
    const EmbeddedFile* f = find_embedded(gis_files(), "sweden/tatorter.csv");
    if (!f) throw std::logic_error("gis/sweden/tatorter.csv is not embedded");
    const auto records = parse_csv(f->text, ',');
    std::vector<Tatort> out;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& r = records[i];
        if (r.size() != 6) throw std::logic_error(fmt::format("gis/sweden/tatorter.csv:{}: {} fields, expected 6", i + 1, r.size()));
        out.push_back({r[0], r[1], r[2], std::stoll(r[3]), std::stod(r[4]), std::stod(r[5])});
    }
    return out;
}

} // namespace

std::span<const Tatort> tatorter() {
    static const std::vector<Tatort> t = load();
    return t;
}

} // namespace bostad::sweden
