#include "config/config.hpp"
#include "core/error.hpp"
#include "fuzz/targets.hpp"
#include "ingest/plans/ss637040_plan.hpp"

namespace bostad::fuzz {

bool ss637040(Input data) {
    const std::string path = input_file(data, "plankarta.xml");
    if (!ingest::is_ss637040(path)) return false;
    try {
        const ingest::SsDocument doc = ingest::read_ss637040(path);
        const ingest::SsOutcome outcome = ingest::assemble_ss637040(doc, ingest::SsSettings{});
        // Every area is either in the stored plan or rejected with its reason.
        const auto stored = outcome.plan ? static_cast<std::int64_t>(outcome.plan->areas.size()) : 0;
        require(stored <= static_cast<std::int64_t>(doc.areas.size()), "more areas stored than the file has");
        for (const auto& r : outcome.rejected) require(!r.problem.message.empty(), "a rejected area without a message");
        return outcome.plan.has_value();
    } catch (const InputError&) {
        return false; // not XML, not DP_Data, no DP_Plan: refused with its reason
    } catch (const UsageError&) {
        return false;
    }
}

} // namespace bostad::fuzz
