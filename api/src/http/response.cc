#include "http/response.h"

#include <boost/beast/http/field.hpp>
#include <boost/json/serialize.hpp>

namespace conduit::http {

Response text_response(Status status, std::string body, std::string_view content_type) {
    Response response{status, 11};
    response.set(beast_http::field::content_type, content_type);
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response empty_response(Status status) {
    Response response{status, 11};
    response.prepare_payload();
    return response;
}

Response json_response(Status status, const boost::json::value& body) {
    return text_response(status, boost::json::serialize(body), kJsonContentType);
}

Response error_response(Status status, std::string_view field, std::string_view message) {
    boost::json::object errors;
    errors[field] = boost::json::array{boost::json::string(message)};
    return json_response(status, boost::json::object{{"errors", std::move(errors)}});
}

}  // namespace conduit::http
