// /api/profiles/:username and following.

#include "conduit/current_user.h"
#include "conduit/handlers.h"
#include "conduit/views.h"
#include "http/api_error.h"
#include "http/response.h"

namespace conduit {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

#define CONDUIT_PROFILE_SELECT \
    "SELECT " CONDUIT_PROFILE_COLUMNS("$1") " FROM users u WHERE u.username = $2"

const db::Statement kGetProfile("profile_get", CONDUIT_PROFILE_SELECT);
// Following yourself is ignored: your own articles would fill your feed.
const db::Statement kFollow("profile_follow",
                            "INSERT INTO follows (follower_id, followee_id)"
                            " SELECT $1, id FROM users WHERE username = $2 AND id <> $1"
                            " ON CONFLICT DO NOTHING");
const db::Statement kUnfollow("profile_unfollow",
                              "DELETE FROM follows WHERE follower_id = $1"
                              " AND followee_id = (SELECT id FROM users WHERE username = $2)");

// Runs `change` (if any) and reads the profile in the same round trip.
Awaitable<Response> respond_with_profile(RequestContext& context,
                                         std::optional<std::int64_t> viewer,
                                         const db::Statement* change) {
    const auto username = context.params.get("username");
    std::vector<db::Query> batch;
    if (change != nullptr)
        batch.push_back(std::move(db::Query(*change).bind(viewer).bind(username)));
    batch.push_back(std::move(db::Query(kGetProfile).bind(viewer).bind(username)));
    auto results = co_await context.db(batch);
    const auto& profile = results.back();
    if (profile.empty()) throw http::not_found("profile");
    co_return http::json_response(Status::ok, {{"profile", views::profile(profile, 0)}});
}

Awaitable<Response> get_profile(RequestContext& context) {
    const auto caller = optional_caller(context);
    co_return co_await respond_with_profile(
        context, caller ? std::optional(caller->user_id) : std::nullopt, nullptr);
}

Awaitable<Response> follow(RequestContext& context) {
    const auto caller = require_caller(context);
    co_return co_await respond_with_profile(context, caller.user_id, &kFollow);
}

Awaitable<Response> unfollow(RequestContext& context) {
    const auto caller = require_caller(context);
    co_return co_await respond_with_profile(context, caller.user_id, &kUnfollow);
}

}  // namespace

void add_profile_routes(http::Router& router) {
    router.add(http::Verb::get, "/api/profiles/:username", get_profile);
    router.add(http::Verb::post, "/api/profiles/:username/follow", follow);
    router.add(http::Verb::delete_, "/api/profiles/:username/follow", unfollow);
}

}  // namespace conduit
