#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "config/config.h"

namespace conduit {

// Applies the schema migrations on a background thread, retrying with
// backoff while the database is unreachable, so that the API can start
// before its database. Sets `ready` once every migration is applied.
class SchemaMigrator {
public:
    SchemaMigrator(const config::DatabaseConfig& config, std::atomic<bool>& ready);
    ~SchemaMigrator();

    void start();
    // Ends the retry loop; an attempt in progress finishes first.
    void stop();

private:
    void run();
    bool attempt();

    const config::DatabaseConfig& config_;
    std::atomic<bool>& ready_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// Applies migrations once, for the `migrate` subcommand. Returns the exit
// code: 0 on success, 1 on failure (logged).
int migrate_once(const config::DatabaseConfig& config);

}  // namespace conduit
