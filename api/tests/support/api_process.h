#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>

namespace conduit::testing {

using Environment = std::map<std::string, std::string>;

// A conduit-api child process on a free loopback port, configured for the
// test cluster. Stdout and stderr go to a log file that tests can read.
class ApiProcess {
public:
    // `overrides` replace or add environment variables; an empty value
    // removes the variable.
    explicit ApiProcess(Environment overrides = {});
    ~ApiProcess();
    ApiProcess(const ApiProcess&) = delete;
    ApiProcess& operator=(const ApiProcess&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string log() const;

    // Waits until /livez returns 200; returns false after `timeout`.
    bool wait_until_live(std::chrono::milliseconds timeout) const;
    // Polls /readyz until it returns `status`; returns false after `timeout`.
    bool wait_for_readyz(unsigned status, std::chrono::milliseconds timeout) const;

    void signal(int signal) const;
    // Waits for the process to exit; returns its exit code, or -1 after
    // `timeout` (the process is then killed).
    int wait_for_exit(std::chrono::milliseconds timeout);
    bool running() const;

private:
    int port_ = 0;
    pid_t pid_ = -1;
    std::string log_path_;
};

// Runs conduit-api with `arguments` and the given environment to
// completion; returns the exit code and fills `output` with stdout+stderr.
int run_api_command(const std::string& arguments, const std::map<std::string, std::string>& env,
                    std::string& output);

// Returns the default environment: test cluster, migrations, JWT secret.
std::map<std::string, std::string> base_environment();

int free_port();

}  // namespace conduit::testing
