#pragma once
// The rules of core/pipeline.hpp and core/figures.hpp written as SQL conditions, for a store that counts in
// the database. The SQL is generated from the same rule values the C++ interprets, so that the two cannot
// drift apart; tests/unit/core/rule_sql_test.cpp also checks them case by case on SQLite and PostgreSQL.

#include <array>
#include <string>

#include "core/pipeline.hpp"

namespace bostad {

/// How a query names what the rules read: a column (or expression) per stage date, a parameter (or literal)
/// per cutoff day, and the permit's state once it is computed (e.g. a column alias of state_sql()).
struct SqlNames {
    std::array<std::string, 6> dates; ///< in StageDate order, e.g. "p.applied_date"
    /// In StageDate order: the first day the date may stand for — 1 January for a year alone (pipeline.hpp),
    /// else the date itself. Empty: the date itself (a store or test without years alone).
    std::array<std::string, 6> earliest;
    std::array<std::string, 6> days;  ///< in Day order, e.g. "$1" or "?1"
    std::string state;                ///< e.g. "state"
};

/// The state of a permit (the numbers of PipelineState) as one CASE expression.
std::string state_sql(const SqlNames& n);

/// A rule as a condition that is true exactly when holds() is (never NULL).
std::string rule_sql(const Rule& r, const SqlNames& n);

} // namespace bostad
