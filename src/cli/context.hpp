#pragma once
// What every command gets at run time: the global options, the output streams, the config file.

#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "core/error.hpp"
#include "store/store.hpp"

namespace bostad::cli {

enum class OutputFormat { text, json, csv };

std::string_view format_name(OutputFormat f);

/// Options valid for every command (product.md, "Global").
struct GlobalOptions {
    std::optional<std::string> config_path; ///< --config FILE
    std::optional<std::string> db;          ///< --db STORE
    OutputFormat of = OutputFormat::text;   ///< --of
    bool quiet = false;
    bool progress = false;
};

class Context {
public:
    Context(GlobalOptions globals, std::ostream& out, std::ostream& err);

    const GlobalOptions& globals() const { return m_globals; }
    std::ostream& out() { return m_out; } ///< data only
    std::ostream& err() { return m_err; } ///< diagnostics
    /// Writes a progress/diagnostic line to stderr unless --quiet.
    void note(std::string_view line);

    /// The config file: --config FILE (must exist), else ./bostad.toml when present, else none.
    const config::Config* config();
    /// The config, or a usage error saying that this command needs one.
    const config::Config& require_config(std::string_view command);

    /// The store as given: a GeoPackage path or a PG: location (--db, else the config's db, else bostad.gpkg).
    std::string store_location();
    /// How a command opens its store: notes go to stderr (unless --quiet), the config names the municipalities.
    store::OpenOptions store_options(store::Access access);
    /// The config's municipalities as (code, name); none without a config.
    std::vector<std::pair<std::string, std::string>> municipality_names();

private:
    GlobalOptions m_globals;
    std::ostream& m_out;
    std::ostream& m_err;
    bool m_config_loaded = false;
    std::optional<config::Config> m_config;
};

} // namespace bostad::cli
