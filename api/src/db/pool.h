#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <memory>
#include <span>
#include <vector>

#include "db/connection.h"

namespace conduit::db {

// Process-wide pool gauges, summed over every thread's pool.
struct PoolStats {
    std::atomic<std::int64_t> open{0};
    std::atomic<std::int64_t> idle{0};
    std::atomic<std::int64_t> waiting{0};
    std::atomic<std::int64_t> connect_failures{0};
    std::atomic<std::int64_t> acquire_timeouts{0};
    // Pools (one per I/O thread) that have no open connection.
    std::atomic<std::int64_t> pools_without_connection{0};
};

struct PoolOptions {
    ConnectOptions connect;
    std::size_t size = 4;
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::milliseconds acquire_timeout{1000};
    // Client-side bound on one batch, past the server's statement_timeout.
    std::chrono::milliseconds query_timeout{6000};
};

class Pool;

// Exclusive use of one pooled connection. Returns it to the pool when
// destroyed; a connection that broke meanwhile is replaced instead.
class Lease {
public:
    Lease() = default;
    Lease(Pool* pool, std::size_t slot) : pool_(pool), slot_(slot) {}
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();

    Connection& connection() const;

private:
    Pool* pool_ = nullptr;
    std::size_t slot_ = 0;
};

// A fixed number of connections owned by one io_context thread; every
// member must be called on that thread. Each slot has a maintainer
// coroutine that connects, reconnects with exponential backoff after a
// loss, and watches the connection while it is idle. Once the database is
// known to be unreachable, a request that finds no open connection fails
// at once with Unavailable instead of waiting.
class Pool {
public:
    Pool(boost::asio::io_context& io, PoolOptions options, PoolStats& stats);
    ~Pool();

    // Spawns the maintainers. Call once, on the pool's thread.
    void start();
    // Closes every connection and ends the maintainers.
    void stop();

    // Throws Unavailable when no connection is open or none frees up
    // before the acquire timeout.
    boost::asio::awaitable<Lease> acquire();

    // Runs `batch` on a pooled connection within the query timeout, or
    // `timeout` when given. Throws as Connection::execute does.
    boost::asio::awaitable<std::vector<Result>> execute(std::span<const Query> batch,
                                                        std::chrono::milliseconds timeout = {});

    std::size_t open_count() const { return open_; }

private:
    friend class Lease;
    enum class State { kConnecting, kIdle, kBusy };
    struct Slot {
        std::shared_ptr<Connection> connection;
        State state = State::kConnecting;
        // The maintainer sleeps on this timer between connect attempts and
        // while the connection is up; cancelling it wakes the maintainer.
        std::unique_ptr<boost::asio::steady_timer> lost;
    };
    struct Waiter {
        boost::asio::steady_timer timer;
        std::optional<std::size_t> slot;
    };

    boost::asio::awaitable<void> maintain(std::size_t index);
    boost::asio::awaitable<void> watch(std::size_t index);
    void make_idle(std::size_t index);
    void release(std::size_t index);
    void mark_lost(std::size_t index);
    void fail_waiters();
    void log_connect_failure(const std::string& reason, std::chrono::milliseconds backoff);

    boost::asio::io_context& io_;
    PoolOptions options_;
    PoolStats& stats_;
    std::vector<Slot> slots_;
    std::deque<Waiter*> waiters_;
    std::size_t open_ = 0;
    // Set when a connect attempt failed or the last connection was lost;
    // cleared by the next successful connect.
    bool unreachable_ = false;
    bool stopped_ = false;
    Clock::time_point last_failure_log_{};
    std::uint64_t failures_since_log_ = 0;
};

}  // namespace conduit::db
