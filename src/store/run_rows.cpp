#include "store/run_rows.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad::store {

void check_run_counts(std::int64_t run, const RunCounts& c) {
    if (c.read == c.inserted + c.updated + c.unchanged + c.skipped + c.rejected) return;
    throw InternalError(fmt::format("run {}: rows read ({}) differ from inserted + updated + unchanged + skipped + rejected "
                                    "({} + {} + {} + {} + {}); nothing was stored",
                                    run, c.read, c.inserted, c.updated, c.unchanged, c.skipped, c.rejected));
}

} // namespace bostad::store
