#pragma once

#include "http/router.h"

// Route registration for each resource of the Conduit API.
namespace conduit {

void add_user_routes(http::Router& router);
void add_profile_routes(http::Router& router);
void add_article_routes(http::Router& router);
void add_favorite_routes(http::Router& router);
void add_comment_routes(http::Router& router);
void add_tag_routes(http::Router& router);

}  // namespace conduit
