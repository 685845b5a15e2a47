#pragma once

#include <stdexcept>
#include <string>

#include "http/types.h"

namespace conduit::http {

// A failure that maps to a client-visible status and the RealWorld error
// body {"errors":{"<field>":["<message>"]}}. Handlers throw it; the
// dispatcher turns it into the response.
class ApiError : public std::runtime_error {
public:
    ApiError(Status status, std::string field, const std::string& message)
        : std::runtime_error(message), status_(status), field_(std::move(field)) {}

    Status status() const { return status_; }
    const std::string& field() const { return field_; }

private:
    Status status_;
    std::string field_;
};

inline ApiError unprocessable(std::string field, const std::string& message) {
    return {Status::unprocessable_entity, std::move(field), message};
}
inline ApiError unauthorized(const std::string& message = "missing or invalid token") {
    return {Status::unauthorized, "token", message};
}
inline ApiError forbidden(std::string field) {
    return {Status::forbidden, std::move(field), "forbidden"};
}
inline ApiError not_found(std::string field) {
    return {Status::not_found, std::move(field), "not found"};
}
inline ApiError conflict(std::string field) {
    return {Status::conflict, std::move(field), "has already been taken"};
}

}  // namespace conduit::http
