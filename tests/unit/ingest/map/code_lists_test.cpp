#include <gtest/gtest.h>

#include "config/config.hpp"
#include "ingest/map/code_lists.hpp"

namespace bostad::ingest {
namespace {

TEST(CodeLists, ReadsCanonicalCodes) {
    for (const auto& c : house_type_codes()) EXPECT_EQ(read_house_type(c.code, nullptr), c.value) << c.code;
    for (const auto& c : tenure_codes()) EXPECT_EQ(read_tenure(c.code, nullptr), c.value) << c.code;
    for (const auto& c : plan_status_codes()) EXPECT_EQ(read_plan_status(c.code, nullptr), c.value) << c.code;
    EXPECT_EQ(read_decision("granted", nullptr), Decision::granted);
    EXPECT_EQ(read_decision("refused", nullptr), Decision::refused);
    EXPECT_EQ(read_decision("withdrawn", nullptr), Decision::withdrawn);
}

TEST(CodeLists, ReadsSwedishSpellingsInAnyCase) {
    EXPECT_EQ(read_house_type("SMÅHUS", nullptr), HouseType::smahus);
    EXPECT_EQ(read_house_type("Smahus", nullptr), HouseType::smahus);
    EXPECT_EQ(read_house_type("FBH", nullptr), HouseType::flerbostadshus);
    EXPECT_EQ(read_house_type("Övriga hus", nullptr), HouseType::ovrigt);
    EXPECT_EQ(read_house_type("  flerbostadshus\t", nullptr), HouseType::flerbostadshus);

    EXPECT_EQ(read_tenure("Hyresrätt", nullptr), Tenure::hyresratt);
    EXPECT_EQ(read_tenure("BOSTADSRATT", nullptr), Tenure::bostadsratt);
    EXPECT_EQ(read_tenure("ÄGANDERÄTT", nullptr), Tenure::aganderatt);

    EXPECT_EQ(read_plan_status("Laga kraft", nullptr), PlanStatus::laga_kraft);
    EXPECT_EQ(read_plan_status("LAGAKRAFT", nullptr), PlanStatus::laga_kraft);
    EXPECT_EQ(read_plan_status("gällande", nullptr), PlanStatus::laga_kraft);
    EXPECT_EQ(read_plan_status("GÄLLANDE", nullptr), PlanStatus::laga_kraft);
    EXPECT_EQ(read_plan_status("Planuppdrag", nullptr), PlanStatus::paborjad);
    EXPECT_EQ(read_plan_status("SAMRÅD", nullptr), PlanStatus::samrad);
    EXPECT_EQ(read_plan_status("utställning", nullptr), PlanStatus::granskning);
    EXPECT_EQ(read_plan_status("Överklagad", nullptr), PlanStatus::overklagad);
    EXPECT_EQ(read_plan_status("avbruten", nullptr), PlanStatus::avslutad);

    EXPECT_EQ(read_decision("Beviljat", nullptr), Decision::granted);
    EXPECT_EQ(read_decision("AVSLAG", nullptr), Decision::refused);
    EXPECT_EQ(read_decision("avskriven", nullptr), Decision::withdrawn);
    EXPECT_EQ(read_decision("Återkallat", nullptr), Decision::withdrawn);
}

TEST(CodeLists, UnknownValuesAreNotRead) {
    EXPECT_FALSE(read_house_type("villa", nullptr));
    EXPECT_FALSE(read_house_type("", nullptr));
    EXPECT_FALSE(read_house_type("småhu", nullptr));
    EXPECT_FALSE(read_tenure("kooperativ hyresrätt", nullptr));
    EXPECT_FALSE(read_plan_status("laga-kraft", nullptr));
    EXPECT_FALSE(read_plan_status("upphävd delvis", nullptr));
    EXPECT_FALSE(read_decision("ja", nullptr));
    // A code of one list is not read by another.
    EXPECT_FALSE(read_tenure("småhus", nullptr));
    EXPECT_FALSE(read_decision("antagen", nullptr));
}

TEST(CodeLists, MappingTranslationsComeFirst) {
    config::Mapping m;
    m.values["house_type"]["FLB"] = "flerbostadshus";
    m.values["house_type"]["1"] = "Småhus";
    m.values["house_type"]["övrigt"] = "småhus"; // this source uses the word differently
    m.values["house_type"]["okänd"] = "villa";   // translated to something that is not a code
    m.values["status"]["LK"] = "laga_kraft";
    m.values["decision"]["B"] = "beviljat";

    EXPECT_EQ(read_house_type("FLB", &m), HouseType::flerbostadshus);
    EXPECT_EQ(read_house_type("flb", &m), HouseType::flerbostadshus); // keys match in any case
    EXPECT_EQ(read_house_type(" FLB ", &m), HouseType::flerbostadshus);
    EXPECT_EQ(read_house_type("1", &m), HouseType::smahus);
    EXPECT_EQ(read_house_type("övrigt", &m), HouseType::smahus);
    EXPECT_EQ(read_house_type("ÖVRIGT", &m), HouseType::smahus);
    EXPECT_FALSE(read_house_type("okänd", &m));
    // Values the mapping does not translate are read as without it.
    EXPECT_EQ(read_house_type("fbh", &m), HouseType::flerbostadshus);
    EXPECT_FALSE(read_house_type("2", &m));

    EXPECT_EQ(read_plan_status("lk", &m), PlanStatus::laga_kraft);
    EXPECT_EQ(read_decision("b", &m), Decision::granted);
    // Translations belong to their field.
    EXPECT_FALSE(read_tenure("FLB", &m));
    EXPECT_FALSE(read_decision("LK", &m));
}

TEST(CodeLists, ExactMappingKeysWinOverCaseInsensitiveOnes) {
    config::Mapping m;
    m.values["tenure"]["BR"] = "bostadsrätt";
    m.values["tenure"]["br"] = "hyresrätt";
    EXPECT_EQ(read_tenure("BR", &m), Tenure::bostadsratt);
    EXPECT_EQ(read_tenure("br", &m), Tenure::hyresratt);
    const auto either = read_tenure("Br", &m);
    ASSERT_TRUE(either);
    EXPECT_TRUE(*either == Tenure::bostadsratt || *either == Tenure::hyresratt);
}

TEST(CodeLists, DescribesAcceptedValues) {
    EXPECT_EQ(accepted_values(Field::house_type), "småhus, flerbostadshus or övrigt");
    EXPECT_EQ(accepted_values(Field::tenure), "hyresrätt, bostadsrätt or äganderätt");
    EXPECT_EQ(accepted_values(Field::status),
              "påbörjad, samråd, granskning, antagen, laga_kraft, överklagad, upphävd or avslutad");
    EXPECT_NE(accepted_values(Field::decision).find("granted, refused or withdrawn"), std::string::npos);
    EXPECT_EQ(accepted_values(Field::case_id), "");
}

} // namespace
} // namespace bostad::ingest
