#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conduit {

// Query parameters of the article lists.
struct ListParams {
    std::optional<std::string> tag;
    std::optional<std::string> author;
    std::optional<std::string> favorited;
    std::int64_t limit = 20;
    std::int64_t offset = 0;
};

inline constexpr std::int64_t kMaxListLimit = 100;

// Parses the raw query string. Throws ApiError 422 naming `limit` (an
// integer from 1, capped at kMaxListLimit) or `offset` (an integer from 0)
// when either is out of range. Unknown parameters are ignored.
ListParams parse_list_params(std::string_view query);

}  // namespace conduit
