#include "app/server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "http/worker.h"
#include "log/log.h"
#include "ops/metrics.h"

namespace conduit {
namespace asio = boost::asio;

namespace {

using Clock = std::chrono::steady_clock;

// Blocks until SIGTERM or SIGINT and returns the signal's name.
std::string wait_for_signal() {
    asio::io_context io;
    asio::signal_set signals(io, SIGTERM, SIGINT);
    std::string name;
    signals.async_wait([&](boost::system::error_code, int signal) {
        name = signal == SIGTERM ? "SIGTERM" : "SIGINT";
    });
    io.run();
    return name;
}

// Waits until no client connection is open or the grace period is over.
// Returns the number of connections still open.
std::int64_t wait_for_connections(ops::Metrics& metrics, std::chrono::milliseconds grace) {
    const auto deadline = Clock::now() + grace;
    while (metrics.open_connections().load() > 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return metrics.open_connections().load();
}

}  // namespace

int serve(const Services& services, const http::Router& router, db::PoolStats& pool_stats) {
    const auto& config = services.config;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(config.http.listen_address, ec);
    if (ec) {
        log::error("invalid LISTEN_ADDRESS; expected an IPv4 or IPv6 address such as 0.0.0.0",
                   {{"value", config.http.listen_address}});
        return 2;
    }
    const asio::ip::tcp::endpoint endpoint(address, config.http.listen_port);

    std::vector<std::unique_ptr<http::Worker>> workers;
    try {
        for (std::size_t i = 0; i < config.threads; ++i) {
            workers.push_back(std::make_unique<http::Worker>(services, router, pool_stats, i));
            workers.back()->listen(endpoint);
        }
    } catch (const boost::system::system_error& e) {
        log::error("cannot listen; check LISTEN_ADDRESS and LISTEN_PORT and that the port is free",
                   {{"address", config.http.listen_address},
                    {"port", config.http.listen_port},
                    {"error", e.code().message()}});
        return 1;
    }

    // Block the shutdown signals in every worker thread, so that only the
    // main thread's signal_set receives them.
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    sigaddset(&blocked, SIGINT);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
    std::vector<std::thread> threads;
    threads.reserve(workers.size());
    for (auto& worker : workers) threads.emplace_back([&worker] { worker->run(); });
    pthread_sigmask(SIG_UNBLOCK, &blocked, nullptr);

    log::info("listening", {{"address", config.http.listen_address},
                            {"port", config.http.listen_port},
                            {"threads", config.threads}});

    const std::string signal = wait_for_signal();
    const auto grace = config.shutdown_grace;
    log::info("shutting down", {{"signal", signal}, {"grace_ms", grace.count()}});

    for (auto& worker : workers) worker->drain();
    const auto left = wait_for_connections(services.metrics, grace);
    if (left > 0) {
        log::warn("grace period over; closing connections", {{"open_connections", left}});
    }
    for (auto& worker : workers) worker->stop();
    for (auto& thread : threads) thread.join();
    return 0;
}

}  // namespace conduit
