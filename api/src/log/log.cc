#include "log/log.h"

#include <fmt/chrono.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <ctime>

namespace conduit::log {
namespace {

std::shared_ptr<spdlog::logger>& logger() {
    static std::shared_ptr<spdlog::logger> instance;
    return instance;
}

std::string_view level_name(spdlog::level::level_enum level) {
    switch (level) {
        case spdlog::level::debug:
            return "debug";
        case spdlog::level::info:
            return "info";
        case spdlog::level::warn:
            return "warn";
        case spdlog::level::err:
            return "error";
        default:
            return "info";
    }
}

}  // namespace

void init(std::string_view level) {
    auto& instance = logger();
    if (!instance) {
        instance = std::make_shared<spdlog::logger>(
            "conduit", std::make_shared<spdlog::sinks::stdout_sink_mt>());
        // The message is already a complete JSON line.
        instance->set_pattern("%v");
        // Every line is flushed so that logs stay complete when the process
        // is killed. stdout is usually a pipe to a collector anyway.
        instance->flush_on(spdlog::level::debug);
    }
    instance->set_level(spdlog::level::from_str(std::string(level == "warn" ? "warning" : level)));
}

bool enabled(spdlog::level::level_enum level) {
    const auto& instance = logger();
    return instance && instance->should_log(level);
}

std::string format_utc(std::chrono::system_clock::time_point time) {
    const auto since_epoch = time.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const std::time_t whole = seconds.count();
    std::tm utc{};
    gmtime_r(&whole, &utc);
    return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", utc, millis);
}

void write(spdlog::level::level_enum level, std::string_view message,
           const boost::json::object& fields) {
    boost::json::object line;
    line.reserve(fields.size() + 3);
    line["ts"] = format_utc(std::chrono::system_clock::now());
    line["level"] = level_name(level);
    line["msg"] = message;
    for (const auto& field : fields) line[field.key()] = field.value();
    logger()->log(level, boost::json::serialize(line));
}

}  // namespace conduit::log
