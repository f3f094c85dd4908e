#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "gdal/srs.hpp"
#include "ingest/read/csv_reader.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace bostad::ingest {
namespace {

using test::TempDir;
using test::write_file;
using Values = std::vector<std::optional<std::string>>;

/// All rows of the reader, read with one reused SourceRow (as the ingester does).
std::vector<SourceRow> read_all(CsvReader& reader) {
    std::vector<SourceRow> rows;
    SourceRow row;
    while (reader.next(row)) rows.push_back(row);
    return rows;
}

std::string notes_of(const SourceRow& row) {
    std::string out;
    for (const auto& n : row.notes) out += n + "\n";
    return out;
}

TEST(CsvReader, ReadsHeaderAndRowsAsText) {
    TempDir dir;
    const std::string path = dir.file("permits.csv");
    write_file(path, "case_id,dwellings,granted\nBN-1,12,2024-05-01\nBN-2,3,\n");
    CsvReader reader(path, {});
    EXPECT_EQ(reader.path(), path);
    EXPECT_EQ(reader.format(), "CSV");
    EXPECT_EQ(reader.separator(), ',');
    EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"case_id", "dwellings", "granted"}));
    EXPECT_EQ(reader.field_types(), std::vector<ValueType>(3, ValueType::text));
    EXPECT_FALSE(reader.has_geometry());
    EXPECT_TRUE(reader.crs_wkt().empty());
    EXPECT_TRUE(reader.crs_name().empty());
    EXPECT_EQ(reader.fast_count(), 2);

    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].number, 1);
    EXPECT_EQ(rows[1].number, 2);
    EXPECT_EQ(rows[0].fid, -1);
    EXPECT_TRUE(rows[0].wkb.empty());
    EXPECT_EQ(rows[0].values, (Values{"BN-1", "12", "2024-05-01"}));
    EXPECT_EQ(rows[1].values, (Values{"BN-2", "3", std::nullopt}));
    EXPECT_TRUE(rows[0].notes.empty());
    EXPECT_TRUE(rows[1].notes.empty());
}

TEST(CsvReader, DetectsTheSeparatorFromTheHeader) {
    TempDir dir;
    for (const char sep : {',', ';', '\t', '|'}) {
        const std::string path = dir.file("sep.csv");
        const std::string s(1, sep);
        // Separators inside quotes do not count, in the header or in the rows.
        write_file(path, "\"a,b;c\"" + s + "d" + s + "e\n\"1,5;6|7\t8\"" + s + "x" + s + "\n");
        CsvReader reader(path, {});
        EXPECT_EQ(reader.separator(), sep);
        EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"a,b;c", "d", "e"}));
        const auto rows = read_all(reader);
        ASSERT_EQ(rows.size(), 1U);
        EXPECT_EQ(rows[0].values, (Values{"1,5;6|7\t8", "x", std::nullopt}));
        EXPECT_TRUE(rows[0].notes.empty()) << notes_of(rows[0]);
    }
    // The most frequent separator of the header line wins.
    const std::string mixed = dir.file("mixed.csv");
    write_file(mixed, "a;b;c,d\n1;2;3,4\n");
    CsvReader reader(mixed, {});
    EXPECT_EQ(reader.separator(), ';');
    EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"a", "b", "c,d"}));
}

TEST(CsvReader, SeparatorGivenInOptionsOverridesDetection) {
    TempDir dir;
    const std::string path = dir.file("given.csv");
    write_file(path, "a;b,c\n1;2,3\n");
    SourceOptions options;
    options.csv_separator = ';';
    CsvReader reader(path, options);
    EXPECT_EQ(reader.separator(), ';');
    EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"a", "b,c"}));
}

TEST(CsvReader, StripsTheByteOrderMarkAndTrimsHeaderNames) {
    TempDir dir;
    const std::string path = dir.file("bom.csv");
    write_file(path, "\xEF\xBB\xBF" "diarienr; antal \r\nBN-1;4\r\n");
    CsvReader reader(path, {});
    EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"diarienr", "antal"}));
    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].values, (Values{"BN-1", "4"}));
}

