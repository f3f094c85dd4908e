#pragma once
// The rejected rows of an ingest: counted by reason in its report (with the first few as samples) and, unless it
// is a dry run, kept in the store's quarantine with their file, row, reason, raw attributes and geometry.

#include <optional>
#include <string>
#include <vector>

#include "ingest/batch.hpp"
#include "ingest/request.hpp"
#include "store/ingest_target.hpp"

namespace bostad::ingest {

void record_rejects(const std::vector<Rejection>& rejected, const std::vector<std::string>& files, DataKind kind,
                    store::RunRecorder* log, std::optional<std::int64_t> run, IngestReport& report);

} // namespace bostad::ingest
