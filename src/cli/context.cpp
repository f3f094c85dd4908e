#include "cli/context.hpp"

#include <filesystem>
#include <ostream>

#include <fmt/format.h>


namespace bostad::cli {

std::string_view format_name(OutputFormat f) {
    switch (f) {
    case OutputFormat::text: return "text";
    case OutputFormat::json: return "json";
    case OutputFormat::csv: return "csv";
    }
    return "text";
}

Context::Context(GlobalOptions globals, std::ostream& out, std::ostream& err)
    : m_globals(std::move(globals)), m_out(out), m_err(err) {}

void Context::note(std::string_view line) {
    if (!m_globals.quiet) m_err << line << '\n';
}

const config::Config* Context::config() {
    if (!m_config_loaded) {
        m_config_loaded = true;
        if (m_globals.config_path) {
            std::error_code ec;
            if (!std::filesystem::exists(*m_globals.config_path, ec)) {
                throw UsageError(fmt::format("--config: file '{}' not found", *m_globals.config_path));
            }
            m_config = config::load(*m_globals.config_path);
        } else if (std::error_code ec; std::filesystem::exists("bostad.toml", ec)) {
            m_config = config::load("bostad.toml");
        }
        if (m_config) {
            for (const auto& n : m_config->notes) note(n);
        }
    }
    return m_config ? &*m_config : nullptr;
}

const config::Config& Context::require_config(std::string_view command) {
    if (const auto* c = config()) return *c;
    throw UsageError(fmt::format("`bostad {}` needs a config file: pass --config FILE or run it in a folder with "
                                 "bostad.toml (`bostad example DIR` makes one)",
                                 command));
}

std::string Context::store_location() {
    if (m_globals.db) return *m_globals.db;
    if (const auto* c = config(); c && c->db) return *c->db;
    return "bostad.gpkg";
}

std::vector<std::pair<std::string, std::string>> Context::municipality_names() {
    std::vector<std::pair<std::string, std::string>> out;
    if (const auto* c = config()) {
        for (const auto& m : c->municipalities) out.emplace_back(m.code, m.name);
    }
    return out;
}

store::OpenOptions Context::store_options(store::Access access) {
    store::OpenOptions o;
    o.access = access;
    o.note = [this](const std::string& line) { note(line); };
    o.municipality_names = municipality_names();
    return o;
}

} // namespace bostad::cli
