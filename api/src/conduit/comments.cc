// /api/articles/:slug/comments.

#include <charconv>

#include "conduit/article_queries.h"
#include "conduit/current_user.h"
#include "conduit/handlers.h"
#include "conduit/json_input.h"
#include "conduit/views.h"
#include "http/api_error.h"
#include "http/response.h"

namespace conduit {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

const db::Statement kArticleExists("comment_article_exists",
                                   "SELECT id FROM articles WHERE slug = $1");
// Newest first.
const db::Statement kListComments(
    "comment_list", "SELECT " CONDUIT_COMMENT_COLUMNS
                    " FROM comments c"
                    " JOIN articles a ON a.id = c.article_id JOIN users u ON u.id = c.author_id"
                    " WHERE a.slug = $2 ORDER BY c.id DESC");
const db::Statement kAddComment("comment_add",
                                "WITH c AS ("
                                " INSERT INTO comments (article_id, author_id, body)"
                                " SELECT id, $1, $3 FROM articles WHERE slug = $2 RETURNING *)"
                                " SELECT " CONDUIT_COMMENT_COLUMNS
                                " FROM c JOIN users u ON u.id = c.author_id");
const db::Statement kFindComment(
    "comment_find",
    "SELECT c.author_id FROM comments c JOIN articles a ON a.id = c.article_id"
    " WHERE a.slug = $1 AND c.id = $2");
const db::Statement kDeleteComment("comment_delete",
                                   "DELETE FROM comments WHERE id = $1 RETURNING id");

Awaitable<Response> list_comments(RequestContext& context) {
    const auto caller = optional_caller(context);
    const auto slug = context.params.get("slug");
    std::optional<std::int64_t> viewer;
    if (caller) viewer = caller->user_id;
    const db::Query batch[] = {std::move(db::Query(kArticleExists).bind(slug)),
                               std::move(db::Query(kListComments).bind(viewer).bind(slug))};
    auto results = co_await context.db(batch);
    if (results[0].empty()) throw http::not_found("article");

    boost::json::array comments;
    for (int i = 0; i < results[1].rows(); ++i)
        comments.emplace_back(views::comment(results[1], i));
    co_return http::json_response(Status::ok, {{"comments", std::move(comments)}});
}

Awaitable<Response> add_comment(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto input = parse_wrapped_body(context.request, "comment");
    const std::string body = require_string(input, "body");
    const db::Query add[] = {std::move(
        db::Query(kAddComment).bind(caller.user_id).bind(context.params.get("slug")).bind(body))};
    auto added = co_await run_referencing_article(context, add);
    if (added[0].empty()) throw http::not_found("article");
    co_return http::json_response(Status::created, {{"comment", views::comment(added[0], 0)}});
}

Awaitable<Response> delete_comment(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto slug = context.params.get("slug");
    const auto id_text = context.params.get("id");
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    const bool valid_id = ec == std::errc() && end == id_text.data() + id_text.size();

    const db::Query batch[] = {
        std::move(db::Query(kArticleExists).bind(slug)),
        std::move(db::Query(kFindComment).bind(slug).bind(valid_id ? id : std::int64_t{0}))};
    auto results = co_await context.db(batch);
    if (results[0].empty()) throw http::not_found("article");
    if (!valid_id || results[1].empty()) throw http::not_found("comment");
    if (results[1].integer(0, 0) != caller.user_id) throw http::forbidden("comment");

    auto deleted = co_await context.db(db::Query(kDeleteComment).bind(id));
    // A concurrent delete got there first.
    if (deleted.empty()) throw http::not_found("comment");
    co_return http::empty_response(Status::no_content);
}

}  // namespace

void add_comment_routes(http::Router& router) {
    router.add(http::Verb::get, "/api/articles/:slug/comments", list_comments);
    router.add(http::Verb::post, "/api/articles/:slug/comments", add_comment);
    router.add(http::Verb::delete_, "/api/articles/:slug/comments/:id", delete_comment);
}

}  // namespace conduit
