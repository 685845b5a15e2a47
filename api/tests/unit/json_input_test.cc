#include "conduit/json_input.h"

#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>
#include <functional>
#include <string>
#include <vector>

#include "http/api_error.h"

namespace conduit {
namespace {

using boost::beast::http::field;

http::Request json_request(const std::string& body,
                           const std::string& content_type = "application/json") {
    http::Request request{http::Verb::post, "/api/users", 11};
    if (!content_type.empty()) request.set(field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
    return request;
}

// Runs `action` and returns the ApiError it throws. Adds a test failure
// and returns an error with an empty field when nothing is thrown.
http::ApiError api_error(const std::function<void()>& action) {
    try {
        action();
    } catch (const http::ApiError& error) {
        return error;
    }
    ADD_FAILURE() << "expected an ApiError, but nothing was thrown";
    return {http::Status::ok, "", ""};
}

boost::json::object object_of(std::string_view json) {
    return boost::json::parse(json).as_object();
}

// parse_wrapped_body

TEST(ParseWrappedBody, ReturnsInnerObject) {
    const auto inner = parse_wrapped_body(
        json_request(R"({"user":{"email":"a@example.com","password":"pw"}})"), "user");
    EXPECT_EQ(inner.size(), 2u);
    EXPECT_EQ(inner.at("email").as_string(), "a@example.com");
    EXPECT_EQ(inner.at("password").as_string(), "pw");
}

TEST(ParseWrappedBody, AcceptsContentTypeVariants) {
    for (const std::string type :
         {"application/json", "application/json; charset=utf-8", "Application/JSON",
          "application/json ;charset=UTF-8", "application/json;charset=utf-8"}) {
        const auto request = json_request(R"({"user":{}})", type);
        EXPECT_NO_THROW(parse_wrapped_body(request, "user")) << type;
    }
}

TEST(ParseWrappedBody, WrongContentTypeIsUnprocessable) {
    for (const std::string type :
         {"", "text/plain", "application/x-www-form-urlencoded", "application/jsonp",
          "application/json-patch+json", "text/json"}) {
        const auto request = json_request(R"({"user":{}})", type);
        const auto error = api_error([&] { parse_wrapped_body(request, "user"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << type;
        EXPECT_EQ(error.field(), "body") << type;
    }
}

TEST(ParseWrappedBody, MalformedJsonIsUnprocessable) {
    for (const std::string body : {"", "{",
                                   R"({"user":{}})"
                                   "x",
                                   R"({"user":)", "{'user':{}}"}) {
        const auto request = json_request(body);
        const auto error = api_error([&] { parse_wrapped_body(request, "user"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << body;
        EXPECT_EQ(error.field(), "body") << body;
        EXPECT_STREQ(error.what(), "is not valid JSON") << body;
    }
}

TEST(ParseWrappedBody, NonObjectBodyIsUnprocessable) {
    for (const std::string body : {R"([{"user":{}}])", "null", "42", R"("user")"}) {
        const auto request = json_request(body);
        const auto error = api_error([&] { parse_wrapped_body(request, "user"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << body;
        EXPECT_EQ(error.field(), "body") << body;
        EXPECT_STREQ(error.what(), "must be a JSON object") << body;
    }
}

TEST(ParseWrappedBody, MissingWrapperNamesWrapper) {
    for (const std::string body : {"{}", R"({"article":{}})", R"({"User":{}})"}) {
        const auto request = json_request(body);
        const auto error = api_error([&] { parse_wrapped_body(request, "user"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << body;
        EXPECT_EQ(error.field(), "user") << body;
    }
}

TEST(ParseWrappedBody, WrapperNotObjectNamesWrapper) {
    for (const std::string body :
         {R"({"article":null})", R"({"article":"x"})", R"({"article":[]})", R"({"article":1})"}) {
        const auto request = json_request(body);
        const auto error = api_error([&] { parse_wrapped_body(request, "article"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << body;
        EXPECT_EQ(error.field(), "article") << body;
        EXPECT_STREQ(error.what(), "must be an object") << body;
    }
}

// read_string

TEST(ReadString, AbsentIsNotPresent) {
    const auto field = read_string(object_of(R"({"other":"x"})"), "bio");
    EXPECT_FALSE(field.present);
    EXPECT_FALSE(field.is_null);
    EXPECT_EQ(field.value, "");
}

TEST(ReadString, NullIsPresentAndNull) {
    const auto field = read_string(object_of(R"({"bio":null})"), "bio");
    EXPECT_TRUE(field.present);
    EXPECT_TRUE(field.is_null);
    EXPECT_EQ(field.value, "");
}

TEST(ReadString, StringValue) {
    const auto field = read_string(object_of(R"({"bio":"I work at State Farm."})"), "bio");
    EXPECT_TRUE(field.present);
    EXPECT_FALSE(field.is_null);
    EXPECT_EQ(field.value, "I work at State Farm.");
}

TEST(ReadString, EmptyStringIsPresent) {
    const auto field = read_string(object_of(R"({"bio":""})"), "bio");
    EXPECT_TRUE(field.present);
    EXPECT_FALSE(field.is_null);
    EXPECT_EQ(field.value, "");
}

TEST(ReadString, OtherTypesAreUnprocessable) {
    for (const std::string json : {R"({"bio":42})", R"({"bio":1.5})", R"({"bio":true})",
                                   R"({"bio":["x"]})", R"({"bio":{"x":1}})"}) {
        const auto object = object_of(json);
        const auto error = api_error([&] { read_string(object, "bio"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << json;
        EXPECT_EQ(error.field(), "bio") << json;
        EXPECT_STREQ(error.what(), "must be a string") << json;
    }
}

TEST(ReadString, NulCharacterIsUnprocessable) {
    const auto object = object_of(R"({"bio":"a\u0000b"})");
    const auto error = api_error([&] { read_string(object, "bio"); });
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "bio");
    EXPECT_STREQ(error.what(), "must not contain NUL characters");
}

// require_string

TEST(RequireString, ReturnsValue) {
    EXPECT_EQ(require_string(object_of(R"({"title":"Dragons"})"), "title"), "Dragons");
}

TEST(RequireString, KeepsSurroundingWhitespace) {
    EXPECT_EQ(require_string(object_of(R"({"title":" Dragons "})"), "title"), " Dragons ");
}

TEST(RequireString, BlankAbsentOrNullCantBeBlank) {
    for (const std::string json : {R"({})", R"({"title":null})", R"({"title":""})",
                                   R"({"title":"   "})", R"({"title":" \t\r\n"})"}) {
        const auto object = object_of(json);
        const auto error = api_error([&] { require_string(object, "title"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << json;
        EXPECT_EQ(error.field(), "title") << json;
        EXPECT_STREQ(error.what(), "can't be blank") << json;
    }
}

TEST(RequireString, WrongTypeIsNotBlank) {
    const auto object = object_of(R"({"title":7})");
    const auto error = api_error([&] { require_string(object, "title"); });
    EXPECT_EQ(error.field(), "title");
    EXPECT_STREQ(error.what(), "must be a string");
}

// read_string_array

TEST(ReadStringArray, AbsentIsNullopt) {
    EXPECT_EQ(read_string_array(object_of("{}"), "tagList"), std::nullopt);
}

TEST(ReadStringArray, ReadsStrings) {
    const auto tags =
        read_string_array(object_of(R"({"tagList":["dragons","training"]})"), "tagList");
    ASSERT_TRUE(tags.has_value());
    EXPECT_EQ(*tags, (std::vector<std::string>{"dragons", "training"}));
}

TEST(ReadStringArray, EmptyArray) {
    const auto tags = read_string_array(object_of(R"({"tagList":[]})"), "tagList");
    ASSERT_TRUE(tags.has_value());
    EXPECT_TRUE(tags->empty());
}

TEST(ReadStringArray, InvalidValuesAreUnprocessable) {
    for (const std::string json :
         {R"({"tagList":null})", R"({"tagList":"dragons"})", R"({"tagList":{"0":"x"}})",
          R"({"tagList":[1]})", R"({"tagList":["a",null]})", R"({"tagList":["a",["b"]]})"}) {
        const auto object = object_of(json);
        const auto error = api_error([&] { read_string_array(object, "tagList"); });
        EXPECT_EQ(error.status(), http::Status::unprocessable_entity) << json;
        EXPECT_EQ(error.field(), "tagList") << json;
        EXPECT_STREQ(error.what(), "must be an array of strings") << json;
    }
}

TEST(ReadStringArray, NulCharacterIsUnprocessable) {
    const auto object = object_of(R"({"tagList":["ok","a\u0000b"]})");
    const auto error = api_error([&] { read_string_array(object, "tagList"); });
    EXPECT_EQ(error.status(), http::Status::unprocessable_entity);
    EXPECT_EQ(error.field(), "tagList");
    EXPECT_STREQ(error.what(), "must not contain NUL characters");
}

// is_blank

TEST(IsBlank, WhitespaceOnly) {
    EXPECT_TRUE(is_blank(""));
    EXPECT_TRUE(is_blank(" \t\r\n"));
    EXPECT_FALSE(is_blank(" x "));
}

// count_characters

TEST(CountCharacters, CountsCodePoints) {
    EXPECT_EQ(count_characters(""), 0u);
    EXPECT_EQ(count_characters("abc"), 3u);
    EXPECT_EQ(count_characters("caf\xC3\xA9"), 4u);
    EXPECT_EQ(count_characters("\xE6\x97\xA5\xE6\x9C\xAC"), 2u);
    EXPECT_EQ(count_characters("\xF0\x9F\x90\x89!"), 2u);
}

}  // namespace
}  // namespace conduit
