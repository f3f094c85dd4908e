#include "support/pg_server.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace bostad::test {

std::string pg_server_location() {
    const char* dir = std::getenv("BOSTAD_TEST_PG_DIR");
    if (!dir) throw std::runtime_error("BOSTAD_TEST_PG_DIR is not set: run these tests through ctest (fixture postgis)");
    std::ifstream in(std::string(dir) + "/location");
    std::string line;
    if (!std::getline(in, line)) throw std::runtime_error(std::string("no server location in ") + dir + "/location");
    return line;
}

std::string pg_location(const std::string& schema) { return pg_server_location() + " active_schema=" + schema; }

} // namespace bostad::test
