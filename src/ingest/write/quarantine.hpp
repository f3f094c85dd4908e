#pragma once
// The rejected rows of an ingest: counted by reason in its report (with the first few as samples) and, unless it
// is a dry run, kept in the store's quarantine with their file, row, reason, raw attributes and geometry.
// A row is identified by its content key: SHA-256 of its kind, source file, reason, field, attributes and
// geometry as read. The same row delivered again (a re-ingest of the same file) moves to the new run instead of
// being stored twice, so the quarantine holds each problem once, under the latest run that delivered it.

#include <optional>
#include <string>
#include <vector>

#include "ingest/batch.hpp"
#include "ingest/request.hpp"
#include "store/ingest_target.hpp"

namespace bostad::ingest {

std::string content_key(const Rejection& r, const std::string& file, DataKind kind);

void record_rejects(const std::vector<Rejection>& rejected, const std::vector<std::string>& files, DataKind kind,
                    store::RunRecorder* log, std::optional<std::int64_t> run, IngestReport& report);

} // namespace bostad::ingest
