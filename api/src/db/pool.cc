#include "db/pool.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <random>

#include "db/errors.h"
#include "log/log.h"

namespace conduit::db {
namespace asio = boost::asio;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::milliseconds kMinBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{2000};
// Repeated connect failures are logged at most this often per pool.
constexpr std::chrono::seconds kFailureLogInterval{5};

std::chrono::milliseconds jittered(std::chrono::milliseconds backoff) {
    thread_local std::minstd_rand random{std::random_device{}()};
    std::uniform_int_distribution<std::int64_t> spread(0, backoff.count() / 4);
    return backoff + std::chrono::milliseconds(spread(random));
}

}  // namespace

Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), slot_(other.slot_) {}

Lease& Lease::operator=(Lease&& other) noexcept {
    if (this != &other) {
        if (pool_ != nullptr) pool_->release(slot_);
        pool_ = std::exchange(other.pool_, nullptr);
        slot_ = other.slot_;
    }
    return *this;
}

Lease::~Lease() {
    if (pool_ != nullptr) pool_->release(slot_);
}

Connection& Lease::connection() const { return *pool_->slots_[slot_].connection; }

Pool::Pool(asio::io_context& io, PoolOptions options, PoolStats& stats)
    : io_(io), options_(std::move(options)), stats_(stats) {
    stats_.pools_without_connection++;
    slots_.resize(options_.size);
    for (auto& slot : slots_) {
        slot.connection = std::make_shared<Connection>(io_.get_executor());
        slot.lost = std::make_unique<asio::steady_timer>(io_);
    }
}

Pool::~Pool() { stop(); }

void Pool::start() {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        asio::co_spawn(io_, maintain(i), asio::detached);
    }
}

void Pool::stop() {
    if (stopped_) return;
    stopped_ = true;
    for (auto& slot : slots_) {
        if (slot.state == State::kIdle) stats_.idle--;
        if (slot.state != State::kConnecting) stats_.open--;
        slot.state = State::kConnecting;
        slot.connection->close();
        slot.lost->cancel();
    }
    if (open_ > 0) stats_.pools_without_connection++;
    open_ = 0;
    fail_waiters();
}

asio::awaitable<void> Pool::maintain(std::size_t index) {
    auto backoff = kMinBackoff;
    while (!stopped_) {
        auto connection = slots_[index].connection;
        const auto deadline = Clock::now() + options_.connect_timeout;
        std::string failure = co_await connection->connect(options_.connect, deadline);
        if (stopped_) break;

        if (!failure.empty()) {
            stats_.connect_failures++;
            unreachable_ = true;
            if (open_ == 0) fail_waiters();
            const auto delay = jittered(backoff);
            log_connect_failure(failure, delay);
            backoff = std::min(backoff * 2, kMaxBackoff);
            // The same timer serves the backoff sleep, so stop() ends it.
            auto& sleep = *slots_[index].lost;
            sleep.expires_after(delay);
            co_await sleep.async_wait(kTuple);
            continue;
        }

        if (failures_since_log_ > 0) {
            log::info("database connection established",
                      {{"failed_attempts", failures_since_log_}});
            failures_since_log_ = 0;
        }
        backoff = kMinBackoff;
        unreachable_ = false;
        if (open_++ == 0) stats_.pools_without_connection--;
        stats_.open++;
        make_idle(index);

        // Sleep until the connection is lost; mark_lost() cancels the timer.
        auto& lost = *slots_[index].lost;
        lost.expires_at(Clock::time_point::max());
        co_await lost.async_wait(kTuple);
    }
}

void Pool::log_connect_failure(const std::string& reason, std::chrono::milliseconds backoff) {
    ++failures_since_log_;
    const auto now = Clock::now();
    if (now - last_failure_log_ < kFailureLogInterval) return;
    last_failure_log_ = now;
    log::warn("database connection failed; retrying", {{"error", reason},
                                                       {"retry_in_ms", backoff.count()},
                                                       {"failed_attempts", failures_since_log_}});
}

void Pool::make_idle(std::size_t index) {
    auto& slot = slots_[index];
    if (!waiters_.empty()) {
        // Hand the connection straight to the longest waiting request.
        Waiter* waiter = waiters_.front();
        waiters_.pop_front();
        slot.state = State::kBusy;
        waiter->slot = index;
        waiter->timer.cancel();
        return;
    }
    slot.state = State::kIdle;
    stats_.idle++;
    asio::co_spawn(io_, watch(index), asio::detached);
}

asio::awaitable<void> Pool::watch(std::size_t index) {
    auto connection = slots_[index].connection;
    const bool lost = co_await connection->watch_idle();
    if (lost && !stopped_ && slots_[index].state == State::kIdle &&
        slots_[index].connection == connection) {
        log::warn("idle database connection lost; reconnecting", {{"slot", index}});
        stats_.idle--;
        mark_lost(index);
    }
}

void Pool::mark_lost(std::size_t index) {
    auto& slot = slots_[index];
    slot.connection->close();
    slot.state = State::kConnecting;
    --open_;
    stats_.open--;
    slot.lost->cancel();
    if (open_ == 0) {
        unreachable_ = true;
        stats_.pools_without_connection++;
        fail_waiters();
    }
}

void Pool::fail_waiters() {
    // A waiter woken without a slot learns that no connection is coming.
    while (!waiters_.empty()) {
        waiters_.front()->timer.cancel();
        waiters_.pop_front();
    }
}

void Pool::release(std::size_t index) {
    if (stopped_) return;
    if (!slots_[index].connection->is_open()) {
        mark_lost(index);
        return;
    }
    make_idle(index);
}

asio::awaitable<Lease> Pool::acquire() {
    // Fail fast only once the database is known to be unreachable; while
    // the first connections are still being opened, wait for one.
    if (open_ == 0 && unreachable_) throw Unavailable("no database connection is available");

    for (std::size_t i = 0; i < slots_.size(); ++i) {
        auto& slot = slots_[i];
        if (slot.state != State::kIdle) continue;
        slot.state = State::kBusy;
        stats_.idle--;
        slot.connection->stop_watching();
        co_return Lease(this, i);
    }

    // Every open connection is busy: queue until one is released.
    Waiter waiter{asio::steady_timer(io_, options_.acquire_timeout), std::nullopt};
    waiters_.push_back(&waiter);
    stats_.waiting++;
    co_await waiter.timer.async_wait(kTuple);
    stats_.waiting--;
    if (waiter.slot) co_return Lease(this, *waiter.slot);

    std::erase(waiters_, &waiter);
    if (open_ == 0) throw Unavailable("no database connection is available");
    stats_.acquire_timeouts++;
    throw Unavailable("timed out waiting for a free database connection");
}

asio::awaitable<std::vector<Result>> Pool::execute(std::span<const Query> batch,
                                                   std::chrono::milliseconds timeout) {
    Lease lease = co_await acquire();
    const auto limit = timeout.count() > 0 ? timeout : options_.query_timeout;
    co_return co_await lease.connection().execute(batch, Clock::now() + limit);
}

}  // namespace conduit::db
