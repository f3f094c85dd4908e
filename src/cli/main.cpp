// The bostad executable: all logic lives in the library; main only forwards the arguments.
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return bostad::cli::run(args, std::cout, std::cerr);
}
