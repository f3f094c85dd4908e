#include "core/embedded.hpp"

namespace bostad {

const EmbeddedFile* find_embedded(std::span<const EmbeddedFile> files, std::string_view path) {
    for (const auto& f : files) {
        if (f.path == path) return &f;
    }
    return nullptr;
}

} // namespace bostad
