#include "ops/metrics.h"

#include <fmt/format.h>

#include "ops/process_stats.h"

namespace conduit::ops {
namespace {

// Escapes a label value as the exposition format requires.
std::string escape(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

void gauge(std::string& out, std::string_view name, std::string_view help, double value) {
    out += fmt::format("# HELP {0} {1}\n# TYPE {0} gauge\n{0} {2}\n", name, help, value);
}

}  // namespace

Metrics::Metrics(const db::PoolStats& pool) : pool_(pool) {}

void Metrics::observe(std::string_view method, std::string_view route, unsigned status,
                      std::chrono::nanoseconds duration) {
    const double seconds = std::chrono::duration<double>(duration).count();
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(method), std::string(route), status}];
    auto& histogram = durations_[{std::string(method), std::string(route)}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
}

std::string Metrics::render() const {
    std::string out;
    out.reserve(8192);
    {
        std::lock_guard lock(mutex_);
        out +=
            "# HELP http_requests_total HTTP requests by method, route template and status.\n"
            "# TYPE http_requests_total counter\n";
        for (const auto& [key, count] : requests_) {
            const auto& [method, route, code] = key;
            out += fmt::format("http_requests_total{{method=\"{}\",route=\"{}\",code=\"{}\"}} {}\n",
                               escape(method), escape(route), code, count);
        }
        out +=
            "# HELP http_request_duration_seconds Time from a complete request to its response.\n"
            "# TYPE http_request_duration_seconds histogram\n";
        for (const auto& [key, histogram] : durations_) {
            const auto labels =
                fmt::format("method=\"{}\",route=\"{}\"", escape(key.first), escape(key.second));
            for (std::size_t i = 0; i < kBuckets.size(); ++i) {
                out += fmt::format("http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                                   labels, kBuckets[i], histogram.buckets[i]);
            }
            out += fmt::format("http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n",
                               labels, histogram.count);
            out +=
                fmt::format("http_request_duration_seconds_sum{{{}}} {}\n", labels, histogram.sum);
            out += fmt::format("http_request_duration_seconds_count{{{}}} {}\n", labels,
                               histogram.count);
        }
    }

    gauge(out, "http_requests_in_flight", "Requests being handled.", in_flight_.load());
    gauge(out, "http_connections_open", "Open client connections.", open_connections_.load());
    out += fmt::format(
        "# HELP http_connections_rejected_total Connections closed at once because "
        "HTTP_MAX_CONNECTIONS was reached.\n# TYPE http_connections_rejected_total counter\n"
        "http_connections_rejected_total {}\n",
        rejected_connections_.load());

    gauge(out, "db_pool_connections_open", "Open database connections.", pool_.open.load());
    gauge(out, "db_pool_connections_idle", "Idle database connections.", pool_.idle.load());
    gauge(out, "db_pool_threads_without_connection", "I/O threads whose pool has no connection.",
          pool_.pools_without_connection.load());
    gauge(out, "db_pool_waiting_requests", "Requests waiting for a database connection.",
          pool_.waiting.load());
    out += fmt::format(
        "# HELP db_pool_connect_failures_total Failed database connection attempts.\n"
        "# TYPE db_pool_connect_failures_total counter\ndb_pool_connect_failures_total {}\n"
        "# HELP db_pool_acquire_timeouts_total Requests that found no free connection in time.\n"
        "# TYPE db_pool_acquire_timeouts_total counter\ndb_pool_acquire_timeouts_total {}\n",
        pool_.connect_failures.load(), pool_.acquire_timeouts.load());

    if (auto process = read_process_stats()) {
        out += fmt::format(
            "# HELP process_cpu_seconds_total User and system CPU time.\n"
            "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total {}\n",
            process->cpu_seconds);
        gauge(out, "process_resident_memory_bytes", "Resident memory size.",
              static_cast<double>(process->resident_bytes));
        gauge(out, "process_virtual_memory_bytes", "Virtual memory size.",
              static_cast<double>(process->virtual_bytes));
        gauge(out, "process_open_fds", "Open file descriptors.",
              static_cast<double>(process->open_fds));
        gauge(out, "process_max_fds", "Limit of open file descriptors.",
              static_cast<double>(process->max_fds));
        gauge(out, "process_start_time_seconds", "Start time since the Unix epoch.",
              process->start_time_seconds);
    }
    out += fmt::format(
        "# HELP conduit_build_info Build version; the value is always 1.\n"
        "# TYPE conduit_build_info gauge\nconduit_build_info{{version=\"{}\"}} 1\n",
        CONDUIT_VERSION);
    return out;
}

}  // namespace conduit::ops
