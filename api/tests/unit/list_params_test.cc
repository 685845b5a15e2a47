#include "conduit/list_params.h"

#include <gtest/gtest.h>

#include <string>

#include "http/api_error.h"

namespace conduit {
namespace {

using namespace std::string_literals;

// Parses `query` and returns the ApiError it throws. Adds a test failure
// and returns an error with an empty field when nothing is thrown.
http::ApiError parse_error(const std::string& query) {
    try {
        parse_list_params(query);
    } catch (const http::ApiError& error) {
        return error;
    }
    ADD_FAILURE() << "expected an ApiError for query " << query;
    return {http::Status::ok, "", ""};
}

TEST(ListParams, DefaultsWhenEmpty) {
    const ListParams params = parse_list_params("");
    EXPECT_EQ(params.limit, 20);
    EXPECT_EQ(params.offset, 0);
    EXPECT_EQ(params.tag, std::nullopt);
    EXPECT_EQ(params.author, std::nullopt);
    EXPECT_EQ(params.favorited, std::nullopt);
}

TEST(ListParams, ReadsEveryParameter) {
    const ListParams params =
        parse_list_params("tag=dragons&author=jake&favorited=jane&limit=5&offset=10");
    EXPECT_EQ(params.tag, "dragons"s);
    EXPECT_EQ(params.author, "jake"s);
    EXPECT_EQ(params.favorited, "jane"s);
    EXPECT_EQ(params.limit, 5);
    EXPECT_EQ(params.offset, 10);
}

TEST(ListParams, ZeroOffsetAndLimitOneAccepted) {
    const ListParams params = parse_list_params("limit=1&offset=0");
    EXPECT_EQ(params.limit, 1);
    EXPECT_EQ(params.offset, 0);
}

TEST(ListParams, ZeroLimitIsUnprocessable) {
    const auto error = parse_error("limit=0");
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "limit");
    EXPECT_STREQ(error.what(), "must be an integer of at least 1");
}

TEST(ListParams, LimitCappedAtMaximum) {
    EXPECT_EQ(parse_list_params("limit=100").limit, 100);
    EXPECT_EQ(parse_list_params("limit=101").limit, kMaxListLimit);
    EXPECT_EQ(parse_list_params("limit=100000").limit, kMaxListLimit);
}

TEST(ListParams, LargeOffsetAccepted) {
    EXPECT_EQ(parse_list_params("offset=1000000").offset, 1'000'000);
}

TEST(ListParams, NegativeLimitIsUnprocessable) {
    const auto error = parse_error("limit=-1");
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "limit");
    EXPECT_STREQ(error.what(), "must be an integer of at least 1");
}

TEST(ListParams, NegativeOffsetIsUnprocessable) {
    const auto error = parse_error("offset=-5");
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "offset");
    EXPECT_STREQ(error.what(), "must be an integer of at least 0");
}

TEST(ListParams, NonNumericValuesNameTheField) {
    for (const std::string value :
         {"abc", "10abc", "1.5", "+5", " 5", "", "0x10", "99999999999999999999"}) {
        const auto limit = parse_error("limit=" + value);
        EXPECT_EQ(limit.status(), http::Status::unprocessable_entity) << value;
        EXPECT_EQ(limit.field(), "limit") << value;

        const auto offset = parse_error("offset=" + value);
        EXPECT_EQ(offset.status(), http::Status::unprocessable_entity) << value;
        EXPECT_EQ(offset.field(), "offset") << value;
    }
}

TEST(ListParams, ErrorInLaterParameterNamesIt) {
    const auto error = parse_error("limit=10&offset=ten");
    EXPECT_EQ(error.field(), "offset");
}

TEST(ListParams, TagIsPercentDecoded) {
    EXPECT_EQ(parse_list_params("tag=c%2B%2B").tag, "c++"s);
    EXPECT_EQ(parse_list_params("tag=caf%C3%A9").tag, "caf\xC3\xA9"s);
    EXPECT_EQ(parse_list_params("tag=a%26b%3Dc").tag, "a&b=c"s);
}

TEST(ListParams, PlusInTagIsSpace) {
    EXPECT_EQ(parse_list_params("tag=hello+world").tag, "hello world"s);
    EXPECT_EQ(parse_list_params("tag=a+%2B+b").tag, "a + b"s);
}

TEST(ListParams, EncodedKeysAreDecoded) {
    EXPECT_EQ(parse_list_params("t%61g=x").tag, "x"s);
    EXPECT_EQ(parse_list_params("%6Cimit=7").limit, 7);
}

TEST(ListParams, EmptyValueKeptForTag) { EXPECT_EQ(parse_list_params("tag=").tag, ""s); }

TEST(ListParams, MalformedEscapeIsUnprocessable) {
    const auto error = parse_error("tag=%zz");
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "query");
}

TEST(ListParams, UnknownAndValuelessParametersIgnored) {
    const ListParams params = parse_list_params("foo=bar&tag&&limit=3&=x&page=2");
    EXPECT_EQ(params.tag, std::nullopt);
    EXPECT_EQ(params.limit, 3);
    EXPECT_EQ(params.offset, 0);
}

TEST(ListParams, LastRepeatedValueWins) {
    const ListParams params = parse_list_params("tag=a&tag=b&limit=5&limit=7");
    EXPECT_EQ(params.tag, "b"s);
    EXPECT_EQ(params.limit, 7);
}

}  // namespace
}  // namespace conduit
