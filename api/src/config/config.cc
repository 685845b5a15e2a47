#include "config/config.h"

#include <fmt/format.h>

#include <boost/asio/ip/address.hpp>
#include <thread>

#include "config/conninfo.h"

namespace conduit::config {
namespace {

HttpConfig load_http(const Env& env) {
    HttpConfig http;
    http.listen_address = env.string("LISTEN_ADDRESS", "127.0.0.1");
    boost::system::error_code ec;
    boost::asio::ip::make_address(http.listen_address, ec);
    if (ec) {
        throw ConfigError(fmt::format(
            "LISTEN_ADDRESS={:?}: invalid value; expected an IPv4 or IPv6 address such as "
            "0.0.0.0 or 127.0.0.1",
            http.listen_address));
    }
    http.listen_port = static_cast<unsigned short>(env.integer("LISTEN_PORT", 8080, 1, 65535));
    http.max_header_bytes =
        static_cast<std::size_t>(env.integer("HTTP_MAX_HEADER_BYTES", 8 * 1024, 1024, 1 << 20));
    http.max_body_bytes =
        static_cast<std::size_t>(env.integer("HTTP_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20));
    http.read_timeout = env.millis("HTTP_READ_TIMEOUT_MS", 10'000, 100, 600'000);
    http.idle_timeout = env.millis("HTTP_IDLE_TIMEOUT_MS", 60'000, 100, 3'600'000);
    http.max_connections =
        static_cast<std::size_t>(env.integer("HTTP_MAX_CONNECTIONS", 10'000, 1, 1'000'000));
    return http;
}

DatabaseConfig load_database(const Env& env) {
    DatabaseConfig db;
    db.conninfo = env.secret("DATABASE_URL").value_or("");
    if (!db.conninfo.empty()) validate_conninfo("DATABASE_URL", db.conninfo);
    db.password = env.secret("PGPASSWORD").value_or("");
    db.pool_size_per_thread = static_cast<std::size_t>(env.integer("DB_POOL_SIZE", 4, 1, 256));
    db.connect_timeout = env.millis("DB_CONNECT_TIMEOUT_MS", 5'000, 100, 600'000);
    db.statement_timeout = env.millis("DB_STATEMENT_TIMEOUT_MS", 5'000, 10, 3'600'000);
    db.acquire_timeout = env.millis("DB_ACQUIRE_TIMEOUT_MS", 1'000, 1, 600'000);
    db.migrations_dir = env.string("MIGRATIONS_DIR", CONDUIT_DEFAULT_MIGRATIONS_DIR);
    db.migrate_on_start = env.boolean("MIGRATE_ON_START", true);
    return db;
}

AuthConfig load_auth(const Env& env) {
    AuthConfig auth;
    auto secret = env.secret("JWT_SECRET");
    if (!secret) {
        throw ConfigError(
            fmt::format("JWT_SECRET is not set; set JWT_SECRET or JWT_SECRET_FILE to a random "
                        "value of at least {} bytes (for example: openssl rand -hex 32)",
                        kMinJwtSecretBytes));
    }
    if (secret->size() < kMinJwtSecretBytes) {
        throw ConfigError(fmt::format(
            "JWT_SECRET is too short ({} bytes); expected at least {} bytes (for example: "
            "openssl rand -hex 32)",
            secret->size(), kMinJwtSecretBytes));
    }
    auth.jwt_secret = std::move(*secret);
    auth.jwt_ttl =
        std::chrono::seconds(env.integer("JWT_TTL_S", 30 * 24 * 3600, 60, 365 * 24 * 3600));
    auth.hash_threads = static_cast<std::size_t>(env.integer("PASSWORD_HASH_THREADS", 2, 1, 64));
    auth.argon2_memory_kib = static_cast<std::size_t>(env.integer(
        "ARGON2_MEMORY_KIB", kMinArgon2MemoryKib, kMinArgon2MemoryKib, 4 * 1024 * 1024));
    auth.argon2_iterations = static_cast<std::size_t>(
        env.integer("ARGON2_ITERATIONS", kMinArgon2Iterations, kMinArgon2Iterations, 100));
    return auth;
}

std::string load_log_level(const Env& env) {
    std::string level = env.string("LOG_LEVEL", "info");
    if (level != "debug" && level != "info" && level != "warn" && level != "error") {
        throw ConfigError(fmt::format(
            "LOG_LEVEL={:?}: invalid value; expected debug, info, warn or error", level));
    }
    return level;
}

}  // namespace

Config load(const Env& env) {
    Config config;
    config.http = load_http(env);
    config.db = load_database(env);
    config.auth = load_auth(env);
    const auto cores = std::max(1U, std::thread::hardware_concurrency());
    config.threads = static_cast<std::size_t>(env.integer("API_THREADS", cores, 1, 256));
    config.log_level = load_log_level(env);
    config.shutdown_grace = env.millis("SHUTDOWN_GRACE_MS", 20'000, 0, 600'000);
    return config;
}

}  // namespace conduit::config
