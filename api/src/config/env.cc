#include "config/env.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace conduit::config {

EnvLookup process_env() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* value = std::getenv(std::string(name).c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

std::string trim_trailing_newline(std::string value) {
    if (value.empty() || value.back() != '\n') return value;
    value.pop_back();
    if (!value.empty() && value.back() == '\r') value.pop_back();
    return value;
}

std::optional<std::string> Env::raw(std::string_view name) const {
    auto value = lookup_(name);
    if (!value || value->empty()) return std::nullopt;
    return value;
}

std::string Env::string(std::string_view name, std::string_view fallback) const {
    auto value = raw(name);
    return value ? *value : std::string(fallback);
}

std::optional<std::string> Env::secret(std::string_view name) const {
    const std::string file_var = fmt::format("{}_FILE", name);
    auto direct = raw(name);
    auto path = raw(file_var);
    if (direct && path) {
        throw ConfigError(
            fmt::format("{} and {} are both set; set only one of them", name, file_var));
    }
    if (!path) return direct;

    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(*path, ec)) in.open(*path, std::ios::binary);
    if (!in.is_open()) {
        throw ConfigError(
            fmt::format("{}={}: the file cannot be read; expected a readable file "
                        "that contains {}",
                        file_var, *path, name));
    }
    std::ostringstream content;
    content << in.rdbuf();
    std::string value = trim_trailing_newline(content.str());
    if (value.empty()) {
        throw ConfigError(fmt::format("{}={}: the file is empty; expected it to contain {}",
                                      file_var, *path, name));
    }
    return value;
}

std::int64_t Env::integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                          std::int64_t max) const {
    auto value = raw(name);
    if (!value) return fallback;

    std::int64_t parsed = 0;
    const char* end = value->data() + value->size();
    auto [ptr, ec] = std::from_chars(value->data(), end, parsed);
    if (ec != std::errc() || ptr != end || parsed < min || parsed > max) {
        throw ConfigError(fmt::format("{}={:?}: invalid value; expected an integer from {} to {}",
                                      name, *value, min, max));
    }
    return parsed;
}

std::chrono::milliseconds Env::millis(std::string_view name, std::int64_t fallback_ms,
                                      std::int64_t min_ms, std::int64_t max_ms) const {
    return std::chrono::milliseconds(integer(name, fallback_ms, min_ms, max_ms));
}

bool Env::boolean(std::string_view name, bool fallback) const {
    auto value = raw(name);
    if (!value) return fallback;
    if (*value == "true" || *value == "1" || *value == "yes") return true;
    if (*value == "false" || *value == "0" || *value == "no") return false;
    throw ConfigError(fmt::format("{}={:?}: invalid value; expected true or false", name, *value));
}

}  // namespace conduit::config
