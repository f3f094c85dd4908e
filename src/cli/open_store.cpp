#include "cli/open_store.hpp"

#include "aggregate/assignment.hpp"
#include "cli/ingest_summary.hpp"
#include "sqlite/database.hpp"

namespace bostad::cli {

store::Store open_store_assigned(Context& ctx) { return open_store_assigned(ctx, ctx.store_path()); }

store::Store open_store_assigned(Context& ctx, const std::string& path) {
    store::Store s = store::Store::open(path, store::Access::read_write);
    if (aggregate::assignment_pending(s.db())) {
        sqlite::Transaction tx(s.db());
        const auto done = aggregate::process_assignment_queue(s.db());
        tx.commit();
        ctx.note(assignment_note(done));
    }
    return s;
}

} // namespace bostad::cli
