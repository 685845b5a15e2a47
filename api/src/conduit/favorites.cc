// /api/articles/:slug/favorite.

#include "conduit/article_queries.h"
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

// The counter changes only when the row was really inserted or deleted, in
// the same statement, so repeated and concurrent calls never miscount: a
// second insert of the same row waits for the first and then does nothing.
const db::Statement kFavorite(
    "favorite_add",
    "WITH added AS ("
    " INSERT INTO favorites (user_id, article_id) SELECT $1, id FROM articles WHERE slug = $2"
    " ON CONFLICT DO NOTHING RETURNING article_id)"
    " UPDATE articles SET favorites_count = favorites_count + 1"
    " WHERE id IN (SELECT article_id FROM added)");
const db::Statement kUnfavorite(
    "favorite_remove",
    "WITH removed AS ("
    " DELETE FROM favorites WHERE user_id = $1"
    " AND article_id = (SELECT id FROM articles WHERE slug = $2) RETURNING article_id)"
    " UPDATE articles SET favorites_count = favorites_count - 1"
    " WHERE id IN (SELECT article_id FROM removed)");

Awaitable<Response> change_favorite(RequestContext& context, const db::Statement& change) {
    const auto caller = require_caller(context);
    const auto slug = context.params.get("slug");
    const db::Query batch[] = {
        std::move(db::Query(change).bind(caller.user_id).bind(slug)),
        std::move(db::Query(kGetArticleBySlug).bind(caller.user_id).bind(slug))};
    auto results = co_await run_referencing_article(context, batch);
    if (results[1].empty()) throw http::not_found("article");
    co_return http::json_response(Status::ok, {{"article", views::article(results[1], 0)}});
}

Awaitable<Response> favorite(RequestContext& context) {
    co_return co_await change_favorite(context, kFavorite);
}

Awaitable<Response> unfavorite(RequestContext& context) {
    co_return co_await change_favorite(context, kUnfavorite);
}

}  // namespace

void add_favorite_routes(http::Router& router) {
    router.add(http::Verb::post, "/api/articles/:slug/favorite", favorite);
    router.add(http::Verb::delete_, "/api/articles/:slug/favorite", unfavorite);
}

}  // namespace conduit
