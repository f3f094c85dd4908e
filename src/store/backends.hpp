#pragma once
// The kinds of store bostad can open, each recognised by its location (store/store.hpp's seam). A new store is
// a folder beside gpkg/ and postgis/ that provides a Backend, and one line in backends.cpp.

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace bostad::store {

struct Backend {
    std::string_view name;
    /// True for the locations this store takes (the last backend takes every location).
    bool (*recognises)(std::string_view location);
    std::unique_ptr<Store> (*open)(const std::string& location, const OpenOptions& options);
    InitResult (*init)(const std::string& location);
    std::unique_ptr<CopyTarget> (*copy_target)(const std::string& location, const OpenOptions& options);
};

/// Every backend, in the order locations are tried.
std::span<const Backend> backends();

/// The backend that takes `location`.
const Backend& backend_for(std::string_view location);

} // namespace bostad::store
