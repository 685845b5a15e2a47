#pragma once

#include <deque>
#include <string>
#include <vector>

#include "db/connection.h"

namespace conduit::db {

// Keyword and value arrays for PQconnectStartParams and PQconnectdbParams,
// built from ConnectOptions. The connection string goes in as "dbname"
// with expand_dbname set, and later keywords override what it sets, so
// the separate password wins over one inside DATABASE_URL.
class ConnectParams {
public:
    ConnectParams(const ConnectOptions& options, const char* application_name);

    void add(const char* keyword, std::string value);

    // Null-terminated arrays, valid while this object lives unchanged.
    const char* const* keywords();
    const char* const* values();

private:
    std::vector<const char*> keywords_;
    std::vector<const char*> values_;
    std::deque<std::string> storage_;  // stable addresses for values_
};

// Turns a libpq error message into one line without trailing whitespace.
std::string one_line(const char* message);

}  // namespace conduit::db
