#include "support/api_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/http_client.h"
#include "support/test_cluster.h"

namespace conduit::testing {
namespace {

std::string api_binary() { return CONDUIT_API_BINARY; }

// Starts the binary with exactly `env`, output redirected to `log_path`.
pid_t spawn(const std::vector<std::string>& arguments,
            const std::map<std::string, std::string>& env, const std::string& log_path) {
    std::vector<std::string> env_strings;
    for (const auto& [name, value] : env) {
        if (!value.empty()) env_strings.push_back(name + "=" + value);
    }
    std::vector<char*> envp;
    for (auto& item : env_strings) envp.push_back(item.data());
    envp.push_back(nullptr);
    std::string binary = api_binary();
    std::vector<std::string> argv_strings{binary};
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& item : argv_strings) argv.push_back(item.data());
    argv.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        execve(binary.c_str(), argv.data(), envp.data());
        _exit(127);
    }
    return pid;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string temp_log_path() {
    char pattern[] = "/tmp/conduit-api-test-XXXXXX";
    const int fd = mkstemp(pattern);
    if (fd >= 0) close(fd);
    return pattern;
}

}  // namespace

int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

std::map<std::string, std::string> base_environment() {
    auto& cluster = TestCluster::get();
    std::map<std::string, std::string> env{
        {"DATABASE_URL", cluster.database_url()},
        {"PGPASSWORD_FILE", cluster.password_file()},
        {"JWT_SECRET", "integration-test-secret-0123456789abcdef"},
        {"MIGRATIONS_DIR", CONDUIT_MIGRATIONS_DIR},
        {"LISTEN_ADDRESS", "127.0.0.1"},
        {"API_THREADS", "2"},
        {"LOG_LEVEL", "info"},
        {"PATH", "/usr/bin:/bin"}};
    // Sanitizer builds read their options from the environment.
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (const char* value = std::getenv(name)) env[name] = value;
    }
    return env;
}

ApiProcess::ApiProcess(Environment overrides) : port_(free_port()) {
    auto env = base_environment();
    env["LISTEN_PORT"] = std::to_string(port_);
    for (auto& [name, value] : overrides) env[name] = value;
    log_path_ = temp_log_path();
    pid_ = spawn({}, env, log_path_);
}

ApiProcess::~ApiProcess() {
    if (running()) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    unlink(log_path_.c_str());
}

std::string ApiProcess::log() const { return read_file(log_path_); }

bool ApiProcess::running() const {
    if (pid_ <= 0) return false;
    return waitpid(pid_, nullptr, WNOHANG) == 0;
}

void ApiProcess::signal(int signal) const { kill(pid_, signal); }

int ApiProcess::wait_for_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    return -1;
}

bool ApiProcess::wait_until_live(std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto response = try_request(port_, "GET", "/livez");
        if (response && response->status == 200) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool ApiProcess::wait_for_readyz(unsigned status, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        auto response = try_request(port_, "GET", "/readyz");
        if (response && response->status == status) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

int run_api_command(const std::string& arguments, const std::map<std::string, std::string>& env,
                    std::string& output) {
    const std::string log_path = temp_log_path();
    std::vector<std::string> argv;
    if (!arguments.empty()) argv.push_back(arguments);
    const pid_t pid = spawn(argv, env, log_path);
    int status = 0;
    waitpid(pid, &status, 0);
    output = read_file(log_path);
    unlink(log_path.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace conduit::testing
