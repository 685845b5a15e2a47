#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "db/pool.h"

namespace conduit::ops {

// Request counters and latency histograms labelled by method and route
// template, rendered in the Prometheus text exposition format (0.0.4).
// Thread-safe.
class Metrics {
public:
    // Upper bounds of the latency histogram buckets, in seconds.
    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

    explicit Metrics(const db::PoolStats& pool);

    void observe(std::string_view method, std::string_view route, unsigned status,
                 std::chrono::nanoseconds duration);

    std::atomic<std::int64_t>& in_flight() { return in_flight_; }
    std::atomic<std::int64_t>& open_connections() { return open_connections_; }
    std::atomic<std::int64_t>& rejected_connections() { return rejected_connections_; }

    std::string render() const;

private:
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };

    const db::PoolStats& pool_;
    std::atomic<std::int64_t> in_flight_{0};
    std::atomic<std::int64_t> open_connections_{0};
    std::atomic<std::int64_t> rejected_connections_{0};
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::pair<std::string, std::string>, Histogram> durations_;
};

}  // namespace conduit::ops