TEST(CsvReader, ReadsQuotedValuesLineEndsAndBlankLines) {
    TempDir dir;
    const std::string path = dir.file("quoted.csv");
    write_file(path, "id,text,note\r\n"
                     "1,\"Storgatan 1, Åhus\",\"He said \"\"hej\"\"\"\r\n"
                     "\r\n"
                     "\n"
                     "2,\"two\nlines\",\"\"\n"
                     "3,\"ab\"c,\n"
                     "4,,\"\"\"\"");
    CsvReader reader(path, {});
    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(rows[0].values, (Values{"1", "Storgatan 1, Åhus", "He said \"hej\""}));
    EXPECT_EQ(rows[1].values, (Values{"2", "two\nlines", ""})); // a quoted empty value is text, not missing
    EXPECT_EQ(rows[2].values, (Values{"3", "abc", std::nullopt}));
    EXPECT_EQ(rows[3].values, (Values{"4", std::nullopt, "\""}));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].number, static_cast<std::int64_t>(i + 1)); // blank lines are not rows
        EXPECT_TRUE(rows[i].notes.empty()) << notes_of(rows[i]);
    }
}

TEST(CsvReader, NotesRowsWithTooFewOrTooManyFields) {
    TempDir dir;
    const std::string path = dir.file("ragged.csv");
    write_file(path, "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n");
    CsvReader reader(path, {});
    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_TRUE(rows[0].notes.empty());
    EXPECT_EQ(rows[1].values, (Values{"4", "5", std::nullopt}));
    ASSERT_EQ(rows[1].notes.size(), 1U);
    EXPECT_NE(rows[1].notes[0].find("cut short"), std::string::npos) << rows[1].notes[0];
    EXPECT_NE(rows[1].notes[0].find("2 of the header's 3"), std::string::npos) << rows[1].notes[0];
    EXPECT_EQ(rows[2].values, (Values{"6", "7", "8"}));
    ASSERT_EQ(rows[2].notes.size(), 1U);
    EXPECT_NE(rows[2].notes[0].find("4 fields"), std::string::npos) << rows[2].notes[0];
    // The notes belong to their row only.
    EXPECT_EQ(rows[3].values, (Values{"10", "11", "12"}));
    EXPECT_TRUE(rows[3].notes.empty()) << notes_of(rows[3]);
}

TEST(CsvReader, NotesAFileThatEndsInsideAQuotedValue) {
    TempDir dir;
    const std::string path = dir.file("cut.csv");
    write_file(path, "id,text\n1,\"ok\"\n2,\"never closed\n3,more\n");
    CsvReader reader(path, {});
    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_TRUE(rows[0].notes.empty());
    EXPECT_EQ(rows[1].values, (Values{"2", "never closed\n3,more\n"}));
    ASSERT_FALSE(rows[1].notes.empty());
    EXPECT_NE(notes_of(rows[1]).find("ends inside a quoted value"), std::string::npos) << notes_of(rows[1]);
}

TEST(CsvReader, ConvertsTheGivenEncodingToUtf8) {
    TempDir dir;
    const std::string path = dir.file("latin1.csv");
    write_file(path, "ort;\xE5r\nH\xE4ssleholm;2024\n");
    SourceOptions options;
    options.encoding = "ISO-8859-1";
    CsvReader reader(path, options);
    EXPECT_EQ(reader.field_names(), (std::vector<std::string>{"ort", "år"}));
    const auto rows = read_all(reader);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].values, (Values{"Hässleholm", "2024"}));

    // UTF-8 named as the encoding leaves the text as it is.
    const std::string utf8 = dir.file("utf8.csv");
    write_file(utf8, "ort\nHässleholm\n");
    options.encoding = "UTF-8";
    CsvReader utf8_reader(utf8, options);
    const auto utf8_rows = read_all(utf8_reader);
    ASSERT_EQ(utf8_rows.size(), 1U);
    EXPECT_EQ(utf8_rows[0].values, (Values{"Hässleholm"}));
}

TEST(CsvReader, TakesTheCrsFromAPrjBesideTheFile) {
    TempDir dir;
    const std::string path = dir.file("points.csv");
    write_file(path, "id,x,y\n1,445500,6209000\n");
    write_file(dir.file("points.prj"), gdal::srs_wkt(3006) + "\n");
    CsvReader reader(path, {});
    EXPECT_EQ(reader.crs_name(), "EPSG:3006");
    EXPECT_FALSE(reader.crs_wkt().empty());
    EXPECT_FALSE(reader.has_geometry());
}

TEST(CsvReader, RefusesFilesThatAreNotText) {
    TempDir dir;
    const std::string binary = dir.file("binary.csv");
    write_file(binary, std::string("a,b\n1,\0\n", 8));
    EXPECT_THROW({ CsvReader r(binary, {}); }, InputError);
    const std::string empty = dir.file("empty.csv");
    write_file(empty, "");
    EXPECT_THROW({ CsvReader r(empty, {}); }, InputError);
    EXPECT_THROW({ CsvReader r(dir.file("missing.csv"), {}); }, InputError);
}

} // namespace
} // namespace bostad::ingest
