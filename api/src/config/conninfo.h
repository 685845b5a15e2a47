#pragma once

#include <string>
#include <string_view>

namespace conduit::config {

// Checks that libpq can parse `conninfo` (a URI or key=value list). Throws
// ConfigError naming `variable`; the message never contains the value,
// since a connection string may carry a password.
void validate_conninfo(std::string_view variable, const std::string& conninfo);

// Returns `conninfo` with any password replaced by "***", for logs.
std::string redact_conninfo(const std::string& conninfo);

}  // namespace conduit::config
