#include "config/config.hpp"
#include "core/error.hpp"
#include "fuzz/targets.hpp"

namespace bostad::fuzz {

bool config(Input data) {
    const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
    try {
        const config::Config c = config::parse(text, "/nonexistent/fuzz/bostad.toml");
        // Whatever was accepted refers only to what exists.
        for (const auto& s : c.sources) {
            if (s.mapping) require(c.find_mapping(*s.mapping) != nullptr, "a source names a mapping the config lacks");
        }
        if (c.report.area_set) require(c.find_area_set(*c.report.area_set) != nullptr, "the report names an area set the config lacks");
        return true;
    } catch (const UsageError&) {
        return false; // a refused config, with its message: the expected outcome for most inputs
    }
}

} // namespace bostad::fuzz
