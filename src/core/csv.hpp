#pragma once
// CSV text: quoting for any separator (RFC 4180 style).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bostad {

/// The value as one CSV field: quoted (with doubled quotes) when it holds the separator, a quote or a newline.
std::string csv_field(std::string_view value, char sep);

/// Text for a spreadsheet cell or CSV field that a spreadsheet would take for a formula (it begins with
/// = + - @, a tab or a carriage return) gets a leading apostrophe, so that it stays text.
std::string formula_safe(std::string_view text);

/// Every record of CSV text (RFC 4180: fields in double quotes may hold the separator, quotes doubled and
/// line breaks); lines end in "\n" or "\r\n". A quote left open runs to the end of the text.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char sep);

/// A whole record with its line ending ("\r\n", as spreadsheets write).
std::string csv_record(std::span<const std::string> fields, char sep);

} // namespace bostad
