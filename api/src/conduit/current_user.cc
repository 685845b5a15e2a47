#include "conduit/current_user.h"

#include <boost/beast/http/field.hpp>

#include "auth/token.h"
#include "http/api_error.h"

namespace conduit {

std::optional<Caller> optional_caller(const http::RequestContext& context) {
    const auto header = context.request[boost::beast::http::field::authorization];
    if (header.empty()) return std::nullopt;

    constexpr std::string_view kScheme = "Token ";
    if (!header.starts_with(kScheme)) throw http::unauthorized("is invalid");
    const auto token = header.substr(kScheme.size());
    const auto claims = context.services.tokens.verify(token);
    if (!claims) throw http::unauthorized("is invalid");
    return Caller{claims->user_id, token};
}

Caller require_caller(const http::RequestContext& context) {
    auto caller = optional_caller(context);
    if (!caller) throw http::unauthorized("is missing");
    return *caller;
}

}  // namespace conduit
