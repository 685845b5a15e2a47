#include "conduit/json_input.h"

#include <boost/beast/http/field.hpp>
#include <boost/json/parse.hpp>

#include "http/api_error.h"

namespace conduit {
namespace {

bool is_json_content_type(std::string_view value) {
    const auto semicolon = value.find(';');
    auto media_type = value.substr(0, semicolon);
    while (!media_type.empty() && media_type.back() == ' ') media_type.remove_suffix(1);
    if (media_type.size() != 16) return false;
    for (std::size_t i = 0; i < media_type.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(media_type[i])));
        if (c != "application/json"[i]) return false;
    }
    return true;
}

// PostgreSQL text cannot hold NUL, and libpq would cut the value there.
void reject_nul(std::string_view name, std::string_view value) {
    if (value.find('\0') != std::string_view::npos) {
        throw http::unprocessable(std::string(name), "must not contain NUL characters");
    }
}

}  // namespace

std::size_t count_characters(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8) {
        // Every UTF-8 sequence has exactly one byte that is not 10xxxxxx.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

boost::json::object parse_wrapped_body(const http::Request& request, std::string_view wrapper) {
    if (!is_json_content_type(request[boost::beast::http::field::content_type])) {
        throw http::unprocessable("body", "must be JSON (Content-Type: application/json)");
    }
    boost::system::error_code ec;
    auto body = boost::json::parse(request.body(), ec);
    if (ec) throw http::unprocessable("body", "is not valid JSON");
    if (!body.is_object()) throw http::unprocessable("body", "must be a JSON object");

    auto* inner = body.get_object().if_contains(wrapper);
    if (inner == nullptr || !inner->is_object()) {
        throw http::unprocessable(std::string(wrapper), "must be an object");
    }
    return std::move(inner->get_object());
}

OptionalString read_string(const boost::json::object& object, std::string_view name) {
    OptionalString result;
    const auto* value = object.if_contains(name);
    if (value == nullptr) return result;
    result.present = true;
    if (value->is_null()) {
        result.is_null = true;
        return result;
    }
    if (!value->is_string()) throw http::unprocessable(std::string(name), "must be a string");
    result.value = std::string(value->get_string());
    reject_nul(name, result.value);
    return result;
}

std::string require_string(const boost::json::object& object, std::string_view name) {
    auto field = read_string(object, name);
    if (!field.present || field.is_null || is_blank(field.value)) {
        throw http::unprocessable(std::string(name), "can't be blank");
    }
    return std::move(field.value);
}

std::optional<std::vector<std::string>> read_string_array(const boost::json::object& object,
                                                          std::string_view name) {
    const auto* value = object.if_contains(name);
    if (value == nullptr) return std::nullopt;
    if (!value->is_array()) {
        throw http::unprocessable(std::string(name), "must be an array of strings");
    }
    std::vector<std::string> items;
    for (const auto& item : value->get_array()) {
        if (!item.is_string()) {
            throw http::unprocessable(std::string(name), "must be an array of strings");
        }
        items.emplace_back(item.get_string());
        reject_nul(name, items.back());
    }
    return items;
}

}  // namespace conduit
