// Replays the fuzz corpora through the fuzz targets in the ordinary test run (and so under ASan + UBSan in
// CI): the seeds of tests/fuzz/seeds/TARGET (the attribute-row target also takes the bad-input corpus)
// and every input a fuzzer once failed on, kept in tests/fuzz/regressions/TARGET.
#include <algorithm>
#include <filesystem>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "fuzz/targets.hpp"
#include "gdal/runtime.hpp"
#include "support/files.hpp"

namespace bostad::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_of(std::string_view target) {
    const fs::path root = fs::path(BOSTAD_SOURCE_DIR) / "tests";
    std::vector<fs::path> dirs = {root / "fuzz" / "seeds" / target, root / "fuzz" / "regressions" / target};
    if (target == "attribute_rows") dirs.push_back(root / "fixtures" / "bad-input");
    std::vector<fs::path> out;
    for (const auto& d : dirs) {
        if (!fs::is_directory(d)) continue;
        for (const auto& e : fs::directory_iterator(d)) {
            if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

class FuzzCorpus : public ::testing::TestWithParam<Target> {
protected:
    static void SetUpTestSuite() { gdal::ensure_initialized(); }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(fs::temp_directory_path() / ("bostad-fuzz-" + std::to_string(::getpid())), ec);
    }
};

TEST_P(FuzzCorpus, EveryInputIsReadOrRefusedWithAReason) {
    const Target& target = GetParam();
    const auto inputs = inputs_of(target.name);
    ASSERT_GE(inputs.size(), 2u) << "the seed corpus of " << target.name << " is missing";
    int read = 0;
    int refused = 0;
    for (const auto& path : inputs) {
        const std::string bytes = test::file_bytes(path);
        const Input data(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        try {
            ++(target.run(data) ? read : refused);
        } catch (const std::exception& e) {
            ADD_FAILURE() << target.name << " failed on " << path << ": " << e.what();
        }
    }
    // The corpus reaches both sides: inputs the parsers read, and inputs they refuse.
    EXPECT_GT(read, 0) << target.name << " read none of its seeds";
    EXPECT_GT(refused, 0) << target.name << " refused none of its seeds";
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzCorpus, ::testing::ValuesIn(k_targets),
                         [](const ::testing::TestParamInfo<Target>& p) { return std::string(p.param.name); });

} // namespace
} // namespace bostad::fuzz
