// /api/tags.

#include "conduit/handlers.h"
#include "http/context.h"
#include "http/response.h"

namespace conduit {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

// Tags in use, most used first. Tags left behind by deleted or edited
// articles stay in the table but are not listed.
const db::Statement kListTags("tag_list",
                              "SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id"
                              " GROUP BY t.id, t.name ORDER BY count(*) DESC, t.name");

Awaitable<Response> list_tags(RequestContext& context) {
    auto rows = co_await context.db(db::Query(kListTags));
    boost::json::array tags;
    tags.reserve(static_cast<std::size_t>(rows.rows()));
    for (int i = 0; i < rows.rows(); ++i) tags.emplace_back(rows.text(i, 0));
    co_return http::json_response(Status::ok, {{"tags", std::move(tags)}});
}

}  // namespace

void add_tag_routes(http::Router& router) { router.add(http::Verb::get, "/api/tags", list_tags); }

}  // namespace conduit
