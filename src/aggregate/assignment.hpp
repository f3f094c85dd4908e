#pragma once
// Keeps the store's assignments current (schemas/store/005_status.sql): which area of every area set each
// permit is in, which plans it is in, and how each plan's area is shared out over the areas. It works off the
// assignment queue that ingests fill (new and moved permits and plans, replaced area sets, bulk loads), inside
// the caller's transaction, so that the status never joins geometries at query time.

#include <cstdint>
#include <string>

namespace bostad::store {
class AssignmentStore;
}

namespace bostad::aggregate {

struct AssignmentSummary {
    std::int64_t permits = 0;   ///< permits (re)assigned, counted once per area set
    std::int64_t plans = 0;     ///< plans whose shares and permits were (re)computed
    std::int64_t area_sets = 0; ///< area sets involved
    double permit_seconds = 0;  ///< loading the permits and assigning them to the areas
    double plan_seconds = 0;    ///< permits to plans, and the plans' shares of the areas
};

/// Makes every assignment the queue asks for, in the caller's transaction, and empties the queue.
AssignmentSummary process_assignment_queue(store::AssignmentStore& store);

/// One line for people: what was assigned, and how long it took.
std::string assignment_note(const AssignmentSummary& a);

} // namespace bostad::aggregate
