#include "support/test_cluster.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>

#include "config/env.h"

namespace conduit::testing {
namespace {

std::map<std::string, std::string> read_env_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error(fmt::format(
            "{} is missing; run the integration tests through ctest, whose pg fixture starts "
            "the test cluster",
            path));
    }
    std::map<std::string, std::string> values;
    std::string line;
    while (std::getline(in, line)) {
        const auto equals = line.find('=');
        if (equals != std::string::npos) values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return values;
}

void run_script(const std::string& command) {
    if (std::system(command.c_str()) != 0) {
        throw std::runtime_error("command failed: " + command);
    }
}

}  // namespace

TestCluster& TestCluster::get() {
    static TestCluster cluster = [] {
        auto values = read_env_file(std::string(CONDUIT_TEST_PG_DIR) + "/env");
        TestCluster result;
        result.port_ = std::stoi(values.at("PORT"));
        result.password_file_ = values.at("PASSWORD_FILE");
        result.data_dir_ = values.at("DATA");
        result.cluster_script_ = values.at("CLUSTER");
        return result;
    }();
    return cluster;
}

std::string TestCluster::password() const {
    std::ifstream in(password_file_);
    std::string value;
    std::getline(in, value);
    return value;
}

std::string TestCluster::database_url() const {
    return fmt::format("postgresql://conduit@127.0.0.1:{}/conduit", port_);
}

void TestCluster::stop() const {
    run_script(fmt::format("'{}' stop --data '{}' >/dev/null", cluster_script_, data_dir_));
}

void TestCluster::start() const {
    run_script(fmt::format("'{}' start --data '{}' --port {} --password-file '{}' >/dev/null",
                           cluster_script_, data_dir_, port_, password_file_));
}

void execute_sql(const std::string& sql) {
    auto& cluster = TestCluster::get();
    const std::string conninfo = cluster.database_url() + "?password=" + cluster.password();
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error(std::string("connect failed: ") + PQerrorMessage(conn.get()));
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), PQclear);
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error(std::string("SQL failed: ") + PQerrorMessage(conn.get()));
    }
}

}  // namespace conduit::testing
