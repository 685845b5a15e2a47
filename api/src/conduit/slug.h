#pragma once

#include <string>
#include <string_view>

namespace conduit {

// Turns a title into a URL path segment: ASCII letters and digits in lower
// case, every other run of characters (including all non-ASCII text) as one
// "-". A title with no ASCII letters or digits becomes "article", and one
// that would collide with a route ("feed") gets a random suffix. The
// result contains only [a-z0-9-], so it never needs percent-encoding.
std::string slugify(std::string_view title);

// Appends a random suffix ("-" and 8 hex digits) to make a taken slug
// unique.
std::string with_unique_suffix(std::string_view slug);

}  // namespace conduit
