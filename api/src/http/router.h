#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/types.h"

namespace conduit::http {

struct RequestContext;
using Handler = std::function<Awaitable<Response>(RequestContext&)>;

// Values captured from ":name" segments of a route pattern, percent-decoded.
class PathParams {
public:
    static constexpr std::size_t kMax = 4;

    // Returns the value of parameter `name`; empty when the route has none.
    std::string_view get(std::string_view name) const;
    void add(std::string_view name, std::string value);
    void clear() { size_ = 0; }

private:
    std::array<std::pair<std::string_view, std::string>, kMax> items_;
    std::size_t size_ = 0;
};

// Maps (method, path) to a handler. Patterns are "/"-separated literals and
// ":name" parameters, e.g. "/api/articles/:slug/comments/:id". When
// several routes match, the one with a literal segment where the others
// have a parameter, at the first such position, wins. Not thread-safe to
// modify; matching is read-only and safe from any thread once built.
class Router {
public:
    struct Route {
        Verb method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
    };

    struct Match {
        const Route* route = nullptr;  // null when nothing matched
        PathParams params;
        // Set when the path matched but the method did not: the Allow list.
        std::string allow;
    };

    void add(Verb method, std::string pattern, Handler handler);

    // `path` is the raw request path without the query string.
    Match match(Verb method, std::string_view path) const;

private:
    std::vector<Route> routes_;
};

// Decodes %XX escapes; returns nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

// Decodes a query string key or value: "+" is a space, then %XX escapes.
// Returns nullopt for a malformed escape or a result that is not valid text.
std::optional<std::string> decode_form_component(std::string_view text);

// True when `text` is valid UTF-8 without NUL characters, so PostgreSQL
// accepts it as text. Path parameters that fail this match no route.
bool is_valid_text(std::string_view text);

}  // namespace conduit::http
