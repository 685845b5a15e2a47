#pragma once

#include <atomic>

#include "config/config.h"
#include "db/pool.h"

namespace conduit {
namespace auth {
class TokenSigner;
class PasswordHasher;
}  // namespace auth
namespace ops {
class Metrics;
}

// Process-wide objects shared by every I/O thread. Each member is either
// immutable after start-up or thread-safe.
struct Services {
    const config::Config& config;
    ops::Metrics& metrics;
    const db::PoolStats& pool_stats;
    const auth::TokenSigner& tokens;
    auth::PasswordHasher& passwords;
    // True once migrations are applied; until then /readyz reports 503.
    const std::atomic<bool>& schema_ready;
};

}  // namespace conduit
