#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "http/context.h"

namespace conduit {

struct Caller {
    std::int64_t user_id = 0;
    std::string_view token;  // points into the request's Authorization header
};

// Reads "Authorization: Token <jwt>". Returns nullopt when the header is
// absent; throws ApiError 401 when it is present but the token is not valid.
std::optional<Caller> optional_caller(const http::RequestContext& context);

// As optional_caller, but a missing header is also 401.
Caller require_caller(const http::RequestContext& context);

}  // namespace conduit
