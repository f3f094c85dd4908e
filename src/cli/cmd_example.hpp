#pragma once

#include <string>

#include "cli/command.hpp"

namespace bostad::cli {

/// The options of `bostad example`, as parsing fills them.
struct ExampleOptions {
    std::string dir;
    std::uint64_t seed = 12901293;
    std::string month = "2026-10";
    bool overwrite = false;
};

/// bostad example DIR: generate the example project for Kristianstad and Hässleholm.
class ExampleCommand final : public Command {
public:
    std::string_view name() const override { return "example"; }
    std::string_view summary() const override { return "generate the example project (both municipalities)"; }
    std::string_view help_text() const override {
        return "Generate a complete example project in DIR: bostad.toml with a mapping for every source,\n"
               "districts covering Kristianstad (1290) and Hässleholm (1293), detaljplaner, and six years of\n"
               "building permits delivered as the municipalities deliver them (Kristianstad: CSV in SWEREF 99\n"
               "13 30; Hässleholm: Shapefile in SWEREF 99 TM; plans as GeoPackages), as two monthly exports,\n"
               "each with a few deliberate defects. The same seed and month give the same files.";
    }
    void declare(CLI::App& app) override;
    ExitCode run(Context& ctx) override;

    const ExampleOptions& options() const { return m_options; }

private:
    ExampleOptions m_options;
};

} // namespace bostad::cli
