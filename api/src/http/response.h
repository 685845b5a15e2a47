#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "http/types.h"

namespace conduit::http {

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

Response json_response(Status status, const boost::json::value& body);

// Builds {"errors":{"<field>":["<message>"]}}.
Response error_response(Status status, std::string_view field, std::string_view message);

// A response without a body, such as 204 No Content.
Response empty_response(Status status);

Response text_response(Status status, std::string body, std::string_view content_type);

}  // namespace conduit::http
