// /api/articles: list, feed, get, create, update, delete.

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "conduit/article_queries.h"
#include "conduit/current_user.h"
#include "conduit/handlers.h"
#include "conduit/json_input.h"
#include "conduit/list_params.h"
#include "conduit/slug.h"
#include "conduit/views.h"
#include "db/errors.h"
#include "http/api_error.h"
#include "http/response.h"

namespace conduit {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

// Lists select every article column but the body, newest first. $1 is the
// viewer, $2 and $3 the limit and offset, $4 onwards the filters.
#define CONDUIT_LIST(where)                                                        \
    "SELECT " CONDUIT_ARTICLE_COLUMNS(                                             \
        "NULL::text") " FROM articles a JOIN users u ON u.id = a.author_id " where \
                      " ORDER BY a.created_at DESC, a.id DESC LIMIT $2 OFFSET $3"
#define CONDUIT_COUNT(where) \
    "SELECT count(*) FROM articles a JOIN users u ON u.id = a.author_id " where

#define CONDUIT_TAG_FILTER(param)                                                        \
    "a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id" \
    " WHERE t.name = " param ")"
#define CONDUIT_FAVORITED_FILTER(param)                                                \
    "a.id IN (SELECT f.article_id FROM favorites f JOIN users fu ON fu.id = f.user_id" \
    " WHERE fu.username = " param ")"
#define CONDUIT_FEED_FILTER(param) \
    "a.author_id IN (SELECT followee_id FROM follows WHERE follower_id = " param ")"

// One statement per filter, so each gets a plan that uses its index; the
// rare combinations share a generic statement.
const db::Statement kListAll("article_list_all", CONDUIT_LIST(""));
const db::Statement kCountAll("article_count_all", CONDUIT_COUNT(""));
const db::Statement kListByTag("article_list_tag", CONDUIT_LIST("WHERE " CONDUIT_TAG_FILTER("$4")));
const db::Statement kCountByTag("article_count_tag",
                                CONDUIT_COUNT("WHERE " CONDUIT_TAG_FILTER("$1")));
const db::Statement kListByAuthor("article_list_author", CONDUIT_LIST("WHERE u.username = $4"));
const db::Statement kCountByAuthor("article_count_author", CONDUIT_COUNT("WHERE u.username = $1"));
const db::Statement kListFavorited("article_list_favorited",
                                   CONDUIT_LIST("WHERE " CONDUIT_FAVORITED_FILTER("$4")));
const db::Statement kCountFavorited("article_count_favorited",
                                    CONDUIT_COUNT("WHERE " CONDUIT_FAVORITED_FILTER("$1")));
const db::Statement kListFiltered(
    "article_list_filtered",
    CONDUIT_LIST("WHERE ($4::text IS NULL OR " CONDUIT_TAG_FILTER(
        "$4") ")"
              " AND ($5::text IS NULL OR u.username = $5)"
              " AND ($6::text IS NULL OR " CONDUIT_FAVORITED_FILTER("$6") ")"));
const db::Statement kCountFiltered(
    "article_count_filtered",
    CONDUIT_COUNT("WHERE ($1::text IS NULL OR " CONDUIT_TAG_FILTER(
        "$1") ")"
              " AND ($2::text IS NULL OR u.username = $2)"
              " AND ($3::text IS NULL OR " CONDUIT_FAVORITED_FILTER("$3") ")"));
const db::Statement kFeed("article_feed", CONDUIT_LIST("WHERE " CONDUIT_FEED_FILTER("$1")));
const db::Statement kCountFeed("article_count_feed",
                               CONDUIT_COUNT("WHERE " CONDUIT_FEED_FILTER("$1")));

const db::Statement kFindOwner("article_find_owner",
                               "SELECT id, author_id FROM articles WHERE slug = $1");

// Inserts the article and links its tags; $6 is a JSON array of tag names.
// ON CONFLICT DO UPDATE returns the id of a tag that already exists or
// that a concurrent transaction just inserted.
const db::Statement kInsertArticle(
    "article_insert",
    "WITH article AS ("
    " INSERT INTO articles (slug, title, description, body, author_id)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id),"
    " tag AS ("
    " INSERT INTO tags (name) SELECT DISTINCT value FROM json_array_elements_text($6::json)"
    " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id)"
    " INSERT INTO article_tags (article_id, tag_id) SELECT article.id, tag.id FROM article, tag");
// $2..$5: new slug, title, description, body, or NULL to keep.
const db::Statement kUpdateArticle(
    "article_update",
    "UPDATE articles SET slug = COALESCE($2, slug), title = COALESCE($3, title),"
    " description = COALESCE($4, description), body = COALESCE($5, body), updated_at = now()"
    " WHERE id = $1");
const db::Statement kClearTags("article_clear_tags",
                               "DELETE FROM article_tags WHERE article_id = $1");
const db::Statement kAddTags(
    "article_add_tags",
    "WITH tag AS ("
    " INSERT INTO tags (name) SELECT DISTINCT value FROM json_array_elements_text($2::json)"
    " ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id)"
    " INSERT INTO article_tags (article_id, tag_id) SELECT $1, id FROM tag");
const db::Statement kDeleteArticle("article_delete",
                                   "DELETE FROM articles WHERE id = $1 RETURNING id");

// A slug collision is retried with a random suffix this many times.
constexpr int kSlugAttempts = 4;

// Anonymous callers are viewer 0, which no user has (ids start at 1). With a
// NULL viewer PostgreSQL re-planned the list statements on every request
// instead of switching to their generic plan.
std::int64_t viewer_id(const std::optional<Caller>& caller) { return caller ? caller->user_id : 0; }

Response list_response(const db::Result& rows, const db::Result& count) {
    boost::json::array articles;
    articles.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) articles.emplace_back(views::article(rows, i));
    return http::json_response(
        Status::ok, {{"articles", std::move(articles)}, {"articlesCount", count.integer(0, 0)}});
}

