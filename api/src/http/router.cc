#include "http/router.h"

#include <algorithm>
#include <stdexcept>

namespace conduit::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') return segments;
    path.remove_prefix(1);
    while (true) {
        auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool is_param(std::string_view segment) { return !segment.empty() && segment.front() == ':'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Returns true when `route` matches `segments`, filling `params`.
bool match_route(const Router::Route& route, const std::vector<std::string_view>& segments,
                 PathParams& params) {
    if (route.segments.size() != segments.size()) return false;
    params.clear();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& expected = route.segments[i];
        if (is_param(expected)) {
            auto decoded = percent_decode(segments[i]);
            if (!decoded || decoded->empty() || !is_valid_text(*decoded)) return false;
            params.add(std::string_view(expected).substr(1), std::move(*decoded));
        } else if (expected != segments[i]) {
            return false;
        }
    }
    return true;
}

// True when `a` has a literal segment where `b` has a parameter, at the
// first position where they differ in kind. Both matched the same path, so
// they have the same number of segments.
bool more_specific(const Router::Route& a, const Router::Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
        const bool a_param = is_param(a.segments[i]);
        if (a_param != is_param(b.segments[i])) return !a_param;
    }
    return false;
}

}  // namespace

std::string_view PathParams::get(std::string_view name) const {
    for (std::size_t i = 0; i < size_; ++i) {
        if (items_[i].first == name) return items_[i].second;
    }
    return {};
}

void PathParams::add(std::string_view name, std::string value) {
    if (size_ == kMax) throw std::logic_error("route pattern has too many parameters");
    items_[size_++] = {name, std::move(value)};
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        int high = hex_value(text[i + 1]);
        int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
    }
    return out;
}

std::optional<std::string> decode_form_component(std::string_view text) {
    // Replace before decoding, so that an escaped "%2B" stays a '+'.
    std::string raw(text);
    std::replace(raw.begin(), raw.end(), '+', ' ');
    auto decoded = percent_decode(raw);
    if (decoded && !is_valid_text(*decoded)) return std::nullopt;
    return decoded;
}

bool is_valid_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0) return false;
        // Sequence length from the lead byte; overlong forms, surrogates and
        // code points past U+10FFFF are rejected as PostgreSQL does.
        if (byte < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 4;
        unsigned min = 0x10000;
        unsigned code = byte & 0x07U;
        if ((byte & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
            code = byte & 0x1FU;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
            code = byte & 0x0FU;
        } else if ((byte & 0xF8) != 0xF0) {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

void Router::add(Verb method, std::string pattern, Handler handler) {
    Route route{method, std::move(pattern), {}, std::move(handler)};
    for (auto segment : split_path(route.pattern)) route.segments.emplace_back(segment);
    routes_.push_back(std::move(route));
}

Router::Match Router::match(Verb method, std::string_view path) const {
    Match result;
    const auto segments = split_path(path);
    PathParams params;
    for (const auto& route : routes_) {
        if (!match_route(route, segments, params)) continue;
        if (route.method != method) {
            // The path exists under another method: collect it for Allow.
            if (!result.allow.empty()) result.allow += ", ";
            result.allow += std::string(to_string(route.method));
            continue;
        }
        if (result.route == nullptr || more_specific(route, *result.route)) {
            result.route = &route;
            result.params = params;
        }
    }
    if (result.route != nullptr) result.allow.clear();
    return result;
}

}  // namespace conduit::http
