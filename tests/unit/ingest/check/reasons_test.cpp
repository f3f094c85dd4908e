#include <set>

#include <gtest/gtest.h>

#include "ingest/check/reasons.hpp"
#include "support/files.hpp"

namespace bostad::ingest {
namespace {

TEST(Reasons, CodesAreUniqueAndDescribed) {
    std::set<std::string_view> codes;
    for (Reason r : all_reasons()) {
        EXPECT_TRUE(codes.insert(reason_code(r)).second) << reason_code(r);
        EXPECT_FALSE(reason_description(r).empty()) << reason_code(r);
    }
    EXPECT_EQ(codes.size(), 25u);
}

TEST(Reasons, TheReadmeDocumentsEveryCode) {
    const std::string readme = test::read_file(std::string(BOSTAD_SOURCE_DIR) + "/README.md");
    for (Reason r : all_reasons()) {
        EXPECT_NE(readme.find("| `" + std::string(reason_code(r)) + "` |"), std::string::npos) << reason_code(r);
    }
}

} // namespace
} // namespace bostad::ingest
