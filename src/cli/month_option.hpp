#pragma once
// --month YYYY-MM, parsed, or a usage error that says what is expected.

#include <string>

#include "core/date.hpp"

namespace bostad::cli {

Month parse_month_option(const std::string& text);

} // namespace bostad::cli
