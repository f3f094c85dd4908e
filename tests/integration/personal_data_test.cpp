// Personal data (issue 9): a case system's permit export carries applicants' names, addresses and
// personnummer. Fields that are not mapped are never read, so none of it reaches the store, its
// quarantine, an export or a report; a mapping that does bind such a field stores it, and `bostad check`
// then warns about the personnummer-like values.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace bostad::test {
namespace {

namespace fs = std::filesystem;

/// A mapping of the case system's export whose property designation is read from `property_field`.
std::string mapping(const std::string& name, const std::string& property_field) {
    return "[mapping." + name + "]\ncrs = \"EPSG:3008\"\nmunicipality = \"1290\"\nseparator = \";\"\n[mapping." + name +
           ".fields]\ncase_id = \"Diarienr\"\nproperty = \"" + property_field +
           "\"\ndwellings = \"Lägenheter\"\napplied_date = \"Inkom\"\nx = \"Öst\"\ny = \"Nord\"\n";
}

// The right mapping, and a careless one that takes the applicant's personnummer for the property.
const std::string k_config = "[[municipality]]\ncode = \"1290\"\nname = \"Kristianstad\"\n" +
                             mapping("case_system", "Fastighet") + mapping("careless", "Personnummer");

// The personal values: none may appear in anything bostad writes unless a mapping binds its field.
const std::vector<std::string> k_personal = {"Anna Andersson", "Storgatan 12", "19811218-9876", "Bo Ek",
                                             "Lillgatan 3", "850412-1230", "Eva Lund", "701063-2391"};

const std::string k_export =
    "Diarienr;Sökande;Adress;Personnummer;Fastighet;Lägenheter;Inkom;Öst;Nord\n"
    "BN 2026-1;Anna Andersson;Storgatan 12;19811218-9876;Näsby 3:14;4;2026-03-02;188100;6210050\n"
    "BN 2026-2;Bo Ek;Lillgatan 3;850412-1230;Näsby 3:15;1;2026-04-31;188150;6210050\n" // no such day: quarantined
    "BN 2026-3;Eva Lund;Lillgatan 5;701063-2391;Näsby 3:16;2;2026-05-04;188180;6210060\n";

/// Every personal value found in `bytes`, for messages.
std::vector<std::string> personal_in(const std::string& bytes) {
    std::vector<std::string> found;
    for (const auto& v : k_personal) {
        if (bytes.find(v) != std::string::npos) found.push_back(v);
    }
    return found;
}

/// The bytes of every file under `dir` (or of the file `dir`).
std::string all_bytes(const fs::path& dir) {
    if (fs::is_regular_file(dir)) return file_bytes(dir);
    std::string out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) out += file_bytes(e.path());
    }
    return out;
}

class PersonalData : public ::testing::Test {
protected:
    void SetUp() override {
        write_file(m_dir.file("bostad.toml"), k_config);
        write_file(m_dir.file("bygglov.csv"), k_export);
        m_options.cwd = m_dir.path().string();
        const auto init = bostad({"init", "--db", "s.gpkg"});
        ASSERT_EQ(init.exit_code, 0) << init.err;
        write_file(m_dir.file("districts.csv"), "area_id;name;municipality;wkt\n"
                                                "N1;Näsby;1290;POLYGON ((188000 6210000, 188400 6210000, 188400 6210200, 188000 6210200, 188000 6210000))\n");
        const auto areas = bostad({"ingest", "districts.csv", "--kind", "areas", "--area-set", "districts", "--crs",
                                   "EPSG:3008", "--db", "s.gpkg"});
        ASSERT_EQ(areas.exit_code, 0) << areas.err;
    }
    ProcessResult bostad(std::vector<std::string> args) { return run_bostad(args, m_options); }

    TempDir m_dir;
    ProcessOptions m_options;
};

TEST_F(PersonalData, UnmappedFieldsAreNeverStoredExportedOrReported) {
    const auto ingest = bostad({"ingest", "bygglov.csv", "--kind", "permits", "--mapping", "case_system", "--db",
                                "s.gpkg", "--of", "json"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const auto summary = nlohmann::json::parse(ingest.out).at(0);
    EXPECT_EQ(summary["inserted"], 2);
    EXPECT_EQ(summary["rejected"], 1); // the quarantine keeps the row's mapped fields only
    EXPECT_EQ(personal_in(file_bytes(m_dir.file("s.gpkg"))), std::vector<std::string>{});
    EXPECT_NE(file_bytes(m_dir.file("s.gpkg")).find("Näsby 3:15"), std::string::npos) << "the mapped fields are stored";

    const auto exported = bostad({"export", "--month", "2026-10", "--area-set", "districts", "-o", "export.gpkg", "--db", "s.gpkg"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const auto as_csv = bostad({"export", "--month", "2026-10", "--area-set", "districts", "--format", "csv",
                                 "-o", "export-csv", "--db", "s.gpkg"});
    ASSERT_EQ(as_csv.exit_code, 0) << as_csv.err;
    const auto report = bostad({"report", "--month", "2026-10", "--area-set", "districts", "--format", "html,csv",
                                "-o", "report", "--db", "s.gpkg"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    for (const char* out : {"export.gpkg", "export-csv", "report"}) {
        const std::string bytes = all_bytes(m_dir.path() / out);
        ASSERT_FALSE(bytes.empty()) << out;
        EXPECT_EQ(personal_in(bytes), std::vector<std::string>{}) << out;
    }

    const auto check = bostad({"check", "--db", "s.gpkg", "--of", "json"});
    ASSERT_EQ(check.exit_code, 0) << check.err;
    EXPECT_EQ(nlohmann::json::parse(check.out)["personal_data"]["personnummer_like"], 0);
    EXPECT_EQ(check.err.find("personnummer"), std::string::npos) << check.err;
}

TEST_F(PersonalData, CheckWarnsAboutPersonnummerAMappingBroughtIn) {
    const auto ingest = bostad({"ingest", "bygglov.csv", "--kind", "permits", "--mapping", "careless", "--db", "s.gpkg"});
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    // Mapped explicitly, so stored: in permits (two rows) and in the quarantined row's raw fields.
    EXPECT_NE(file_bytes(m_dir.file("s.gpkg")).find("19811218-9876"), std::string::npos);

    const auto json = bostad({"check", "--db", "s.gpkg", "--of", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err; // a warning, not a failure
    const auto pd = nlohmann::json::parse(json.out)["personal_data"];
    EXPECT_EQ(pd["personnummer_like"], 3) << pd.dump();
    std::set<std::string> where;
    for (const auto& s : pd["samples"]) {
        where.insert(s["table"].get<std::string>() + "." + s["column"].get<std::string>());
        EXPECT_TRUE(s["row"].is_number()) << s.dump();
    }
    EXPECT_EQ(where, (std::set<std::string>{"permits.property", "rejected_rows.raw_attributes"}));
    EXPECT_NE(json.err.find("3 value(s) in s.gpkg look like a personnummer"), std::string::npos) << json.err;

    const auto text = bostad({"check", "--db", "s.gpkg"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("personal data   WARNING: 3 stored value(s)"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("19811218-****"), std::string::npos) << text.out;
    // The warning itself does not repeat the numbers.
    EXPECT_EQ(personal_in(text.out + text.err + json.out), std::vector<std::string>{});
}

} // namespace
} // namespace bostad::test
