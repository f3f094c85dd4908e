#pragma once
// A test suite over the example project's store before and after its second month (2026-10), made once
// per suite; each test copies a store to work on.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {

class ExampleMonthsSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new TempDir();
        const ExampleMonths m = make_example_months(s_dir->path().string());
        s_opts = m.opts;
        s_before = m.before;
        s_after = m.after;
    }
    static void TearDownTestSuite() { delete s_dir; }

    /// A store in the example folder, copied from `from` (without a journal of an earlier copy).
    static std::string store_copy(const std::string& from, const std::string& name) {
        const std::string path = s_dir->file("ex/" + name);
        std::filesystem::remove(path + "-journal");
        std::filesystem::copy_file(from, path, std::filesystem::copy_options::overwrite_existing);
        return path;
    }

    static inline TempDir* s_dir = nullptr;
    static inline ProcessOptions s_opts;
    static inline std::string s_before;
    static inline std::string s_after;
};

} // namespace bostad::test
