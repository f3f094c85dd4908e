#pragma once
// The throwaway PostgreSQL + PostGIS server of the "postgis" ctest fixture (scripts/pg-throwaway).

#include <string>

namespace bostad::test {

/// The server's location (PG:host=... port=...); throws when the fixture did not start one.
std::string pg_server_location();

/// A location in its own schema, so that tests do not see each other's stores.
std::string pg_location(const std::string& schema);

} // namespace bostad::test
