#pragma once

#include <stdexcept>
#include <string>

namespace conduit::db {

// The database could not be reached in time: no healthy connection, a lost
// connection or a timeout. Maps to 503; the request may be retried.
class Unavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A statement failed on a healthy connection. `sqlstate` is the five-letter
// SQLSTATE code, e.g. "23505" for a unique violation.
class QueryError : public std::runtime_error {
public:
    QueryError(std::string sqlstate, std::string constraint, const std::string& message)
        : std::runtime_error(message),
          sqlstate_(std::move(sqlstate)),
          constraint_(std::move(constraint)) {}

    const std::string& sqlstate() const { return sqlstate_; }
    // Name of the violated constraint, empty when none applies.
    const std::string& constraint() const { return constraint_; }
    bool is_unique_violation() const { return sqlstate_ == "23505"; }
    bool is_foreign_key_violation() const { return sqlstate_ == "23503"; }

private:
    std::string sqlstate_;
    std::string constraint_;
};

}  // namespace conduit::db
