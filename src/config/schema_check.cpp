#include "config/schema_check.hpp"

#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/error.hpp"
#include "core/text.hpp"

namespace bostad::config {
namespace {

using json = nlohmann::json;

std::string type_name(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time: return "a TOML date (write dates and months as strings, \"2026-10\")";
    default: return "nothing";
    }
}

bool has_type(const toml::node& n, const std::string& type) {
    if (type == "object") return n.is_table();
    if (type == "array") return n.is_array();
    if (type == "string") return n.is_string();
    if (type == "integer") return n.is_integer();
    if (type == "number") return n.is_integer() || n.is_floating_point();
    if (type == "boolean") return n.is_boolean();
    return false;
}

std::string expected_name(const std::string& type) {
    if (type == "object") return "a table";
    if (type == "array") return "an array";
    if (type == "integer") return "an integer";
    return "a " + type;
}

std::string value_text(const toml::node& n) {
    if (const auto* s = n.as_string()) return fmt::format("'{}'", s->get());
    if (const auto* i = n.as_integer()) return std::to_string(i->get());
    if (const auto* f = n.as_floating_point()) return fmt::format("{}", f->get());
    if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
    return type_name(n);
}

bool equals(const toml::node& n, const json& value) {
    if (value.is_string()) return n.is_string() && n.as_string()->get() == value.get<std::string>();
    if (value.is_number_integer()) return n.is_integer() && n.as_integer()->get() == value.get<std::int64_t>();
    if (value.is_boolean()) return n.is_boolean() && n.as_boolean()->get() == value.get<bool>();
    return false;
}

class Checker {
public:
    explicit Checker(const json& root) : m_root(root) {}

    void check(const toml::node& n, const json& schema, const std::string& path) {
        const json& s = resolve(schema);
        if (s.contains("type") && !type_ok(n, s["type"])) {
            issue(n, path, fmt::format("expected {}, found {}", expected_list(s["type"]), describe(n)));
            return;
        }
        if (s.contains("enum")) check_enum(n, s["enum"], path);
        if (n.is_table()) check_table(*n.as_table(), s, path);
        if (n.is_array()) check_array(*n.as_array(), s, path);
        if (n.is_string()) check_string(*n.as_string(), s, path);
        if (n.is_integer() || n.is_floating_point()) check_number(n, s, path);
    }

    std::vector<SchemaIssue> take() { return std::move(m_issues); }

private:
    const json& resolve(const json& schema) const {
        if (!schema.contains("$ref")) return schema;
        const std::string ref = schema["$ref"].get<std::string>();
        const std::string prefix = "#/$defs/";
        if (!ref.starts_with(prefix) || !m_root["$defs"].contains(ref.substr(prefix.size()))) {
            throw InternalError("config schema: unresolvable $ref " + ref);
        }
        return resolve(m_root["$defs"][ref.substr(prefix.size())]);
    }

    static bool type_ok(const toml::node& n, const json& type) {
        if (type.is_string()) return has_type(n, type.get<std::string>());
        for (const auto& t : type) {
            if (has_type(n, t.get<std::string>())) return true;
        }
        return false;
    }

    static std::string expected_list(const json& type) {
        if (type.is_string()) return expected_name(type.get<std::string>());
        std::vector<std::string> names;
        for (const auto& t : type) names.push_back(expected_name(t.get<std::string>()));
        return join_alternatives(names);
    }

    static std::string describe(const toml::node& n) {
        if (n.is_table() || n.is_array()) return type_name(n);
        return fmt::format("{} ({})", type_name(n), value_text(n));
    }

    void check_enum(const toml::node& n, const json& values, const std::string& path) {
        std::vector<std::string> accepted;
        for (const auto& v : values) {
            if (equals(n, v)) return;
            accepted.push_back(v.is_string() ? fmt::format("\"{}\"", v.get<std::string>()) : v.dump());
        }
        issue(n, path, fmt::format("{} is not accepted; use {}", value_text(n), join_alternatives(accepted)));
    }

    void check_table(const toml::table& t, const json& s, const std::string& path) {
        const json empty = json::object();
        const json& props = s.contains("properties") ? s["properties"] : empty;
        for (const auto& [key, value] : t) {
            const std::string k(key.str());
            const std::string child = path.empty() ? k : path + "." + k;
            if (s.contains("propertyNames")) {
                const std::string pattern = resolve(s["propertyNames"]).value("pattern", "");
                if (!pattern.empty() && !std::regex_search(k, std::regex(pattern))) {
                    issue(value, child, fmt::format("'{}' is not an accepted name (it must match {})", k, pattern));
                    continue;
                }
            }
            if (props.contains(k)) {
                check(value, props[k], child);
            } else if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
                check(value, s["additionalProperties"], child);
            } else if (s.value("additionalProperties", true) == false) {
                std::vector<std::string> known;
                for (const auto& [name, _] : props.items()) known.push_back(name);
                std::string msg = fmt::format("unknown key '{}'", k);
                if (auto guess = closest_match(k, known)) msg += fmt::format(" (did you mean '{}'?)", *guess);
                else if (!known.empty()) msg += fmt::format("; known keys: {}", join(known, ", "));
                issue(value, child, msg);
            }
        }
        if (s.contains("required")) {
            for (const auto& r : s["required"]) {
                const std::string k = r.get<std::string>();
                if (!t.contains(k)) issue(t, path, fmt::format("the required key '{}' is missing", k));
            }
        }
    }

    void check_array(const toml::array& a, const json& s, const std::string& path) {
        if (s.contains("minItems") && a.size() < s["minItems"].get<std::size_t>()) {
            issue(a, path, fmt::format("needs at least {} item(s)", s["minItems"].get<std::size_t>()));
        }
        if (!s.contains("items")) return;
        for (std::size_t i = 0; i < a.size(); ++i) check(a[i], s["items"], fmt::format("{}[{}]", path, i));
    }

    void check_string(const toml::value<std::string>& v, const json& s, const std::string& path) {
        const std::string& text = v.get();
        if (s.contains("minLength") && text.size() < s["minLength"].get<std::size_t>()) {
            issue(v, path, "must not be empty");
        }
        if (s.contains("pattern") && !std::regex_search(text, std::regex(s["pattern"].get<std::string>()))) {
            issue(v, path, fmt::format("'{}' does not have the expected form ({})", text, s["pattern"].get<std::string>()));
        }
    }

    void check_number(const toml::node& n, const json& s, const std::string& path) {
        const double x = n.is_integer() ? static_cast<double>(n.as_integer()->get()) : n.as_floating_point()->get();
        if (s.contains("minimum") && x < s["minimum"].get<double>()) {
            issue(n, path, fmt::format("{} is below the minimum {}", value_text(n), s["minimum"].dump()));
        }
        if (s.contains("maximum") && x > s["maximum"].get<double>()) {
            issue(n, path, fmt::format("{} is above the maximum {}", value_text(n), s["maximum"].dump()));
        }
    }

    void issue(const toml::node& n, const std::string& path, std::string message) {
        m_issues.push_back({path.empty() ? "(top level)" : path, std::move(message), static_cast<int>(n.source().begin.line)});
    }

    const json& m_root;
    std::vector<SchemaIssue> m_issues;
};

} // namespace

std::vector<SchemaIssue> check_against_schema(const toml::table& doc, const nlohmann::json& schema) {
    Checker checker(schema);
    checker.check(doc, schema, "");
    return checker.take();
}

} // namespace bostad::config
