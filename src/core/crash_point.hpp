#pragma once
// Named points where the crash-safety and concurrency tests can stop bostad on purpose. Test hooks only,
// read from the environment once; without them a crash point costs one comparison.
//   BOSTAD_CRASH_AT=NAME    the process kills itself (SIGKILL) at the point NAME
//   BOSTAD_CRASH_AT=#N      ... at the N-th point it passes, whatever its name (N from 1)
//   BOSTAD_CRASH_TRACE=FILE appends the name of every point passed to FILE, one per line (to count them)
//   BOSTAD_PAUSE_AT=NAME    the process stops itself (SIGSTOP) the first time it passes NAME, until SIGCONT
// The tests check that the store then equals its state before or after, and outputs are whole or absent.

#include <string_view>

namespace bostad {

void crash_point(std::string_view name);

} // namespace bostad
