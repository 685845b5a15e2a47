#include "ops/process_stats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace conduit::ops {
namespace {

// Boot time in seconds since the epoch, from the "btime" line of /proc/stat.
std::optional<double> boot_time() {
    std::ifstream in("/proc/stat");
    std::string key;
    while (in >> key) {
        if (key == "btime") {
            double value = 0;
            in >> value;
            return value;
        }
        in.ignore(1 << 16, '\n');
    }
    return std::nullopt;
}

}  // namespace

std::optional<ProcessStats> read_process_stats() {
    std::ifstream in("/proc/self/stat");
    std::string line;
    if (!std::getline(in, line)) return std::nullopt;

    // The command name in parentheses may contain spaces; fields after the
    // closing parenthesis are space-separated, starting with field 3.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(line.substr(close + 2));
    std::string value;
    std::uint64_t utime = 0, stime = 0, start_ticks = 0, vsize = 0;
    std::int64_t rss_pages = 0;
    for (int field = 3; fields >> value; ++field) {
        if (field == 14) utime = std::stoull(value);
        if (field == 15) stime = std::stoull(value);
        if (field == 22) start_ticks = std::stoull(value);
        if (field == 23) vsize = std::stoull(value);
        if (field == 24) {
            rss_pages = std::stoll(value);
            break;
        }
    }

    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    ProcessStats stats;
    stats.cpu_seconds = static_cast<double>(utime + stime) / ticks;
    stats.resident_bytes = rss_pages * sysconf(_SC_PAGESIZE);
    stats.virtual_bytes = static_cast<std::int64_t>(vsize);
    stats.start_time_seconds = boot_time().value_or(0) + static_cast<double>(start_ticks) / ticks;

    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        ++stats.open_fds;
    }
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        stats.max_fds = static_cast<std::int64_t>(limit.rlim_cur);
    }
    return stats;
}

}  // namespace conduit::ops
