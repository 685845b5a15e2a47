#pragma once

#include <boost/json/object.hpp>
#include <string_view>

#include "db/result.h"

// JSON views of database rows. Each view reads the columns its matching
// SQL fragment selects, in that order, starting at column `first`.
namespace conduit::views {

// SQL expression that renders a timestamptz as ISO 8601 UTC with
// milliseconds, e.g. 2026-01-02T03:04:05.678Z.
#define CONDUIT_ISO_TIME(column) \
    "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

// Profile columns for the user aliased `u`, as seen by the user whose id
// is `viewer` (a SQL expression; NULL for an anonymous caller).
#define CONDUIT_PROFILE_COLUMNS(viewer)                            \
    "u.username, u.bio, u.image, EXISTS (SELECT 1 FROM follows fo" \
    " WHERE fo.follower_id = " viewer " AND fo.followee_id = u.id)"
inline constexpr int kProfileColumnCount = 4;

boost::json::object profile(const db::Result& result, int row, int first = 0);

// Article columns for article `a` joined with its author `u`, as seen by
// the viewer $1; the body column is NULL in lists.
#define CONDUIT_ARTICLE_COLUMNS(body) \
    "a.slug, a.title, a.description, " body ", " CONDUIT_ISO_TIME("a.created_at") ", "    \
    CONDUIT_ISO_TIME("a.updated_at") ", a.favorites_count, "                              \
    "EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = $1 AND f.article_id = a.id), "  \
    "COALESCE((SELECT json_agg(t.name ORDER BY t.name) FROM article_tags at"             \
    " JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '[]'), "              \
    CONDUIT_PROFILE_COLUMNS("$1")

boost::json::object article(const db::Result& result, int row);

// Comment columns for comment `c` with its author `u`, as seen by $1.
#define CONDUIT_COMMENT_COLUMNS                                      \
    "c.id, " CONDUIT_ISO_TIME("c.created_at") ", " CONDUIT_ISO_TIME( \
        "c.updated_at") ", c.body, " CONDUIT_PROFILE_COLUMNS("$1")

boost::json::object comment(const db::Result& result, int row);

// User columns for `u`: id, email, username, bio, image.
#define CONDUIT_USER_COLUMNS "u.id, u.email, u.username, u.bio, u.image"

boost::json::object user(const db::Result& result, int row, std::string_view token);

}  // namespace conduit::views
