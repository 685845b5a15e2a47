#include "http/router.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace conduit::http {
namespace {

using namespace std::string_literals;

// Routes carry no handler here, so a match is identified by its pattern
// and method.
void add_routes(Router& router, const std::vector<std::pair<Verb, std::string>>& routes) {
    for (const auto& [method, pattern] : routes) router.add(method, pattern, Handler{});
}

std::string matched_pattern(const Router::Match& match) {
    return match.route == nullptr ? "(none)" : match.route->pattern;
}

// The routes the service registers, in its own order.
const std::vector<std::pair<Verb, std::string>> kServiceRoutes = {
    {Verb::get, "/livez"},
    {Verb::get, "/readyz"},
    {Verb::get, "/healthz"},
    {Verb::get, "/metrics"},
    {Verb::post, "/api/users"},
    {Verb::post, "/api/users/login"},
    {Verb::get, "/api/user"},
    {Verb::put, "/api/user"},
    {Verb::get, "/api/profiles/:username"},
    {Verb::post, "/api/profiles/:username/follow"},
    {Verb::delete_, "/api/profiles/:username/follow"},
    {Verb::get, "/api/articles"},
    {Verb::get, "/api/articles/feed"},
    {Verb::post, "/api/articles"},
    {Verb::get, "/api/articles/:slug"},
    {Verb::put, "/api/articles/:slug"},
    {Verb::delete_, "/api/articles/:slug"},
    {Verb::post, "/api/articles/:slug/favorite"},
    {Verb::delete_, "/api/articles/:slug/favorite"},
    {Verb::get, "/api/articles/:slug/comments"},
    {Verb::post, "/api/articles/:slug/comments"},
    {Verb::delete_, "/api/articles/:slug/comments/:id"},
    {Verb::get, "/api/tags"},
};

// Literal versus parameter precedence

TEST(Router, LiteralBeatsParameterRegisteredFirst) {
    Router router;
    add_routes(router, {{Verb::get, "/api/articles/:slug"}, {Verb::get, "/api/articles/feed"}});
    const auto match = router.match(Verb::get, "/api/articles/feed");
    EXPECT_EQ(matched_pattern(match), "/api/articles/feed");
    EXPECT_EQ(match.params.get("slug"), "");
}

TEST(Router, LiteralBeatsParameterRegisteredLast) {
    Router router;
    add_routes(router, {{Verb::get, "/api/articles/feed"}, {Verb::get, "/api/articles/:slug"}});
    EXPECT_EQ(matched_pattern(router.match(Verb::get, "/api/articles/feed")), "/api/articles/feed");
}

TEST(Router, LiteralBeatsParameterWithShorterRoutesBetween) {
    // Routes of other lengths registered in between must not change which
    // of two same-length routes is tried first.
    Router router;
    add_routes(router, {{Verb::get, "/livez"},
                        {Verb::get, "/api/articles/:slug"},
                        {Verb::get, "/readyz"},
                        {Verb::get, "/api/articles/feed"}});
    EXPECT_EQ(matched_pattern(router.match(Verb::get, "/api/articles/feed")), "/api/articles/feed");
}

TEST(Router, ServiceRoutesMatchInEitherOrder) {
    auto routes = kServiceRoutes;
    for (int order = 0; order < 2; ++order) {
        Router router;
        add_routes(router, routes);
        EXPECT_EQ(matched_pattern(router.match(Verb::get, "/api/articles/feed")),
                  "/api/articles/feed")
            << (order == 0 ? "service order" : "reversed order");
        EXPECT_EQ(matched_pattern(router.match(Verb::post, "/api/users/login")), "/api/users/login")
            << (order == 0 ? "service order" : "reversed order");
        std::reverse(routes.begin(), routes.end());
    }
}

TEST(Router, ParameterStillMatchesOtherValues) {
    Router router;
    add_routes(router, {{Verb::get, "/api/articles/feed"}, {Verb::get, "/api/articles/:slug"}});
    const auto match = router.match(Verb::get, "/api/articles/how-to-train");
    EXPECT_EQ(matched_pattern(match), "/api/articles/:slug");
    EXPECT_EQ(match.params.get("slug"), "how-to-train");
}

// Parameters

TEST(Router, CapturesSeveralParameters) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::delete_, "/api/articles/my-slug/comments/42");
    EXPECT_EQ(matched_pattern(match), "/api/articles/:slug/comments/:id");
    EXPECT_EQ(match.params.get("slug"), "my-slug");
    EXPECT_EQ(match.params.get("id"), "42");
    EXPECT_EQ(match.params.get("username"), "");
}

TEST(Router, ParametersArePercentDecoded) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::get, "/api/profiles/jane%20doe%2Fx%C3%A9");
    EXPECT_EQ(matched_pattern(match), "/api/profiles/:username");
    EXPECT_EQ(match.params.get("username"), "jane doe/x\xC3\xA9");
}

