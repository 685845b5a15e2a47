#include "db/statement.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace conduit::db {
namespace {

const Statement kSelectEcho("unit_select_echo", "SELECT $1, $2, $3, $4, $5, $6");

TEST(Statement, KeepsNameAndSql) {
    EXPECT_EQ(kSelectEcho.name(), "unit_select_echo");
    EXPECT_EQ(kSelectEcho.sql(), "SELECT $1, $2, $3, $4, $5, $6");
}

TEST(Statement, IdsAreDistinct) {
    const Statement other("unit_select_other", "SELECT 1");
    EXPECT_NE(other.id(), kSelectEcho.id());
}

TEST(QueryValues, TextValuesInOrder) {
    Query query(kSelectEcho);
    query.bind("text")
        .bind(std::string("string"))
        .bind(std::int64_t{-42})
        .bind(7)
        .bind(true)
        .bind(false);
    ASSERT_EQ(query.size(), 6u);
    const auto values = query.values();
    ASSERT_EQ(values.size(), 6u);
    EXPECT_STREQ(values[0], "text");
    EXPECT_STREQ(values[1], "string");
    EXPECT_STREQ(values[2], "-42");
    EXPECT_STREQ(values[3], "7");
    EXPECT_STREQ(values[4], "true");
    EXPECT_STREQ(values[5], "false");
    EXPECT_EQ(&query.statement(), &kSelectEcho);
}

TEST(QueryValues, NulloptBindsNull) {
    Query query(kSelectEcho);
    query.bind("a").bind(std::nullopt).bind("c");
    const auto values = query.values();
    ASSERT_EQ(values.size(), 3u);
    EXPECT_STREQ(values[0], "a");
    EXPECT_EQ(values[1], nullptr);
    EXPECT_STREQ(values[2], "c");
}

TEST(QueryValues, EmptyOptionalBindsNull) {
    Query query(kSelectEcho);
    query.bind(std::optional<std::string>{})
        .bind(std::optional<std::string>{"x"})
        .bind(std::optional<std::int64_t>{})
        .bind(std::optional<std::int64_t>{9});
    const auto values = query.values();
    ASSERT_EQ(values.size(), 4u);
    EXPECT_EQ(values[0], nullptr);
    EXPECT_STREQ(values[1], "x");
    EXPECT_EQ(values[2], nullptr);
    EXPECT_STREQ(values[3], "9");
}

TEST(QueryValues, EmptyStringIsNotNull) {
    Query query(kSelectEcho);
    query.bind("");
    const auto values = query.values();
    ASSERT_EQ(values.size(), 1u);
    ASSERT_NE(values[0], nullptr);
    EXPECT_STREQ(values[0], "");
}

TEST(QueryValues, NoParameters) {
    const Query query(kSelectEcho);
    EXPECT_EQ(query.size(), 0u);
    EXPECT_TRUE(query.values().empty());
}

TEST(QueryValues, ValuesSurviveManyBinds) {
    // Pointers are taken after all binds, so growth of the storage before
    // values() is called must not matter.
    Query query(kSelectEcho);
    for (int i = 0; i < 100; ++i) query.bind(i);
    const auto values = query.values();
    ASSERT_EQ(values.size(), 100u);
    EXPECT_STREQ(values[0], "0");
    EXPECT_STREQ(values[99], "99");
}

}  // namespace
}  // namespace conduit::db