Response article_response(Status status, const db::Result& result) {
    if (result.empty()) throw http::not_found("article");
    return http::json_response(status, {{"article", views::article(result, 0)}});
}

// Longest accepted tag, in characters; also keeps tags well inside the
// size limit of the unique index on tag names.
constexpr std::size_t kMaxTagLength = 100;
constexpr std::size_t kMaxTags = 20;
constexpr std::size_t kMaxTitleLength = 300;
constexpr std::size_t kMaxDescriptionLength = 1000;

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// Returns the trimmed, non-blank tags as a JSON array for the insert
// statements.
std::string tags_json(const std::vector<std::string>& tags) {
    if (tags.size() > kMaxTags) {
        throw http::unprocessable("tagList", "must have at most 20 tags");
    }
    boost::json::array array;
    for (const auto& tag : tags) {
        std::string name = trim(tag);
        if (name.empty()) continue;
        if (count_characters(name) > kMaxTagLength) {
            throw http::unprocessable("tagList", "each tag must be at most 100 characters");
        }
        array.emplace_back(name);
    }
    return boost::json::serialize(array);
}

void check_length(const char* field, const std::string& value, std::size_t max) {
    if (count_characters(value) > max) {
        throw http::unprocessable(field,
                                  fmt::format("is too long (maximum is {} characters)", max));
    }
}

void check_lengths(const std::string* title, const std::string* description) {
    if (title != nullptr) check_length("title", *title, kMaxTitleLength);
    if (description != nullptr) check_length("description", *description, kMaxDescriptionLength);
}

// Returns the list and count queries for the filters in `params`.
std::pair<db::Query, db::Query> list_queries(const ListParams& params, std::int64_t viewer) {
    const int filters = (params.tag ? 1 : 0) + (params.author ? 1 : 0) + (params.favorited ? 1 : 0);
    auto list = [&](const db::Statement& statement) {
        db::Query query(statement);
        query.bind(viewer).bind(params.limit).bind(params.offset);
        return query;
    };
    if (filters == 0) return {list(kListAll), db::Query(kCountAll)};
    if (filters > 1) {
        auto query = list(kListFiltered);
        query.bind(params.tag).bind(params.author).bind(params.favorited);
        db::Query count(kCountFiltered);
        count.bind(params.tag).bind(params.author).bind(params.favorited);
        return {std::move(query), std::move(count)};
    }
    const auto& [list_statement, count_statement, value] =
        params.tag      ? std::tuple{&kListByTag, &kCountByTag, *params.tag}
        : params.author ? std::tuple{&kListByAuthor, &kCountByAuthor, *params.author}
                        : std::tuple{&kListFavorited, &kCountFavorited, *params.favorited};
    auto query = list(*list_statement);
    query.bind(value);
    db::Query count(*count_statement);
    count.bind(value);
    return {std::move(query), std::move(count)};
}

Awaitable<Response> list_articles(RequestContext& context) {
    const auto caller = optional_caller(context);
    const auto params = parse_list_params(context.query);
    auto [list, count] = list_queries(params, viewer_id(caller));
    const db::Query batch[] = {std::move(list), std::move(count)};
    auto results = co_await context.db(batch);
    co_return list_response(results[0], results[1]);
}

Awaitable<Response> feed(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto params = parse_list_params(context.query);
    db::Query list(kFeed);
    list.bind(caller.user_id).bind(params.limit).bind(params.offset);
    db::Query count(kCountFeed);
    count.bind(caller.user_id);
    const db::Query batch[] = {std::move(list), std::move(count)};
    auto results = co_await context.db(batch);
    co_return list_response(results[0], results[1]);
}

