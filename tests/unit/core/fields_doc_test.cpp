// docs/fields.md, the field reference users read, against the code's own field tables: every canonical field
// of each kind listed once, "required" exactly where the ingest requires it, and every code of the code lists
// named.
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/domain.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"
#include "support/files.hpp"

namespace bostad {
namespace {

struct DocField {
    bool required = false;
    std::string line;
};

/// The table rows of docs/fields.md by section ("permits", "plans", "areas") and field name.
void read_tables(std::map<std::string, std::map<std::string, DocField>>& out) {
    std::istringstream in(test::read_file(std::string(BOSTAD_SOURCE_DIR) + "/docs/fields.md"));
    std::string section, line;
    while (std::getline(in, line)) {
        if (line.starts_with("## ")) section = line.substr(3);
        if (!line.starts_with("| `")) continue;
        // | `name` | type | required | meaning |
        const std::vector<std::string> cells = split(line, '|');
        ASSERT_GE(cells.size(), 5u) << line;
        const std::string_view quoted = trim(cells[1]);
        const std::string name(quoted.substr(1, quoted.size() - 2));
        EXPECT_TRUE(out[section].emplace(name, DocField{trim(cells[3]) == "yes", line}).second)
            << section << ": " << name << " listed twice";
    }
}

std::map<std::string, std::map<std::string, DocField>> doc_tables() {
    std::map<std::string, std::map<std::string, DocField>> out;
    read_tables(out); // ASSERTs need a function returning void
    return out;
}

TEST(FieldsDoc, ListsEveryCanonicalFieldOfEachKindAndWhichAreRequired) {
    const auto doc = doc_tables();
    for (DataKind kind : {DataKind::permits, DataKind::plans, DataKind::areas}) {
        SCOPED_TRACE(std::string(kind_name(kind)));
        const auto it = doc.find(std::string(kind_name(kind)));
        ASSERT_NE(it, doc.end()) << "no section '## " << kind_name(kind) << "'";
        std::set<std::string> code, documented;
        for (Field f : fields_of(kind)) code.insert(std::string(field_name(f)));
        for (const auto& [name, _] : it->second) documented.insert(name);
        EXPECT_EQ(documented, code);
        std::set<std::string> required;
        for (Field f : required_fields(kind)) required.insert(std::string(field_name(f)));
        for (const auto& [name, field] : it->second) EXPECT_EQ(field.required, required.count(name) == 1) << field.line;
    }
}

TEST(FieldsDoc, NamesEveryCodeOfTheCodeLists) {
    const auto doc = doc_tables();
    const auto has = [&](const std::string& section, const std::string& field, std::string_view value) {
        return doc.at(section).at(field).line.find(fmt::format("`{}`", value)) != std::string::npos;
    };
    for (const auto& c : house_type_codes()) EXPECT_TRUE(has("permits", "house_type", c.code)) << c.code;
    for (const auto& c : tenure_codes()) EXPECT_TRUE(has("permits", "tenure", c.code)) << c.code;
    for (const auto& c : plan_status_codes()) EXPECT_TRUE(has("plans", "status", c.code)) << c.code;
}

} // namespace
} // namespace bostad
