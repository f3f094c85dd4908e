#pragma once
// Every command of the bostad executable, one line each in registry.cpp (house-style habit 2).

#include <memory>
#include <vector>

#include "cli/command.hpp"

namespace bostad::cli {

std::vector<std::unique_ptr<Command>> make_commands();

} // namespace bostad::cli
