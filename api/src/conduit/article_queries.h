#pragma once

#include <span>
#include <vector>

#include "db/statement.h"
#include "http/context.h"

// Statements and helpers shared by the handlers that work on one article.
namespace conduit {

// The full article (body included) for slug $2, as seen by viewer $1.
extern const db::Statement kGetArticleBySlug;

// Runs `batch`, whose statements insert rows that reference an article.
// Throws ApiError 404 "article" when the article was deleted meanwhile
// (the insert then violates a foreign key).
http::Awaitable<std::vector<db::Result>> run_referencing_article(http::RequestContext& context,
                                                                 std::span<const db::Query> batch);

}  // namespace conduit
