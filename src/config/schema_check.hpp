#pragma once
// Checks a parsed TOML document against a JSON Schema (the subset listed in schemas/config.schema.json),
// so that the schema file in schemas/ is both the documentation and the validator of the config.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace toml {
inline namespace v3 {
class table;
}
} // namespace toml

namespace bostad::config {

struct SchemaIssue {
    std::string key;     ///< dotted path: "source[1].files[0]", "mapping.hassleholm.fields.x"
    std::string message; ///< what is wrong and what is accepted
    int line = 0;        ///< 1-based line in the TOML file, 0 when unknown
};

/// Every place where `doc` breaks `schema`, in document order.
std::vector<SchemaIssue> check_against_schema(const toml::table& doc, const nlohmann::json& schema);

} // namespace bostad::config
