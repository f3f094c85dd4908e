#pragma once
// CSV text: quoting for any separator (RFC 4180 style).

#include <span>
#include <string>
#include <string_view>

namespace bostad {

/// The value as one CSV field: quoted (with doubled quotes) when it holds the separator, a quote or a newline.
std::string csv_field(std::string_view value, char sep);

/// A whole record with its line ending ("\r\n", as spreadsheets write).
std::string csv_record(std::span<const std::string> fields, char sep);

} // namespace bostad
