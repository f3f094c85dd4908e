#pragma once
// SHA-256 checksums of source files (provenance in ingest_runs). The only place that includes OpenSSL.

#include <string>
#include <vector>

namespace bostad::crypto {

/// Hex SHA-256 of the files' bytes, one after the other. Throws InputError when a file cannot be read.
std::string sha256_files(const std::vector<std::string>& paths);

/// Hex SHA-256 of a text.
std::string sha256_text(const std::string& text);

} // namespace bostad::crypto
