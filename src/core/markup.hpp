#pragma once
// Text templates with {{name}} placeholders (the QML styles and the QGIS project in gis/, the report) and
// XML/HTML escaping of the values put into them.

#include <map>
#include <string>
#include <string_view>

namespace bostad {

/// Escapes & < > " ' for XML and HTML text and attribute values.
std::string xml_escape(std::string_view text);

/// Replaces every {{name}} in `text` by values[name], inserted as given (escape values first). Throws
/// InternalError naming `what` and the placeholder when a placeholder has no value or a value is unused.
std::string fill_template(std::string_view text, const std::map<std::string, std::string, std::less<>>& values,
                          std::string_view what);

} // namespace bostad
