#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <list>

#include "app/services.h"
#include "db/pool.h"
#include "http/router.h"

namespace conduit::http {

// One I/O thread: its own io_context, its own SO_REUSEPORT acceptor on the
// shared port and its own database pool, so a request never crosses
// threads. Members other than the constructor, run() and the posting
// functions (drain, stop) must be called on the worker's thread.
class Worker {
public:
    Worker(const Services& services, const Router& router, db::PoolStats& pool_stats,
           std::size_t index);

    // Binds the acceptor; throws boost::system::system_error when the
    // address is unusable. Call before run().
    void listen(const boost::asio::ip::tcp::endpoint& endpoint);

    // Runs the event loop until stop() lets it run out of work.
    void run();

    // Thread-safe: stops accepting and closes idle keep-alive connections;
    // requests in progress finish and their connections close after the
    // response.
    void drain();

    // Thread-safe: closes every connection and the database pool.
    void stop();

private:
    struct SessionEntry {
        boost::beast::tcp_stream* stream;
        bool idle;
    };

    boost::asio::awaitable<void> accept_loop();
    boost::asio::awaitable<void> session(boost::asio::ip::tcp::socket socket);
    boost::asio::awaitable<bool> wait_for_request(boost::beast::tcp_stream& stream,
                                                  boost::beast::flat_buffer& buffer,
                                                  SessionEntry& entry);

    const Services& services_;
    const Router& router_;
    std::size_t index_;
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_;
    db::Pool pool_;
    std::list<SessionEntry> sessions_;
    bool draining_ = false;
};

}  // namespace conduit::http
