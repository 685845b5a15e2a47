#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "config/env.h"

namespace conduit::config {

struct HttpConfig {
    std::string listen_address;
    unsigned short listen_port = 0;
    std::size_t max_header_bytes = 0;
    std::size_t max_body_bytes = 0;
    // Time allowed for a whole request to arrive once its first byte has.
    std::chrono::milliseconds read_timeout{};
    // Time a keep-alive connection may wait for its next request.
    std::chrono::milliseconds idle_timeout{};
    std::size_t max_connections = 0;
};

struct DatabaseConfig {
    // libpq connection string (URI or key=value). Empty means libpq reads
    // the PG* environment variables itself.
    std::string conninfo;
    // Overrides the password in conninfo when set. Secret.
    std::string password;
    std::size_t pool_size_per_thread = 0;
    std::chrono::milliseconds connect_timeout{};
    std::chrono::milliseconds statement_timeout{};
    // How long a request waits for a free connection before it gets 503.
    std::chrono::milliseconds acquire_timeout{};
    std::string migrations_dir;
    bool migrate_on_start = true;
};

struct AuthConfig {
    std::string jwt_secret;  // Secret.
    std::chrono::seconds jwt_ttl{};
    std::size_t hash_threads = 0;
    std::size_t argon2_memory_kib = 0;
    std::size_t argon2_iterations = 0;
};

struct Config {
    HttpConfig http;
    DatabaseConfig db;
    AuthConfig auth;
    std::size_t threads = 0;
    std::string log_level;
    std::chrono::milliseconds shutdown_grace{};
};

// Reads and validates the whole configuration. Throws ConfigError on the
// first invalid variable.
Config load(const Env& env);

// The shortest accepted JWT secret, in bytes: HS256 keys shorter than the
// hash output weaken the MAC.
inline constexpr std::size_t kMinJwtSecretBytes = 32;

// OWASP's minimum Argon2id parameters (19 MiB, two passes), used as the
// floor for the configurable cost.
inline constexpr std::size_t kMinArgon2MemoryKib = 19 * 1024;
inline constexpr std::size_t kMinArgon2Iterations = 2;

}  // namespace conduit::config
