#pragma once
// A subcommand: declares its options into a plain struct (parse), then runs (house-style habit 3).

#include <memory>
#include <string_view>
#include <vector>

#include "cli/context.hpp"

namespace CLI {
class App;
}

namespace bostad::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual std::string_view name() const = 0;
    /// One line for the command list.
    virtual std::string_view summary() const = 0;
    /// What the command does, for its --help (a few lines).
    virtual std::string_view help_text() const = 0;
    /// Declares the command's options on its CLI11 subcommand; parsing fills the command's options struct.
    virtual void declare(CLI::App& app) = 0;
    /// Output formats the command can write; text is always first.
    virtual std::vector<OutputFormat> formats() const { return {OutputFormat::text, OutputFormat::json}; }
    virtual ExitCode run(Context& ctx) = 0;
};

} // namespace bostad::cli
