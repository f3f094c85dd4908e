#include "store/history.hpp"

namespace bostad::store {

const std::vector<HistoryTable>& history_tables() {
    static const std::vector<HistoryTable> tables{
        {"permit", "permits", "case_id", "key_extra",
         {"property", "house_type", "tenure", "dwellings", "dwellings_removed", "applied_date", "granted_date",
          "started_date", "completed_date", "refused_date", "withdrawn_date", "assumed", "year_only"}},
        {"plan", "plans", "plan_id", nullptr,
         {"name", "status", "adopted_date", "legal_date", "implementation_end", "planned_dwellings", "capacity_override",
          "capacity_note", "capacity_estimate", "capacity_method", "source_format", "geometry_repair", "year_only"}},
    };
    return tables;
}

} // namespace bostad::store
