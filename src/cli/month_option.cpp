#include "cli/month_option.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace bostad::cli {

Month parse_month_option(const std::string& text) {
    const auto month = Month::parse(text);
    if (!month) throw UsageError(fmt::format("--month: '{}' is not a month (expected YYYY-MM)", text));
    return *month;
}

} // namespace bostad::cli
