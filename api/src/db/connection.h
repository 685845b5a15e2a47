#pragma once

#include <libpq-fe.h>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "db/errors.h"
#include "db/result.h"
#include "db/statement.h"

namespace conduit::db {

using Clock = std::chrono::steady_clock;

struct ConnectOptions {
    std::string conninfo;  // empty: libpq reads PG* variables
    std::string password;  // empty: keep the conninfo's or PGPASSWORD
    std::chrono::milliseconds statement_timeout{};
};

// One non-blocking libpq connection in pipeline mode, driven by Asio on a
// single executor. Not thread-safe: every call must come from the
// executor's thread, and at most one connect() or execute() may be in
// progress at a time.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    explicit Connection(const boost::asio::any_io_executor& executor);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Opens the connection. Returns an empty string on success, otherwise
    // the reason (libpq's message or a timeout), which never contains the
    // password.
    boost::asio::awaitable<std::string> connect(const ConnectOptions& options,
                                                Clock::time_point deadline);

    // Sends `batch` as one pipeline followed by a sync, so the statements
    // run in one implicit transaction and one round trip. Returns one
    // result per query. Throws QueryError when a statement failed (the
    // connection stays usable) and Unavailable when the connection broke or
    // the deadline passed (the connection is then closed).
    boost::asio::awaitable<std::vector<Result>> execute(std::span<const Query> batch,
                                                        Clock::time_point deadline);

    // Waits while the connection is idle and returns true when the server
    // closed it or it failed; returns false as soon as stop_watching() is
    // called. Used by the pool to notice a lost idle connection.
    boost::asio::awaitable<bool> watch_idle();
    void stop_watching();

    bool is_open() const { return conn_ != nullptr; }
    void close();

private:
    boost::asio::awaitable<bool> wait(boost::asio::posix::stream_descriptor::wait_type type);
    boost::asio::awaitable<void> flush();
    boost::asio::awaitable<PGresult*> next_result();
    void rebind_socket();
    void arm_deadline(Clock::time_point deadline);
    void disarm_deadline();
    // Closes the broken connection and returns the exception to throw.
    Unavailable lost(std::string_view operation);

    PGconn* conn_ = nullptr;
    boost::asio::posix::stream_descriptor socket_;
    boost::asio::steady_timer deadline_timer_;
    std::uint64_t deadline_generation_ = 0;
    bool timed_out_ = false;
    std::uint64_t watch_generation_ = 0;
    // prepared_[statement id] is true once this session prepared it.
    std::vector<bool> prepared_;
};

}  // namespace conduit::db
