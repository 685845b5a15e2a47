#include "app/schema_migrator.h"

#include "db/migrate.h"
#include "log/log.h"

namespace conduit {
namespace {

db::ConnectOptions connect_options(const config::DatabaseConfig& config) {
    return {config.conninfo, config.password, config.statement_timeout};
}

void apply(const config::DatabaseConfig& config) {
    const auto migrations = db::load_migrations(config.migrations_dir);
    const auto report =
        db::apply_migrations(connect_options(config), migrations, config.connect_timeout);
    boost::json::array applied;
    for (const auto& name : report.applied) applied.emplace_back(name);
    log::info("migrations applied",
              {{"applied", std::move(applied)}, {"already_applied", report.already_applied}});
}

}  // namespace

SchemaMigrator::SchemaMigrator(const config::DatabaseConfig& config, std::atomic<bool>& ready)
    : config_(config), ready_(ready) {}

SchemaMigrator::~SchemaMigrator() { stop(); }

void SchemaMigrator::start() {
    if (!config_.migrate_on_start) {
        ready_ = true;
        return;
    }
    thread_ = std::thread([this] { run(); });
}

void SchemaMigrator::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool SchemaMigrator::attempt() {
    try {
        apply(config_);
        return true;
    } catch (const std::exception& e) {
        log::warn("applying migrations failed; retrying", {{"error", e.what()}});
        return false;
    }
}

void SchemaMigrator::run() {
    auto backoff = std::chrono::milliseconds(250);
    while (!attempt()) {
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, backoff, [this] { return stopping_; })) return;
        backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
    ready_ = true;
}

int migrate_once(const config::DatabaseConfig& config) {
    try {
        apply(config);
        return 0;
    } catch (const std::exception& e) {
        log::error("applying migrations failed", {{"error", e.what()}});
        return 1;
    }
}

}  // namespace conduit
