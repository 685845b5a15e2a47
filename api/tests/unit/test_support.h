#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "config/env.h"

namespace conduit::testing {

// An EnvLookup over a fixed map, so that tests never read or change the
// process environment.
inline config::EnvLookup map_lookup(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
        auto it = variables.find(std::string(name));
        if (it == variables.end()) return std::nullopt;
        return it->second;
    };
}

// Runs `action` and returns the message of the ConfigError it throws.
// Adds a test failure and returns "" when it throws nothing.
inline std::string config_error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const config::ConfigError& error) {
        return error.what();
    }
    ADD_FAILURE() << "expected a ConfigError, but nothing was thrown";
    return {};
}

// A file with the given bytes under the temporary directory, removed when
// the object goes out of scope.
class TempFile {
public:
    explicit TempFile(std::string_view content) {
        std::string pattern = (std::filesystem::temp_directory_path() / "conduit-unit-XXXXXX");
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0) throw std::runtime_error("mkstemp failed for " + pattern);
        ::close(fd);
        path_ = pattern;
        std::ofstream out(path_, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) throw std::runtime_error("failed to write " + path_.string());
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

}  // namespace conduit::testing
