#pragma once
// Named points where the crash-safety tests can have bostad killed (SIGKILL) on purpose: when the
// environment variable BOSTAD_CRASH_AT names the point, the process kills itself there. Otherwise a
// crash point costs one comparison. The tests check that the store then equals its state before or after.

#include <string_view>

namespace bostad {

void crash_point(std::string_view name);

} // namespace bostad
