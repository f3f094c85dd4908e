#pragma once
// Opening the store for commands that read the status (status, export): read-write, so that an older store
// is migrated and assignments an interrupted or older writer left are made first.

#include "cli/context.hpp"
#include "store/store.hpp"

namespace bostad::cli {

store::Store open_store_assigned(Context& ctx);
store::Store open_store_assigned(Context& ctx, const std::string& path);

} // namespace bostad::cli
