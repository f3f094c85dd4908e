#include "jobs/open_store.hpp"

#include "aggregate/assignment.hpp"

namespace bostad::jobs {

std::unique_ptr<store::Store> open_for_reading(const std::string& location, const store::OpenOptions& options) {
    store::OpenOptions writing = options;
    writing.access = store::Access::read_write;
    auto s = store::open(location, writing);
    if (s->assignment_pending()) {
        const auto tx = s->begin_write(store::WriteMode::write);
        tx->lock("assignments");
        const auto done = aggregate::process_assignment_queue(tx->assignment());
        tx->commit();
        if (options.note) options.note(aggregate::assignment_note(done));
    }
    return s;
}

} // namespace bostad::jobs
