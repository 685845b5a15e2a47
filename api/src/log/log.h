#pragma once

#include <spdlog/common.h>

#include <boost/json/object.hpp>
#include <string_view>

// Structured logging: every line on stdout is one JSON object with "ts",
// "level", "msg" and the caller's fields. Callers must never pass secrets
// (passwords, tokens, connection strings with passwords) as fields.
namespace conduit::log {

// Sets up the stdout logger. `level` is one of debug, info, warn, error.
// Must be called once before any other function here; safe to call again.
void init(std::string_view level);

bool enabled(spdlog::level::level_enum level);

void write(spdlog::level::level_enum level, std::string_view message,
           const boost::json::object& fields);

inline void debug(std::string_view message, const boost::json::object& fields = {}) {
    if (enabled(spdlog::level::debug)) write(spdlog::level::debug, message, fields);
}
inline void info(std::string_view message, const boost::json::object& fields = {}) {
    if (enabled(spdlog::level::info)) write(spdlog::level::info, message, fields);
}
inline void warn(std::string_view message, const boost::json::object& fields = {}) {
    if (enabled(spdlog::level::warn)) write(spdlog::level::warn, message, fields);
}
inline void error(std::string_view message, const boost::json::object& fields = {}) {
    if (enabled(spdlog::level::err)) write(spdlog::level::err, message, fields);
}

// Formats a system_clock time as ISO 8601 UTC with milliseconds.
std::string format_utc(std::chrono::system_clock::time_point time);

}  // namespace conduit::log
