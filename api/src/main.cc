// conduit-api: the Conduit HTTP API server and its migration tool.

#include <cstdio>
#include <cstring>
#include <string_view>

#include "app/schema_migrator.h"
#include "app/server.h"
#include "auth/password_hasher.h"
#include "auth/token.h"
#include "conduit/routes.h"
#include "config/config.h"
#include "config/conninfo.h"
#include "log/log.h"
#include "ops/health.h"
#include "ops/metrics.h"

namespace {

constexpr std::string_view kUsage =
    "usage: conduit-api [serve|migrate|--version|--help]\n"
    "  serve    run the HTTP API (default)\n"
    "  migrate  apply database migrations and exit\n"
    "Configuration comes from environment variables; see the README.\n";

boost::json::object config_summary(const conduit::config::Config& config) {
    const auto& db = config.db;
    return {{"version", CONDUIT_VERSION},
            {"listen_address", config.http.listen_address},
            {"listen_port", config.http.listen_port},
            {"threads", config.threads},
            {"log_level", config.log_level},
            {"database", db.conninfo.empty() ? std::string("(from PG* variables)")
                                             : conduit::config::redact_conninfo(db.conninfo)},
            {"db_pool_size_per_thread", db.pool_size_per_thread},
            {"migrate_on_start", db.migrate_on_start},
            {"migrations_dir", db.migrations_dir},
            {"max_body_bytes", config.http.max_body_bytes},
            {"max_connections", config.http.max_connections}};
}

int run_server(const conduit::config::Config& config) {
    using namespace conduit;
    log::info("starting", config_summary(config));

    db::PoolStats pool_stats;
    ops::Metrics metrics(pool_stats);
    auth::TokenSigner tokens(config.auth.jwt_secret, config.auth.jwt_ttl);
    auth::PasswordHasher passwords(config.auth.hash_threads, config.auth.argon2_memory_kib,
                                   config.auth.argon2_iterations);
    std::atomic<bool> schema_ready{false};
    const Services services{config, metrics, pool_stats, tokens, passwords, schema_ready};

    http::Router router;
    ops::add_routes(router);
    conduit::add_routes(router);

    SchemaMigrator migrator(config.db, schema_ready);
    migrator.start();
    const int code = serve(services, router, pool_stats);
    migrator.stop();
    log::info("stopped", {{"exit_code", code}});
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view command = argc > 1 ? argv[1] : "serve";
    if (command == "--help" || command == "-h") {
        std::fputs(kUsage.data(), stdout);
        return 0;
    }
    if (command == "--version") {
        std::puts(CONDUIT_VERSION);
        return 0;
    }
    if (argc > 2 || (command != "serve" && command != "migrate")) {
        std::fprintf(stderr, "conduit-api: unknown argument '%s'\n%s", argv[argc > 2 ? 2 : 1],
                     kUsage.data());
        return 2;
    }

    conduit::config::Config config;
    try {
        config = conduit::config::load(conduit::config::Env(conduit::config::process_env()));
    } catch (const conduit::config::ConfigError& e) {
        std::fprintf(stderr, "conduit-api: configuration error: %s\n", e.what());
        return 2;
    }
    conduit::log::init(config.log_level);

    if (command == "migrate") return conduit::migrate_once(config.db);
    try {
        return run_server(config);
    } catch (const std::exception& e) {
        conduit::log::error("fatal error", {{"error", e.what()}});
        return 1;
    }
}
