#include "cli/cmd_init.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace bostad::cli {

void InitCommand::declare(CLI::App& /*app*/) {
}

ExitCode InitCommand::run(Context& ctx) {
    const store::InitResult r = store::init(ctx.store_location());
    const std::string where = r.schema ? fmt::format(" in schema {}", *r.schema) : "";
    if (ctx.globals().of == OutputFormat::json) {
        nlohmann::json j{{"store", r.location}, {"schema_version", r.schema_version}, {"created", r.created},
                         {"migrated_from", r.migrated_from ? nlohmann::json(*r.migrated_from) : nlohmann::json()}};
        if (r.schema) j["schema"] = *r.schema;
        ctx.out() << j.dump(2) << "\n";
    } else if (r.created) {
        ctx.out() << fmt::format("created {} '{}'{} (schema version {})\n", r.kind, r.location, where, r.schema_version);
    } else if (r.migrated_from) {
        ctx.out() << fmt::format("{} '{}'{} migrated from schema version {} to {}\n", r.kind, r.location, where, *r.migrated_from,
                                 r.schema_version);
    } else {
        ctx.out() << fmt::format("{} '{}' already exists{} (schema version {}); nothing to do\n", r.kind, r.location, where,
                                 r.schema_version);
    }
    return ExitCode::ok;
}

} // namespace bostad::cli