Awaitable<Response> get_article(RequestContext& context) {
    const auto caller = optional_caller(context);
    auto result = co_await context.db(
        db::Query(kGetArticleBySlug).bind(viewer_id(caller)).bind(context.params.get("slug")));
    co_return article_response(Status::ok, result);
}

Awaitable<Response> create_article(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto input = parse_wrapped_body(context.request, "article");
    const std::string title = require_string(input, "title");
    const std::string description = require_string(input, "description");
    const std::string body = require_string(input, "body");
    check_lengths(&title, &description);
    const auto tags = read_string_array(input, "tagList").value_or(std::vector<std::string>{});
    const std::string tag_list = tags_json(tags);

    std::string slug = slugify(title);
    for (int attempt = 1;; ++attempt) {
        db::Query insert(kInsertArticle);
        insert.bind(slug)
            .bind(title)
            .bind(description)
            .bind(body)
            .bind(caller.user_id)
            .bind(tag_list);
        db::Query get(kGetArticleBySlug);
        get.bind(caller.user_id).bind(slug);
        const db::Query batch[] = {std::move(insert), std::move(get)};
        bool slug_taken = false;
        try {
            auto results = co_await context.db(batch);
            co_return article_response(Status::created, results[1]);
        } catch (const db::QueryError& e) {
            if (e.constraint() != "articles_slug_key" || attempt == kSlugAttempts) throw;
            slug_taken = true;
        }
        if (slug_taken) slug = with_unique_suffix(slugify(title));
    }
}

// Returns the article's id after checking that the caller wrote it.
Awaitable<std::int64_t> find_owned_article(RequestContext& context, std::int64_t caller) {
    auto owner = co_await context.db(db::Query(kFindOwner).bind(context.params.get("slug")));
    if (owner.empty()) throw http::not_found("article");
    if (owner.integer(0, 1) != caller) throw http::forbidden("article");
    co_return owner.integer(0, 0);
}

Awaitable<Response> update_article(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto input = parse_wrapped_body(context.request, "article");
    auto title = read_string(input, "title");
    auto description = read_string(input, "description");
    auto body = read_string(input, "body");
    for (const auto* field : {&title, &description, &body}) {
        const char* name = field == &title         ? "title"
                           : field == &description ? "description"
                                                   : "body";
        if (field->present && (field->is_null || is_blank(field->value))) {
            throw http::unprocessable(name, "can't be blank");
        }
    }
    const auto* tag_field = input.if_contains("tagList");
    if (tag_field != nullptr && tag_field->is_null()) {
        throw http::unprocessable("tagList", "must be an array of strings");
    }
    const auto tags = read_string_array(input, "tagList");
    check_lengths(title.present ? &title.value : nullptr,
                  description.present ? &description.value : nullptr);

    const auto article_id = co_await find_owned_article(context, caller.user_id);
    auto optional_value = [](const OptionalString& field) {
        return field.present ? std::optional(field.value) : std::nullopt;
    };

    std::string slug =
        title.present ? slugify(title.value) : std::string(context.params.get("slug"));
    for (int attempt = 1;; ++attempt) {
        std::vector<db::Query> batch;
        db::Query update(kUpdateArticle);
        update.bind(article_id)
            .bind(title.present ? std::optional(slug) : std::nullopt)
            .bind(optional_value(title))
            .bind(optional_value(description))
            .bind(optional_value(body));
        batch.push_back(std::move(update));
        if (tags) {
            batch.push_back(std::move(db::Query(kClearTags).bind(article_id)));
            batch.push_back(std::move(db::Query(kAddTags).bind(article_id).bind(tags_json(*tags))));
        }
        batch.push_back(std::move(db::Query(kGetArticleBySlug).bind(caller.user_id).bind(slug)));
        bool slug_taken = false;
        try {
            auto results = co_await context.db(batch);
            co_return article_response(Status::ok, results.back());
        } catch (const db::QueryError& e) {
            if (e.constraint() != "articles_slug_key" || attempt == kSlugAttempts) throw;
            slug_taken = true;
        }
        if (slug_taken) slug = with_unique_suffix(slugify(title.value));
    }
}

Awaitable<Response> delete_article(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto article_id = co_await find_owned_article(context, caller.user_id);
    auto deleted = co_await context.db(db::Query(kDeleteArticle).bind(article_id));
    // A concurrent delete got there first.
    if (deleted.empty()) throw http::not_found("article");
    co_return http::empty_response(Status::no_content);
}

}  // namespace

void add_article_routes(http::Router& router) {
    router.add(http::Verb::get, "/api/articles", list_articles);
    router.add(http::Verb::get, "/api/articles/feed", feed);
    router.add(http::Verb::post, "/api/articles", create_article);
    router.add(http::Verb::get, "/api/articles/:slug", get_article);
    router.add(http::Verb::put, "/api/articles/:slug", update_article);
    router.add(http::Verb::delete_, "/api/articles/:slug", delete_article);
}

}  // namespace conduit
