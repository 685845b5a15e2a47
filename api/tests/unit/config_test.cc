#include "config/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace conduit::config {
namespace {

using conduit::testing::config_error_message;
using conduit::testing::map_lookup;
using conduit::testing::TempFile;

// 32 bytes, the shortest secret load() accepts.
const std::string kValidSecret = "0123456789abcdef0123456789abcdef";

Config load_with(std::map<std::string, std::string> variables) {
    return load(Env(map_lookup(std::move(variables))));
}

std::map<std::string, std::string> minimal_env() { return {{"JWT_SECRET", kValidSecret}}; }

// Loads the minimal environment plus `name`=`value` and returns the
// ConfigError message.
std::string load_error(const std::string& name, const std::string& value) {
    auto variables = minimal_env();
    variables[name] = value;
    return config_error_message([&] { load_with(variables); });
}

TEST(ConfigLoad, MinimalEnvUsesDefaults) {
    const Config config = load_with(minimal_env());

    EXPECT_EQ(config.http.listen_address, "127.0.0.1");
    EXPECT_EQ(config.http.listen_port, 8080);
    EXPECT_EQ(config.http.max_header_bytes, 8u * 1024);
    EXPECT_EQ(config.http.max_body_bytes, 1u << 20);
    EXPECT_EQ(config.http.read_timeout, std::chrono::milliseconds(10'000));
    EXPECT_EQ(config.http.idle_timeout, std::chrono::milliseconds(60'000));
    EXPECT_EQ(config.http.max_connections, 10'000u);

    EXPECT_EQ(config.db.conninfo, "");
    EXPECT_EQ(config.db.password, "");
    EXPECT_EQ(config.db.pool_size_per_thread, 4u);
    EXPECT_EQ(config.db.connect_timeout, std::chrono::milliseconds(5'000));
    EXPECT_EQ(config.db.statement_timeout, std::chrono::milliseconds(5'000));
    EXPECT_EQ(config.db.acquire_timeout, std::chrono::milliseconds(1'000));
    EXPECT_EQ(config.db.migrations_dir, CONDUIT_DEFAULT_MIGRATIONS_DIR);
    EXPECT_TRUE(config.db.migrate_on_start);

    EXPECT_EQ(config.auth.jwt_secret, kValidSecret);
    EXPECT_EQ(config.auth.jwt_ttl, std::chrono::seconds(30 * 24 * 3600));
    EXPECT_EQ(config.auth.hash_threads, 2u);
    EXPECT_EQ(config.auth.argon2_memory_kib, kMinArgon2MemoryKib);
    EXPECT_EQ(config.auth.argon2_iterations, kMinArgon2Iterations);

    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    EXPECT_EQ(config.threads, cores);
    EXPECT_EQ(config.log_level, "info");
    EXPECT_EQ(config.shutdown_grace, std::chrono::milliseconds(20'000));
}

TEST(ConfigLoad, ReadsEveryVariable) {
    auto variables = minimal_env();
    variables.insert({
        {"LISTEN_ADDRESS", "0.0.0.0"},
        {"LISTEN_PORT", "9090"},
        {"HTTP_MAX_HEADER_BYTES", "16384"},
        {"HTTP_MAX_BODY_BYTES", "2048"},
        {"HTTP_READ_TIMEOUT_MS", "1500"},
        {"HTTP_IDLE_TIMEOUT_MS", "2500"},
        {"HTTP_MAX_CONNECTIONS", "77"},
        {"DATABASE_URL", "postgresql://conduit@127.0.0.1:5433/conduit"},
        {"PGPASSWORD", "db-password"},
        {"DB_POOL_SIZE", "8"},
        {"DB_CONNECT_TIMEOUT_MS", "700"},
        {"DB_STATEMENT_TIMEOUT_MS", "800"},
        {"DB_ACQUIRE_TIMEOUT_MS", "900"},
        {"MIGRATIONS_DIR", "/srv/migrations"},
        {"MIGRATE_ON_START", "false"},
        {"JWT_TTL_S", "3600"},
        {"PASSWORD_HASH_THREADS", "3"},
        {"ARGON2_MEMORY_KIB", "65536"},
        {"ARGON2_ITERATIONS", "4"},
        {"API_THREADS", "6"},
        {"LOG_LEVEL", "debug"},
        {"SHUTDOWN_GRACE_MS", "0"},
    });
    const Config config = load_with(variables);

    EXPECT_EQ(config.http.listen_address, "0.0.0.0");
    EXPECT_EQ(config.http.listen_port, 9090);
    EXPECT_EQ(config.http.max_header_bytes, 16384u);
    EXPECT_EQ(config.http.max_body_bytes, 2048u);
    EXPECT_EQ(config.http.read_timeout, std::chrono::milliseconds(1500));
    EXPECT_EQ(config.http.idle_timeout, std::chrono::milliseconds(2500));
    EXPECT_EQ(config.http.max_connections, 77u);
    EXPECT_EQ(config.db.conninfo, "postgresql://conduit@127.0.0.1:5433/conduit");
    EXPECT_EQ(config.db.password, "db-password");
    EXPECT_EQ(config.db.pool_size_per_thread, 8u);
    EXPECT_EQ(config.db.connect_timeout, std::chrono::milliseconds(700));
    EXPECT_EQ(config.db.statement_timeout, std::chrono::milliseconds(800));
    EXPECT_EQ(config.db.acquire_timeout, std::chrono::milliseconds(900));
    EXPECT_EQ(config.db.migrations_dir, "/srv/migrations");
    EXPECT_FALSE(config.db.migrate_on_start);
    EXPECT_EQ(config.auth.jwt_ttl, std::chrono::seconds(3600));
    EXPECT_EQ(config.auth.hash_threads, 3u);
    EXPECT_EQ(config.auth.argon2_memory_kib, 65536u);
    EXPECT_EQ(config.auth.argon2_iterations, 4u);
    EXPECT_EQ(config.threads, 6u);
    EXPECT_EQ(config.log_level, "debug");
    EXPECT_EQ(config.shutdown_grace, std::chrono::milliseconds(0));
}

// JWT_SECRET

TEST(ConfigJwtSecret, MissingNamesBothVariables) {
    const std::string message = config_error_message([] { load_with({}); });
    EXPECT_NE(message.find("JWT_SECRET"), std::string::npos) << message;
    EXPECT_NE(message.find("JWT_SECRET_FILE"), std::string::npos) << message;
}

TEST(ConfigJwtSecret, TooShortHidesValue) {
    const std::string short_secret = "short-jwt-secret-31-bytes-xxxxx";
    ASSERT_EQ(short_secret.size(), kMinJwtSecretBytes - 1);
    const std::string message = load_error("JWT_SECRET", short_secret);
    EXPECT_NE(message.find("JWT_SECRET"), std::string::npos) << message;
    EXPECT_NE(message.find("31 bytes"), std::string::npos) << message;
    EXPECT_EQ(message.find(short_secret), std::string::npos) << message;
    EXPECT_EQ(message.find("short-jwt-secret"), std::string::npos) << message;
}

TEST(ConfigJwtSecret, ExactlyMinimumLengthAccepted) {
    ASSERT_EQ(kValidSecret.size(), kMinJwtSecretBytes);
    EXPECT_EQ(load_with(minimal_env()).auth.jwt_secret, kValidSecret);
}

TEST(ConfigJwtSecret, FileContentTrimmed) {
    TempFile file(kValidSecret + "\n");
    const Config config = load_with({{"JWT_SECRET_FILE", file.path()}});
    EXPECT_EQ(config.auth.jwt_secret, kValidSecret);
}

TEST(ConfigJwtSecret, FileTooShortAfterTrimHidesValue) {
    // 31 bytes plus the newline: 32 bytes on disk, 31 after trimming.
    const std::string short_secret = "file-jwt-secret-31-bytes-xxxxxx";
    ASSERT_EQ(short_secret.size(), kMinJwtSecretBytes - 1);
    TempFile file(short_secret + "\n");
    const std::string message = config_error_message([&] {
        load_with({{"JWT_SECRET_FILE", file.path()}});
    });
    EXPECT_NE(message.find("JWT_SECRET"), std::string::npos) << message;
    EXPECT_EQ(message.find("file-jwt-secret"), std::string::npos) << message;
}

TEST(ConfigJwtSecret, BothSetIsErrorHidingValues) {
    TempFile file(kValidSecret);
    const std::string message = config_error_message([&] {
        load_with({{"JWT_SECRET", kValidSecret}, {"JWT_SECRET_FILE", file.path()}});
    });
    EXPECT_NE(message.find("JWT_SECRET_FILE"), std::string::npos) << message;
    EXPECT_EQ(message.find(kValidSecret), std::string::npos) << message;
}

// DATABASE_URL and PGPASSWORD

TEST(ConfigDatabaseUrl, KeyValueFormAccepted) {
    auto variables = minimal_env();
    variables["DATABASE_URL"] = "host=127.0.0.1 port=5433 dbname=conduit user=conduit";
    EXPECT_EQ(load_with(variables).db.conninfo,
              "host=127.0.0.1 port=5433 dbname=conduit user=conduit");
}

TEST(ConfigDatabaseUrl, InvalidHidesPassword) {
    const std::string password = "Hunter2SecretPw";
    const std::vector<std::string> invalid = {
        "postgresql://app:" + password + "@db/conduit?bogus=1",
        "postgresql://app:" + password + "%zz@db/conduit",
        "postgresql://app:" + password + "@[::1/conduit",
        "host=db password=" + password + " bogus=1",
        "host=db password=" + password + " dangling",
        "host=db password='" + password,
        password,
    };
    for (const auto& url : invalid) {
        const std::string message = load_error("DATABASE_URL", url);
        EXPECT_NE(message.find("DATABASE_URL"), std::string::npos) << url << ": " << message;
        EXPECT_EQ(message.find(password), std::string::npos) << url << ": " << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << url << ": " << message;
    }
}

TEST(ConfigDatabaseUrl, InvalidFileContentHidesPassword) {
    TempFile file("postgresql://app:FileSecretPw@db/conduit?bogus=1\n");
    auto variables = minimal_env();
    variables["DATABASE_URL_FILE"] = file.path();
    const std::string message = config_error_message([&] { load_with(variables); });
    EXPECT_NE(message.find("DATABASE_URL"), std::string::npos) << message;
    EXPECT_EQ(message.find("FileSecretPw"), std::string::npos) << message;
}

TEST(ConfigDatabaseUrl, FileContentTrimmed) {
    TempFile file("postgresql://conduit@127.0.0.1/conduit\r\n");
    auto variables = minimal_env();
    variables["DATABASE_URL_FILE"] = file.path();
    EXPECT_EQ(load_with(variables).db.conninfo, "postgresql://conduit@127.0.0.1/conduit");
}

TEST(ConfigPgPassword, FileContentTrimmed) {
    TempFile file("pg-password\n");
    auto variables = minimal_env();
    variables["PGPASSWORD_FILE"] = file.path();
    EXPECT_EQ(load_with(variables).db.password, "pg-password");
}

TEST(ConfigPgPassword, BothSetIsErrorHidingValue) {
    TempFile file("pg-password-from-file");
    auto variables = minimal_env();
    variables["PGPASSWORD"] = "pg-password-direct";
    variables["PGPASSWORD_FILE"] = file.path();
    const std::string message = config_error_message([&] { load_with(variables); });
    EXPECT_NE(message.find("PGPASSWORD_FILE"), std::string::npos) << message;
    EXPECT_EQ(message.find("pg-password-direct"), std::string::npos) << message;
    EXPECT_EQ(message.find("pg-password-from-file"), std::string::npos) << message;
}

// Numeric, boolean and enumerated variables

TEST(ConfigLoad, InvalidValueNamesVariableAndValue) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"LISTEN_PORT", "0"},
        {"LISTEN_PORT", "65536"},
        {"LISTEN_PORT", "http"},
        {"HTTP_MAX_HEADER_BYTES", "1023"},
        {"HTTP_MAX_HEADER_BYTES", "1048577"},
        {"HTTP_MAX_BODY_BYTES", "1023"},
        {"HTTP_MAX_BODY_BYTES", "67108865"},
        {"HTTP_READ_TIMEOUT_MS", "99"},
        {"HTTP_IDLE_TIMEOUT_MS", "99"},
        {"HTTP_MAX_CONNECTIONS", "0"},
        {"DB_POOL_SIZE", "0"},
        {"DB_POOL_SIZE", "257"},
        {"DB_CONNECT_TIMEOUT_MS", "99"},
        {"DB_STATEMENT_TIMEOUT_MS", "9"},
        {"DB_ACQUIRE_TIMEOUT_MS", "0"},
        {"JWT_TTL_S", "59"},
        {"PASSWORD_HASH_THREADS", "0"},
        {"PASSWORD_HASH_THREADS", "65"},
        {"ARGON2_MEMORY_KIB", "19455"},
        {"ARGON2_ITERATIONS", "1"},
        {"API_THREADS", "0"},
        {"API_THREADS", "257"},
        {"SHUTDOWN_GRACE_MS", "-1"},
        {"SHUTDOWN_GRACE_MS", "600001"},
        {"MIGRATE_ON_START", "maybe"},
        {"LOG_LEVEL", "verbose"},
    };
    for (const auto& [name, value] : cases) {
        const std::string message = load_error(name, value);
        EXPECT_NE(message.find(name), std::string::npos) << name << "=" << value << ": " << message;
        EXPECT_NE(message.find("\"" + value + "\""), std::string::npos)
            << name << "=" << value << ": " << message;
    }
}

TEST(ConfigLoad, RangeBoundsAccepted) {
    auto variables = minimal_env();
    variables["LISTEN_PORT"] = "65535";
    variables["HTTP_MAX_HEADER_BYTES"] = "1024";
    variables["HTTP_MAX_BODY_BYTES"] = "67108864";
    variables["DB_POOL_SIZE"] = "256";
    variables["JWT_TTL_S"] = "60";
    variables["ARGON2_MEMORY_KIB"] = "19456";
    variables["SHUTDOWN_GRACE_MS"] = "600000";
    const Config config = load_with(variables);
    EXPECT_EQ(config.http.listen_port, 65535);
    EXPECT_EQ(config.http.max_header_bytes, 1024u);
    EXPECT_EQ(config.http.max_body_bytes, 64u << 20);
    EXPECT_EQ(config.db.pool_size_per_thread, 256u);
    EXPECT_EQ(config.auth.jwt_ttl, std::chrono::seconds(60));
    EXPECT_EQ(config.auth.argon2_memory_kib, 19456u);
    EXPECT_EQ(config.shutdown_grace, std::chrono::milliseconds(600'000));
}

TEST(ConfigLogLevel, AcceptsEachLevel) {
    for (const std::string level : {"debug", "info", "warn", "error"}) {
        auto variables = minimal_env();
        variables["LOG_LEVEL"] = level;
        EXPECT_EQ(load_with(variables).log_level, level);
    }
}

TEST(ConfigLogLevel, RejectedMessageListsLevels) {
    const std::string message = load_error("LOG_LEVEL", "trace");
    EXPECT_NE(message.find("LOG_LEVEL"), std::string::npos) << message;
    EXPECT_NE(message.find("\"trace\""), std::string::npos) << message;
    EXPECT_NE(message.find("debug, info, warn or error"), std::string::npos) << message;
}

TEST(ConfigLoad, ErrorMessageIsOneLine) {
    const std::string message = load_error("LISTEN_PORT", "0");
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

}  // namespace
}  // namespace conduit::config
