#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace conduit::config {

// Thrown when a configuration variable is missing or invalid. what() is one
// line that names the variable, the rejected value (never for secrets) and
// what is expected.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Source of environment variables, injectable so tests need not touch the
// process environment.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// Returns the process environment as an EnvLookup.
EnvLookup process_env();

// Typed reads of environment variables. Each throws ConfigError naming the
// variable when the value is present but invalid, and returns the default
// when the variable is unset or empty.
class Env {
public:
    explicit Env(EnvLookup lookup) : lookup_(std::move(lookup)) {}

    std::optional<std::string> raw(std::string_view name) const;

    std::string string(std::string_view name, std::string_view fallback) const;

    // Reads NAME, or the content of the file named by NAME_FILE with one
    // trailing newline (LF or CRLF) removed. Setting both is an error. The
    // value is treated as a secret: it never appears in an error message.
    std::optional<std::string> secret(std::string_view name) const;

    std::int64_t integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;

    std::chrono::milliseconds millis(std::string_view name, std::int64_t fallback_ms,
                                     std::int64_t min_ms, std::int64_t max_ms) const;

    bool boolean(std::string_view name, bool fallback) const;

private:
    EnvLookup lookup_;
};

// Removes one trailing "\n" or "\r\n", as Docker secrets and `echo` add one.
std::string trim_trailing_newline(std::string value);

}  // namespace conduit::config
