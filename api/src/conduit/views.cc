#include "conduit/views.h"

#include <boost/json/parse.hpp>

namespace conduit::views {
namespace {

boost::json::value nullable(const db::Result& result, int row, int column) {
    auto text = result.nullable_text(row, column);
    if (!text) return nullptr;
    return boost::json::string(*text);
}

}  // namespace

boost::json::object profile(const db::Result& result, int row, int first) {
    return {{"username", result.text(row, first)},
            {"bio", nullable(result, row, first + 1)},
            {"image", nullable(result, row, first + 2)},
            {"following", result.boolean(row, first + 3)}};
}

boost::json::object article(const db::Result& result, int row) {
    boost::json::object article;
    article.reserve(10);
    article["slug"] = result.text(row, 0);
    article["title"] = result.text(row, 1);
    article["description"] = result.text(row, 2);
    if (!result.is_null(row, 3)) article["body"] = result.text(row, 3);
    article["createdAt"] = result.text(row, 4);
    article["updatedAt"] = result.text(row, 5);
    article["favoritesCount"] = result.integer(row, 6);
    article["favorited"] = result.boolean(row, 7);
    article["tagList"] = boost::json::parse(result.text(row, 8));
    article["author"] = profile(result, row, 9);
    return article;
}

boost::json::object comment(const db::Result& result, int row) {
    return {{"id", result.integer(row, 0)},
            {"createdAt", result.text(row, 1)},
            {"updatedAt", result.text(row, 2)},
            {"body", result.text(row, 3)},
            {"author", profile(result, row, 4)}};
}

boost::json::object user(const db::Result& result, int row, std::string_view token) {
    return {{"email", result.text(row, 1)},
            {"token", token},
            {"username", result.text(row, 2)},
            {"bio", nullable(result, row, 3)},
            {"image", nullable(result, row, 4)}};
}

}  // namespace conduit::views
