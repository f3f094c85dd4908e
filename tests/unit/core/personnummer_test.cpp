// Personnummer-like numbers in free text (issue 9: `bostad check` warns about personal data in a store).
#include <gtest/gtest.h>

#include "core/personnummer.hpp"

namespace bostad {
namespace {

std::string masked(std::string_view text) {
    const auto m = find_personnummer(text);
    return m ? m->masked : "";
}

TEST(Personnummer, LuhnCheckDigit) {
    EXPECT_TRUE(luhn_valid("8112189876"));
    EXPECT_FALSE(luhn_valid("8112189875"));
    EXPECT_FALSE(luhn_valid("811218987"));
    EXPECT_FALSE(luhn_valid("81121898x6"));
}

TEST(Personnummer, EveryWrittenFormIsFound) {
    EXPECT_EQ(masked("811218-9876"), "811218-****");
    EXPECT_EQ(masked("811218+9876"), "811218+****"); // over 100 years old
    EXPECT_EQ(masked("8112189876"), "811218****");
    EXPECT_EQ(masked("19811218-9876"), "19811218-****");
    EXPECT_EQ(masked("198112189876"), "19811218****");
    EXPECT_EQ(masked("701063-2391"), "701063-****"); // samordningsnummer: day + 60
}

TEST(Personnummer, FoundInsideTextWithItsPosition) {
    const std::string text = "Sökande: Anna Andersson, 19811218-9876, Storgatan 1";
    const auto m = find_personnummer(text);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->pos, text.find("1981")); // in bytes
    EXPECT_EQ(m->size, 13u);
    EXPECT_EQ(masked(R"({"Sökande":"Anna","Pnr":"811218-9876"})"), "811218-****");
}

TEST(Personnummer, NumbersThatAreNotOneAreLeftAlone) {
    EXPECT_EQ(masked("811218-9875"), "");     // wrong check digit
    EXPECT_EQ(masked("811318-9875"), "");     // month 13 (the check digit is right)
    EXPECT_EQ(masked("811200-9876"), "");     // day 0 (the check digit is right)
    EXPECT_EQ(masked("18112189876"), "");     // 11 digits
    EXPECT_EQ(masked("28112189876"), "");
    EXPECT_EQ(masked("2019811218-9876"), ""); // part of a longer run of digits
    EXPECT_EQ(masked("811218-98761"), "");
    EXPECT_EQ(masked("21811218-9876"), "");   // century 21
    EXPECT_EQ(masked("BN 2024-1234"), "");    // case ids, dates, coordinates
    EXPECT_EQ(masked("2024-02-29"), "");
    EXPECT_EQ(masked("6209103.5"), "");
    EXPECT_EQ(masked(""), "");
}

TEST(Personnummer, OnlyWholeTokensNotPartsOfIdsOrDecimals) {
    // Both digit strings pass the date and Luhn checks on their own...
    EXPECT_EQ(masked("420526-7976"), "420526-****");
    EXPECT_EQ(masked("189708148912"), "18970814****");
    // ...but not inside a UUID or a coordinate (seen in real stores).
    EXPECT_EQ(masked("ae420526-7976-4c1b-9f3a-0d2e5b7c8a91"), "");
    EXPECT_EQ(masked("0d2e5b7c-ae42-420526-7976-0d2e"), "");
    EXPECT_EQ(masked("-122.189708148912"), "");
    EXPECT_EQ(masked("56,189708148912"), "");
    EXPECT_EQ(masked("189708148912.5"), "");
    EXPECT_EQ(masked("X420526-7976"), "");
    EXPECT_EQ(masked("420526-7976a"), "");
    // Punctuation around a whole one is fine.
    EXPECT_EQ(masked("pnr: 420526-7976, tel"), "420526-****");
    EXPECT_EQ(masked("(19420526-7976)."), "19420526-****");
}

TEST(Personnummer, TheFirstOfSeveralAfterANearMiss) {
    EXPECT_EQ(masked("811218-9875 then 850412-1230"), "850412-****");
}

} // namespace
} // namespace bostad
