#include "config/config.hpp"
#include "core/error.hpp"
#include "fuzz/targets.hpp"
#include "ingest/read/source_file.hpp"

namespace bostad::fuzz {
namespace {

// Both municipalities (their extents check coordinates), and a mapping that reads a decimal comma, four
// date formats and Swedish spellings, as the case systems deliver them.
constexpr std::string_view k_config = R"toml(
[[municipality]]
code = "1290"
name = "Kristianstad"
[[municipality]]
code = "1293"
name = "Hässleholm"

[mapping.fuzz]
decimal = ","
date_formats = ["YYYY-MM-DD", "DD.MM.YYYY", "YYYYMMDD", "excel"]
[mapping.fuzz.values.house_type]
"Villa" = "småhus"
"Hyreshus" = "flerbostadshus"
[mapping.fuzz.values.decision]
"Bifall" = "granted"
)toml";

const config::Config& fuzz_config() {
    static const config::Config c = config::parse(k_config, "/nonexistent/fuzz/bostad.toml");
    return c;
}

template <typename Record>
bool read_as(const std::string& path, DataKind kind, const config::Mapping* mapping) {
    ingest::IngestRequest request;
    request.kind = kind;
    request.crs = "EPSG:3008"; // the file's own CRS (a .prj) is not what is fuzzed here
    try {
        ingest::SourceFile file(path, request, &fuzz_config(), mapping);
        ingest::Batch<Record> batch;
        file.read_into(batch, nullptr);
        // Nothing is lost: every row read is either accepted or rejected with a reason.
        require(static_cast<std::int64_t>(batch.accepted.size() + batch.rejected.size()) == batch.read,
                "rows were lost between reading and checking");
        for (const auto& r : batch.rejected) require(!r.problem.message.empty(), "a rejected row without a message");
        return !batch.accepted.empty();
    } catch (const UsageError&) {
        return false; // the file as a whole was refused (no such field, no geometry): expected for many inputs
    } catch (const InputError&) {
        return false;
    }
}

} // namespace

bool attribute_rows(Input data) {
    const std::string path = input_file(data, "delivery.csv");
    bool read = false;
    for (const config::Mapping* mapping : {static_cast<const config::Mapping*>(nullptr), fuzz_config().find_mapping("fuzz")}) {
        read = read_as<PermitRecord>(path, DataKind::permits, mapping) || read;
        read = read_as<PlanRecord>(path, DataKind::plans, mapping) || read;
        read = read_as<AreaRecord>(path, DataKind::areas, mapping) || read;
    }
    return read;
}

} // namespace bostad::fuzz
