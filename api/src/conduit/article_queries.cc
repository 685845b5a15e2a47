#include "conduit/article_queries.h"

#include "conduit/views.h"
#include "db/errors.h"
#include "http/api_error.h"

namespace conduit {

const db::Statement kGetArticleBySlug("article_get",
                                      "SELECT " CONDUIT_ARTICLE_COLUMNS("a.body")
                                      " FROM articles a JOIN users u ON u.id = a.author_id"
                                      " WHERE a.slug = $2");

http::Awaitable<std::vector<db::Result>> run_referencing_article(http::RequestContext& context,
                                                                 std::span<const db::Query> batch) {
    bool article_gone = false;
    try {
        co_return co_await context.db(batch);
    } catch (const db::QueryError& e) {
        if (!e.is_foreign_key_violation()) throw;
        article_gone = true;
    }
    if (article_gone) throw http::not_found("article");
    co_return std::vector<db::Result>{};
}

}  // namespace conduit
