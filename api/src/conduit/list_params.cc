#include "conduit/list_params.h"

#include <fmt/format.h>

#include <charconv>

#include "http/api_error.h"
#include "http/router.h"

namespace conduit {
namespace {

std::int64_t parse_count(std::string_view name, std::string_view text, std::int64_t min) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min) {
        throw http::unprocessable(std::string(name),
                                  fmt::format("must be an integer of at least {}", min));
    }
    return value;
}

}  // namespace

ListParams parse_list_params(std::string_view query) {
    ListParams params;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);

        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        auto key = http::decode_form_component(pair.substr(0, equals));
        auto value = http::decode_form_component(pair.substr(equals + 1));
        if (!key || !value) throw http::unprocessable("query", "is not a valid query string");

        if (*key == "tag") {
            params.tag = std::move(*value);
        } else if (*key == "author") {
            params.author = std::move(*value);
        } else if (*key == "favorited") {
            params.favorited = std::move(*value);
        } else if (*key == "limit") {
            params.limit = std::min(parse_count("limit", *value, 1), kMaxListLimit);
        } else if (*key == "offset") {
            params.offset = parse_count("offset", *value, 0);
        }
    }
    return params;
}

}  // namespace conduit
