#include "conduit/routes.h"

#include "conduit/handlers.h"

namespace conduit {

void add_routes(http::Router& router) {
    add_user_routes(router);
    add_profile_routes(router);
    add_article_routes(router);
    add_favorite_routes(router);
    add_comment_routes(router);
    add_tag_routes(router);
}

}  // namespace conduit
