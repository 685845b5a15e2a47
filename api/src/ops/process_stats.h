#pragma once

#include <cstdint>
#include <optional>

namespace conduit::ops {

struct ProcessStats {
    double cpu_seconds = 0;  // user + system
    std::int64_t resident_bytes = 0;
    std::int64_t virtual_bytes = 0;
    std::int64_t open_fds = 0;
    std::int64_t max_fds = 0;
    double start_time_seconds = 0;  // since the Unix epoch
};

// Reads this process's figures from /proc; nullopt where /proc is missing.
std::optional<ProcessStats> read_process_stats();

}  // namespace conduit::ops
