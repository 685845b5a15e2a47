#pragma once

#include <string>
#include <vector>

#include "db/connection.h"

namespace conduit::db {

struct Migration {
    long version = 0;
    std::string name;  // file name, e.g. "0001_create_schema.sql"
    std::string sql;
};

// Reads "NNNN_name.sql" files from `dir`, sorted by version. Throws
// std::runtime_error for an unreadable folder, a file without a numeric
// prefix or two files with the same version.
std::vector<Migration> load_migrations(const std::string& dir);

struct MigrationReport {
    std::vector<std::string> applied;  // names applied by this call
    std::size_t already_applied = 0;
};

// Applies every migration not yet recorded in schema_migrations, each in
// its own transaction, while holding a session-level advisory lock so that
// concurrent callers (several API replicas starting at once) apply each
// migration exactly once. Blocking; call it off the I/O threads. Throws
// std::runtime_error with the failing migration's name and the server's
// message.
MigrationReport apply_migrations(const ConnectOptions& options,
                                 const std::vector<Migration>& migrations,
                                 std::chrono::milliseconds connect_timeout);

}  // namespace conduit::db