TEST(Router, PlusInPathIsNotSpace) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::get, "/api/profiles/a+b");
    EXPECT_EQ(match.params.get("username"), "a+b");
}

TEST(Router, MalformedEscapeDoesNotMatch) {
    Router router;
    add_routes(router, kServiceRoutes);
    for (const std::string path :
         {"/api/profiles/bad%", "/api/profiles/bad%2", "/api/profiles/bad%zz", "/api/profiles/%g0",
          "/api/articles/x%2/comments"}) {
        const auto match = router.match(Verb::get, path);
        EXPECT_EQ(match.route, nullptr) << path;
        EXPECT_EQ(match.allow, "") << path;
    }
}

TEST(Router, EmptyParameterDoesNotMatch) {
    Router router;
    add_routes(router, kServiceRoutes);
    EXPECT_EQ(router.match(Verb::get, "/api/profiles/").route, nullptr);
    EXPECT_EQ(router.match(Verb::get, "/api/articles//comments").route, nullptr);
}

// 404 and 405

TEST(Router, UnknownPathIsNotFound) {
    Router router;
    add_routes(router, kServiceRoutes);
    for (const std::string path : {"/", "/api", "/api/unknown", "/apis/tags", "", "api/tags"}) {
        const auto match = router.match(Verb::get, path);
        EXPECT_EQ(match.route, nullptr) << path;
        EXPECT_EQ(match.allow, "") << path;
    }
}

TEST(Router, WrongSegmentCountIsNotFound) {
    Router router;
    add_routes(router, kServiceRoutes);
    for (const std::string path : {"/api/tags/", "/api/tags/x", "/api/articles/a/b",
                                   "/api/articles/a/comments/1/2", "/api/profiles/jane/follow/x"}) {
        const auto match = router.match(Verb::get, path);
        EXPECT_EQ(match.route, nullptr) << path;
        EXPECT_EQ(match.allow, "") << path;
    }
}

TEST(Router, WrongMethodListsAllowedMethods) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::patch, "/api/user");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allow, "GET, PUT");
}

TEST(Router, AllowListForParameterRoute) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::get, "/api/articles/my-slug/favorite");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allow, "POST, DELETE");
}

TEST(Router, AllowListSingleMethod) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::post, "/metrics");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allow, "GET");
}

TEST(Router, MethodMatchFoundAfterOtherMethods) {
    Router router;
    add_routes(router, kServiceRoutes);
    const auto match = router.match(Verb::delete_, "/api/articles/my-slug");
    EXPECT_EQ(matched_pattern(match), "/api/articles/:slug");
    EXPECT_EQ(match.params.get("slug"), "my-slug");
}

TEST(Router, QueryStringIsNotPartOfPath) {
    // The caller strips the query, so a "?" left in is an ordinary character.
    Router router;
    add_routes(router, kServiceRoutes);
    EXPECT_EQ(router.match(Verb::get, "/api/tags?x=1").route, nullptr);
}

// percent_decode and decode_form_component

TEST(PercentDecode, DecodesEscapes) {
    EXPECT_EQ(percent_decode("a%20b"), "a b"s);
    EXPECT_EQ(percent_decode("%41%62%7e%7E"), "Ab~~"s);
    EXPECT_EQ(percent_decode("%00"), std::string(1, '\0'));
    EXPECT_EQ(percent_decode("%ff"), "\xff"s);
    EXPECT_EQ(percent_decode(""), ""s);
    EXPECT_EQ(percent_decode("a+b"), "a+b"s);
}

TEST(PercentDecode, RejectsMalformedEscapes) {
    for (const std::string text : {"%", "%4", "a%", "a%4", "%g1", "%1g", "%%", "% 1"}) {
        EXPECT_EQ(percent_decode(text), std::nullopt) << text;
    }
}

TEST(DecodeFormComponent, PlusIsSpace) {
    EXPECT_EQ(decode_form_component("hello+world"), "hello world"s);
    EXPECT_EQ(decode_form_component("+"), " "s);
}

TEST(DecodeFormComponent, EscapedPlusStaysPlus) {
    EXPECT_EQ(decode_form_component("c%2B%2B"), "c++"s);
    EXPECT_EQ(decode_form_component("a+%2B+b"), "a + b"s);
}

TEST(DecodeFormComponent, RejectsMalformedEscape) {
    EXPECT_EQ(decode_form_component("a+%2"), std::nullopt);
    EXPECT_EQ(decode_form_component("%zz"), std::nullopt);
}

// PathParams

TEST(PathParams, RejectsTooManyParameters) {
    PathParams params;
    for (std::size_t i = 0; i < PathParams::kMax; ++i) params.add("p", "v");
    EXPECT_THROW(params.add("p", "v"), std::logic_error);
}

}  // namespace
}  // namespace conduit::http
