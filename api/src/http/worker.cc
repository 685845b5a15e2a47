#include "http/worker.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/dispatch.h"
#include "http/response.h"
#include "log/log.h"
#include "ops/metrics.h"

namespace conduit::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

db::PoolOptions pool_options(const config::Config& config) {
    db::PoolOptions options;
    options.connect = {config.db.conninfo, config.db.password, config.db.statement_timeout};
    options.size = config.db.pool_size_per_thread;
    options.connect_timeout = config.db.connect_timeout;
    options.acquire_timeout = config.db.acquire_timeout;
    // The server cancels a statement at statement_timeout; the client gives
    // up a second later, when the connection itself is probably lost.
    options.query_timeout = config.db.statement_timeout + std::chrono::seconds(1);
    return options;
}

// The response for a request that could not be read completely, or none
// when the connection should just close (timeout, reset, end of stream).
std::optional<Response> read_error_response(const boost::system::error_code& ec) {
    if (ec == beast_http::error::header_limit) {
        return error_response(Status::request_header_fields_too_large, "headers", "too large");
    }
    if (ec == beast_http::error::body_limit) {
        return error_response(Status::payload_too_large, "body", "too large");
    }
    if (ec.category() == make_error_code(beast_http::error::bad_target).category() &&
        ec != beast_http::error::end_of_stream && ec != beast_http::error::partial_message) {
        return error_response(Status::bad_request, "request", "malformed HTTP request");
    }
    return std::nullopt;
}

}  // namespace

Worker::Worker(const Services& services, const Router& router, db::PoolStats& pool_stats,
               std::size_t index)
    : services_(services),
      router_(router),
      index_(index),
      acceptor_(io_),
      pool_(io_, pool_options(services.config), pool_stats) {}

void Worker::listen(const tcp::endpoint& endpoint) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    // Every worker binds the same port; the kernel spreads connections
    // across the acceptors.
    acceptor_.set_option(ReusePort(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Worker::run() {
    pool_.start();
    asio::co_spawn(io_, accept_loop(), asio::detached);
    io_.run();
}

void Worker::drain() {
    asio::post(io_, [this] {
        draining_ = true;
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        for (auto& entry : sessions_) {
            if (entry.idle) entry.stream->cancel();
        }
    });
}

void Worker::stop() {
    asio::post(io_, [this] {
        draining_ = true;
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        for (auto& entry : sessions_) entry.stream->socket().close(ignored);
        pool_.stop();
    });
}

asio::awaitable<void> Worker::accept_loop() {
    auto& open = services_.metrics.open_connections();
    while (!draining_) {
        auto [ec, socket] = co_await acceptor_.async_accept(kTuple);
        if (draining_) break;
        if (ec) {
            log::error("accept failed", {{"error", ec.message()}, {"worker", index_}});
            // Out of descriptors or memory: pause instead of spinning.
            asio::steady_timer pause(io_, std::chrono::milliseconds(50));
            co_await pause.async_wait(kTuple);
            continue;
        }
        if (static_cast<std::size_t>(open.load()) >= services_.config.http.max_connections) {
            services_.metrics.rejected_connections()++;
            continue;  // the socket closes as it goes out of scope
        }
        socket.set_option(tcp::no_delay(true), ec);
        asio::co_spawn(io_, session(std::move(socket)), asio::detached);
    }
}

// Waits for the first byte of the next request under the idle timeout.
// Returns false when the connection should close.
asio::awaitable<bool> Worker::wait_for_request(beast::tcp_stream& stream,
                                               beast::flat_buffer& buffer, SessionEntry& entry) {
    if (buffer.size() > 0) co_return true;  // a pipelined request is already here
    entry.idle = true;
    stream.expires_after(services_.config.http.idle_timeout);
    auto [ec, bytes] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
    entry.idle = false;
    if (ec || draining_) co_return false;
    buffer.commit(bytes);
    co_return true;
}

asio::awaitable<void> Worker::session(tcp::socket socket) {
    const auto& limits = services_.config.http;
    auto& open = services_.metrics.open_connections();
    open++;
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    auto entry = sessions_.insert(sessions_.end(), SessionEntry{&stream, false});

    // NOTE: co_await stays out of loop and if conditions in this code base:
    // g++ 12 can resume a finished coroutine frame there (seen as SIGILL).
    while (true) {
        const bool request_arrived = co_await wait_for_request(stream, buffer, *entry);
        if (!request_arrived) break;

        // Read the rest of the request under the read timeout, which also
        // bounds a client that sends its headers slowly.
        beast_http::request_parser<beast_http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
        parser.body_limit(limits.max_body_bytes);
        stream.expires_after(limits.read_timeout);
        auto [read_ec, read_bytes] =
            co_await beast_http::async_read(stream, buffer, parser, kTuple);

        Response response;
        bool keep_alive = false;
        if (read_ec) {
            auto error = read_error_response(read_ec);
            if (!error) break;
            response = std::move(*error);
        } else {
            const Request& request = parser.get();
            response = co_await dispatch(request, router_, pool_, services_);
            keep_alive = request.keep_alive() && !draining_;
        }

        response.keep_alive(keep_alive);
        stream.expires_after(limits.read_timeout);
        auto [write_ec, written] = co_await beast_http::async_write(stream, response, kTuple);
        if (write_ec || !keep_alive) break;
    }

    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    sessions_.erase(entry);
    open--;
}

}  // namespace conduit::http
