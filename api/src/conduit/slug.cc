#include "conduit/slug.h"

#include <fmt/format.h>

#include <random>

namespace conduit {

std::string slugify(std::string_view title) {
    constexpr std::size_t kMaxLength = 100;
    std::string slug;
    slug.reserve(std::min(title.size(), kMaxLength));
    bool pending_dash = false;
    for (char c : title) {
        const auto byte = static_cast<unsigned char>(c);
        const bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9');
        if (!alnum) {
            pending_dash = !slug.empty();
            continue;
        }
        if (slug.size() + (pending_dash ? 2 : 1) > kMaxLength) break;
        if (pending_dash) slug += '-';
        pending_dash = false;
        slug += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
    }
    if (slug.empty()) return "article";
    // "/api/articles/feed" is the feed route, so that slug would be
    // unreachable.
    if (slug == "feed") return with_unique_suffix(slug);
    return slug;
}

std::string with_unique_suffix(std::string_view slug) {
    thread_local std::mt19937 random{std::random_device{}()};
    return fmt::format("{}-{:08x}", slug, random());
}

}  // namespace conduit
