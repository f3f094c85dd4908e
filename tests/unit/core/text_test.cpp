#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace bostad {
namespace {

TEST(Text, EditDistanceCountsSwapsAsOne) {
    EXPECT_EQ(edit_distance("init", "init"), 0u);
    EXPECT_EQ(edit_distance("intt", "init"), 1u);
    EXPECT_EQ(edit_distance("inti", "init"), 1u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("status", "stats"), 1u);
}

TEST(Text, ClosestMatchOnlyForLikelyTypos) {
    const std::vector<std::string> commands{"init", "ingest", "status", "export", "check"};
    EXPECT_EQ(closest_match("ingset", commands), "ingest");
    EXPECT_EQ(closest_match("chekc", commands), "check");
    EXPECT_EQ(closest_match("stauts", commands), "status");
    EXPECT_FALSE(closest_match("frobnicate", commands));
}

TEST(Text, JoinsAlternatives) {
    const std::vector<std::string> items{"text", "json", "csv"};
    EXPECT_EQ(join_alternatives(items), "text, json or csv");
    EXPECT_EQ(join(items, "|"), "text|json|csv");
    EXPECT_EQ(join_alternatives(std::vector<std::string>{"a"}), "a");
}

TEST(Text, ValidatesUtf8) {
    EXPECT_TRUE(is_valid_utf8("Hässleholm Åhus Östra"));
    EXPECT_FALSE(is_valid_utf8("H\xE4ssleholm"));       // Latin-1 ä
    EXPECT_FALSE(is_valid_utf8("\xC3"));                 // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));             // overlong
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));         // surrogate
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x8F\xA0"));      // U+1F3E0
}

TEST(Text, LowersSwedishLetters) {
    EXPECT_EQ(lower_sv("SMÅHUS Äganderätt ÖVRIGT"), "småhus äganderätt övrigt");
    EXPECT_EQ(trim("  x y \t"), "x y");
    EXPECT_EQ(split("a;b;;c", ';'), (std::vector<std::string>{"a", "b", "", "c"}));
}

} // namespace
} // namespace bostad

namespace bostad {
namespace {

TEST(Text, FoldsSwedishAccentsForMatching) {
    EXPECT_EQ(fold_accents_sv("Håbo"), "habo");
    EXPECT_EQ(fold_accents_sv("HÄSSLEHOLM"), "hassleholm");
    EXPECT_EQ(fold_accents_sv("Östra Göinge"), "ostra goinge");
    EXPECT_EQ(fold_accents_sv("Malmö-Öster é"), "malmo-oster e");
}

TEST(Csv, ParsesQuotedFieldsAndLineEnds) {
    const auto r = parse_csv("code,wkt\r\n0114,\"POINT (1 2), \"\"q\"\"\"\n\n1290,x\n", ',');
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0], (std::vector<std::string>{"code", "wkt"}));
    EXPECT_EQ(r[1], (std::vector<std::string>{"0114", "POINT (1 2), \"q\""}));
    EXPECT_EQ(r[2], (std::vector<std::string>{"1290", "x"}));
    EXPECT_EQ(parse_csv("a,,\n", ',').front(), (std::vector<std::string>{"a", "", ""}));
}

} // namespace
} // namespace bostad
