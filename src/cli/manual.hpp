#pragma once
// The man page and the bash completion of bostad, written from the same CLI11 declarations as --help: the
// registry's commands (cli/registry.cpp), their summaries, help texts and options, and the global options.
// Adding an option to a command's declare() updates --help, the man page and the completion alike.

#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace CLI {
class App;
}

namespace bostad::cli {

/// bostad(1) in roff (man(7) macros): name, synopsis, description, global options, each command with its
/// options, exit codes.
std::string man_page(const CLI::App& app, const std::vector<std::unique_ptr<Command>>& commands);

/// A bash completion script (`complete -F _bostad bostad`): the commands, each command's options and the
/// global ones; files after an option that takes a value.
std::string bash_completion(const CLI::App& app);

} // namespace bostad::cli
