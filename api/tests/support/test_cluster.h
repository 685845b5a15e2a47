#pragma once

#include <string>

namespace conduit::testing {

// The PostgreSQL cluster started by the "pg" CTest fixture (support/test-pg),
// whose folder the build passes in as CONDUIT_TEST_PG_DIR.
class TestCluster {
public:
    // Reads DIR/env; fails the calling test when the fixture did not run.
    static TestCluster& get();

    int port() const { return port_; }
    const std::string& password_file() const { return password_file_; }
    std::string password() const;
    // libpq URI for role conduit, database conduit, without the password.
    std::string database_url() const;

    // Stops or starts the server; blocking.
    void stop() const;
    void start() const;

private:
    int port_ = 0;
    std::string password_file_;
    std::string data_dir_;
    std::string cluster_script_;
};

// Runs `sql` on a new blocking connection; throws std::runtime_error with
// the server's message on failure.
void execute_sql(const std::string& sql);

}  // namespace conduit::testing
