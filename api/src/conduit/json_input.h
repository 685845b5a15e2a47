#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/types.h"

namespace conduit {

// Parses a request body of the form {"<wrapper>": {...}} and returns the
// inner object. Throws ApiError 422 with a field-level message for a wrong
// Content-Type, malformed JSON, a non-object body or a missing wrapper.
boost::json::object parse_wrapped_body(const http::Request& request, std::string_view wrapper);

// A field that may be absent, explicitly null, or a string.
struct OptionalString {
    bool present = false;
    bool is_null = false;
    std::string value;
};

// Reads `name` as a string. Throws 422 on `name` when it has another type
// or contains a NUL character, which PostgreSQL text cannot store.
OptionalString read_string(const boost::json::object& object, std::string_view name);

// Reads a required, non-blank string; throws 422 "can't be blank" when it
// is absent, null or only whitespace.
std::string require_string(const boost::json::object& object, std::string_view name);

// Reads an optional array of strings. nullopt when absent; throws 422 on
// `name` when null, not an array, or holding a non-string.
std::optional<std::vector<std::string>> read_string_array(const boost::json::object& object,
                                                          std::string_view name);

bool is_blank(std::string_view text);

// Number of characters (code points) in valid UTF-8 text.
std::size_t count_characters(std::string_view utf8);

}  // namespace conduit
