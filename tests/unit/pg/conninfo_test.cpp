#include <gtest/gtest.h>

#include "core/error.hpp"
#include "pg/conninfo.hpp"
#include "pg/connection.hpp"
#include "store/postgis/codec.hpp"

namespace bostad::pg {
namespace {

TEST(PgLocation, RecognizesGdalsPrefixInAnyCase) {
    EXPECT_TRUE(is_pg_location("PG:dbname=x"));
    EXPECT_TRUE(is_pg_location("pg:dbname=x"));
    EXPECT_FALSE(is_pg_location("bostad.gpkg"));
    EXPECT_FALSE(is_pg_location("PG"));
}

TEST(PgLocation, TakesActiveSchemaOutAndPassesTheRestToLibpq) {
    const ConnInfo c = parse_location("PG:host=127.0.0.1 port=5432 active_schema=bostad dbname='my db'");
    EXPECT_EQ(c.schema, "bostad");
    EXPECT_EQ(c.libpq, "host=127.0.0.1 port=5432 dbname='my db'");
    EXPECT_EQ(parse_location("PG:dbname=x").schema, "public");
    EXPECT_EQ(parse_location("PG:postgresql://u@h/db").libpq, "postgresql://u@h/db");
    EXPECT_EQ(parse_location("PG:").libpq, ""); // everything from the PG* variables
}

TEST(PgLocation, RefusesSchemasThatAreNotPlainIdentifiersAndBrokenStrings) {
    EXPECT_THROW(parse_location("PG:dbname=x active_schema=\"x\";drop"), UsageError);
    EXPECT_THROW(parse_location("PG:dbname=x active_schema=Bostad"), UsageError);
    EXPECT_THROW(parse_location("PG:dbname='x"), UsageError);
    EXPECT_THROW(parse_location("PG:dbname"), UsageError);
    EXPECT_THROW(parse_location("bostad.gpkg"), UsageError);
}

TEST(PgLocation, RedactsPasswords) {
    EXPECT_EQ(redacted("PG:dbname=x password=hemligt host=h"), "PG:dbname=x password=*** host=h");
    EXPECT_EQ(redacted("PG:dbname=x password='top secret'"), "PG:dbname=x password=***");
    EXPECT_EQ(redacted("PG:postgresql://anna:hemligt@h/db"), "PG:postgresql://anna:***@h/db");
}

TEST(PgIdentifiers, QuoteDoublesInnerQuotes) {
    EXPECT_EQ(quote_identifier("permits"), "\"permits\"");
    EXPECT_EQ(quote_identifier("a\"b"), "\"a\"\"b\"");
}

TEST(PgCopy, EscapesTheCharactersOfCopysTextFormat) {
    std::string out;
    append_copy_value(out, "a\tb\nc\\d\re");
    EXPECT_EQ(out, "a\\tb\\nc\\\\d\\re");
}

TEST(PgCopy, EwkbCarriesTheSridAndZmFlags) {
    // ISO WKB POINT(1 2), little-endian.
    const std::uint8_t point[] = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x40};
    EXPECT_EQ(store::postgis::ewkb_hex(point, sizeof point, 3006),
              "0101000020BE0B0000000000000000F03F0000000000000040");
    // ISO POINT Z (type 1001) gets EWKB's Z flag.
    std::uint8_t point_z[29] = {1, 0xe9, 0x03, 0, 0};
    EXPECT_EQ(store::postgis::ewkb_hex(point_z, sizeof point_z, 3006).substr(0, 18), "01010000A0BE0B0000");
    EXPECT_THROW(store::postgis::ewkb_hex(point, 3, 3006), InputError);
}

} // namespace
} // namespace bostad::pg
