#pragma once
// A reason a row cannot be accepted: the stable code, the field it concerns and a message for people.

#include <string>

#include "ingest/check/reasons.hpp"

namespace bostad::ingest {

struct Problem {
    Reason reason;
    std::string field;   ///< canonical or source field name; empty when it concerns the whole row
    std::string message; ///< says what is wrong and, where it can, what would fix it
};

} // namespace bostad::ingest
