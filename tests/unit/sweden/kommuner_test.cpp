#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/error.hpp"
#include "sweden/kommuner.hpp"
#include "sweden/tatorter.hpp"

namespace bostad::sweden {
namespace {

std::string code_of(std::string_view text) {
    const Found f = find_kommun_by_text(text);
    return f.kommun ? f.kommun->code : "refused: " + f.problem;
}

TEST(Kommuner, AreSwedensTwoHundredAndNinety) {
    const auto all = kommuner();
    ASSERT_EQ(all.size(), 290u);
    std::set<std::string> codes, lan;
    for (const auto& k : all) {
        EXPECT_EQ(k.code.size(), 4u) << k.code;
        EXPECT_EQ(k.code.substr(0, 2), k.lan_code) << k.code;
        EXPECT_FALSE(k.name.empty());
        EXPECT_TRUE(k.wkt.starts_with("MULTIPOLYGON")) << k.code;
        codes.insert(k.code);
        lan.insert(k.lan_code);
    }
    EXPECT_EQ(codes.size(), 290u);
    EXPECT_EQ(lan.size(), 21u);
    EXPECT_EQ(all.front().code, "0114"); // Upplands Väsby: the leading zero kept
    const Kommun* k = find_kommun("1290");
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->name, "Kristianstad");
    EXPECT_EQ(k->lan_name, "Skåne");
    EXPECT_EQ(find_kommun("1292")->name, "Ängelholm");
    EXPECT_EQ(find_kommun("9999"), nullptr);
    EXPECT_EQ(find_kommun("0000"), nullptr);
    EXPECT_EQ(label("1293"), "Hässleholm (1293)");
}

TEST(Kommuner, AreFoundByCode) {
    EXPECT_EQ(code_of("1290"), "1290");
    EXPECT_EQ(code_of(" 1293 "), "1293");
    EXPECT_EQ(code_of("114"), "0114");   // a code read as a number
    EXPECT_EQ(code_of("1190"), "1290");  // Kristianstad before Skåne län (1997)
    EXPECT_EQ(code_of("1917"), "0331");  // Heby before it moved to Uppsala län (2007)
    for (const char* bad : {"9999", "0000", "1299", "0100"}) {
        EXPECT_NE(code_of(bad).find("is not a kommun code"), std::string::npos) << bad << ": " << code_of(bad);
    }
    EXPECT_NE(code_of("1590").find("former län"), std::string::npos) << code_of("1590");
}

TEST(Kommuner, AreFoundByNameExactlyThenIgnoringCaseThenAccents) {
    EXPECT_EQ(code_of("Kristianstad"), "1290");
    EXPECT_EQ(code_of("kristianstad"), "1290");
    EXPECT_EQ(code_of("KRISTIANSTAD"), "1290");
    EXPECT_EQ(code_of("Falkenberg"), "1382");
    EXPECT_EQ(code_of("Malung-sälen"), "2023");
    EXPECT_EQ(code_of("Östra göinge"), "1256");
    EXPECT_EQ(code_of("ÖSTRA GÖINGE"), "1256");
    EXPECT_EQ(code_of("Hassleholm"), "1293"); // no other kommun without accents
    // Håbo and Habo differ only by the accent: each as written is found, without accents it is refused.
    EXPECT_EQ(code_of("Håbo"), "0305");
    EXPECT_EQ(code_of("Habo"), "0643");
    EXPECT_EQ(code_of("håbo"), "0305");
    EXPECT_EQ(code_of("HABO"), "0643");
    EXPECT_EQ(code_of("Kristianstads kommun"), "1290");
    EXPECT_EQ(code_of("Hässleholms kommun"), "1293");
    EXPECT_EQ(code_of("Region Gotland"), "0980");
    EXPECT_EQ(code_of("Stockholms stad"), "0180");
    EXPECT_EQ(code_of("Vännäs kommun"), "2460"); // a name ending in s
    EXPECT_NE(code_of("Kristianstadt").find("did you mean Kristianstad (1290)"), std::string::npos) << code_of("Kristianstadt");
    EXPECT_NE(code_of("Atlantis").find("neither a kommun code nor a kommun name"), std::string::npos);
    EXPECT_NE(code_of("").find("empty"), std::string::npos);
}

TEST(Kommuner, OptionValuesNameTheOption) {
    EXPECT_EQ(kommun_code("Hässleholm", "--municipality"), "1293");
    try {
        kommun_code("9999", "--municipality");
        FAIL() << "9999 accepted";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--municipality: '9999' is not a kommun code"), std::string::npos) << e.what();
    }
}

TEST(Tatorter, AreSCBsOf2020WithTheirKommun) {
    const auto all = tatorter();
    EXPECT_EQ(all.size(), 2017u);
    std::int64_t in_kristianstad = 0;
    for (const auto& t : all) {
        EXPECT_NE(find_kommun(t.kommun), nullptr) << t.code;
        if (t.kommun == "1290") in_kristianstad += t.population;
    }
    EXPECT_EQ(in_kristianstad, 74055);
}

} // namespace
} // namespace bostad::sweden
