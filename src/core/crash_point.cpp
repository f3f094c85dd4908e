#include "core/crash_point.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bostad {
namespace {

struct Hooks {
    std::string crash_at;
    long crash_nth = 0; ///< > 0 for "#N"
    std::string pause_at;
    std::FILE* trace = nullptr;
    bool any = false;

    Hooks() {
        if (const char* v = std::getenv("BOSTAD_CRASH_AT")) {
            crash_at = v;
            if (crash_at.size() > 1 && crash_at[0] == '#') crash_nth = std::strtol(crash_at.c_str() + 1, nullptr, 10);
        }
        if (const char* v = std::getenv("BOSTAD_PAUSE_AT")) pause_at = v;
        if (const char* v = std::getenv("BOSTAD_CRASH_TRACE")) trace = std::fopen(v, "a");
        any = !crash_at.empty() || !pause_at.empty() || trace;
    }
    Hooks(const Hooks&) = delete;
    Hooks& operator=(const Hooks&) = delete;
    ~Hooks() {
        if (trace) std::fclose(trace);
    }
};

} // namespace

void crash_point(std::string_view name) {
    static Hooks hooks;
    if (!hooks.any) return;
    static long passed = 0;
    ++passed;
    if (hooks.trace) {
        std::fprintf(hooks.trace, "%.*s\n", static_cast<int>(name.size()), name.data());
        std::fflush(hooks.trace);
    }
    if (!hooks.pause_at.empty() && name == hooks.pause_at) {
        hooks.pause_at.clear(); // only the first time: a report passes some points once per month it reads
        std::raise(SIGSTOP);
    }
    if (name == hooks.crash_at || passed == hooks.crash_nth) std::raise(SIGKILL);
}

} // namespace bostad
