// The conduit-api binary against the real test cluster: health, limits,
// timeouts, shutdown and configuration errors.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <csignal>
#include <future>
#include <thread>

#include "support/api_process.h"
#include "support/http_client.h"
#include "support/test_cluster.h"

namespace conduit::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

class Server : public ::testing::Test {
protected:
    void TearDown() override {
        // A test that stopped the database must not leave it stopped.
        TestCluster::get().start();
    }
};

TEST_F(Server, LivezAndReadyzWithDatabase) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    ASSERT_TRUE(api.wait_for_readyz(200, 10s)) << api.log();
    const auto readyz = request(api.port(), "GET", "/readyz");
    EXPECT_NE(readyz.body.find(R"("database":{"status":"ok")"), std::string::npos) << readyz.body;
    EXPECT_EQ(readyz.headers.at("content-type"), "application/json; charset=utf-8");
}

TEST_F(Server, ReadyzFollowsDatabaseOutage) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_for_readyz(200, 10s)) << api.log();

    TestCluster::get().stop();
    const auto stopped = Clock::now();
    ASSERT_TRUE(api.wait_for_readyz(503, 5s)) << api.log();
    EXPECT_LT(seconds_since(stopped), 2.0);

    // Requests that need the database fail fast with a JSON 503.
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        const auto tags = request(api.port(), "GET", "/api/tags");
        EXPECT_EQ(tags.status, 503U);
        EXPECT_LT(seconds_since(start), 1.0);
        EXPECT_NE(tags.body.find(R"("errors")"), std::string::npos) << tags.body;
    }
    EXPECT_EQ(request(api.port(), "GET", "/livez").status, 200U);

    TestCluster::get().start();
    EXPECT_TRUE(api.wait_for_readyz(200, 15s)) << api.log();
    EXPECT_EQ(request(api.port(), "GET", "/api/tags").status, 200U);
    EXPECT_TRUE(api.running());
}

TEST_F(Server, StartsWithoutDatabaseAndBecomesReady) {
    TestCluster::get().stop();
    ApiProcess api;
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    EXPECT_EQ(request(api.port(), "GET", "/readyz").status, 503U);

    TestCluster::get().start();
    EXPECT_TRUE(api.wait_for_readyz(200, 15s)) << api.log();
    EXPECT_NE(api.log().find("database connection failed; retrying"), std::string::npos);
}

TEST_F(Server, SigtermLetsSlowRequestFinish) {
    ApiProcess api(Environment{{"SHUTDOWN_GRACE_MS", "10000"}});
    ASSERT_TRUE(api.wait_for_readyz(200, 10s)) << api.log();

    // Hold a lock that GET /api/tags must wait for, to make it slow.
    auto& cluster = TestCluster::get();
    const std::string conninfo = cluster.database_url() + "?password=" + cluster.password();
    std::unique_ptr<PGconn, decltype(&PQfinish)> locker(PQconnectdb(conninfo.c_str()), PQfinish);
    ASSERT_EQ(PQstatus(locker.get()), CONNECTION_OK);
    PQclear(PQexec(locker.get(), "BEGIN; LOCK TABLE tags IN ACCESS EXCLUSIVE MODE"));

    auto slow = std::async(std::launch::async,
                           [port = api.port()] { return request(port, "GET", "/api/tags"); });
    std::this_thread::sleep_for(300ms);
    api.signal(SIGTERM);
    std::this_thread::sleep_for(500ms);
    EXPECT_TRUE(api.running());
    // New connections are refused while the slow request drains.
    EXPECT_FALSE(try_request(api.port(), "GET", "/livez").has_value());

    PQclear(PQexec(locker.get(), "COMMIT"));
    const auto response = slow.get();
    EXPECT_EQ(response.status, 200U) << response.body;
    EXPECT_EQ(api.wait_for_exit(10s), 0) << api.log();
    EXPECT_NE(api.log().find(R"("msg":"stopped")"), std::string::npos);
}

TEST_F(Server, OversizedHeaderGets431) {
    ApiProcess api(Environment{{"HTTP_MAX_HEADER_BYTES", "2048"}});
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    const auto response =
        request(api.port(), "GET", "/livez", "", {{"X-Padding", std::string(4096, 'a')}});
    EXPECT_EQ(response.status, 431U);
}

TEST_F(Server, OversizedBodyGets413) {
    ApiProcess api(Environment{{"HTTP_MAX_BODY_BYTES", "4096"}});
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    const auto response = request(api.port(), "POST", "/api/users", std::string(8192, ' '));
    EXPECT_EQ(response.status, 413U);
    EXPECT_NE(response.body.find(R"("body")"), std::string::npos) << response.body;
}

TEST_F(Server, HalfRequestIsDisconnected) {
    ApiProcess api(Environment{{"HTTP_READ_TIMEOUT_MS", "500"}});
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    RawConnection connection(api.port());
    connection.send("GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const auto start = Clock::now();
    bool closed = false;
    const auto data = connection.read_until_closed(5s, closed);
    EXPECT_TRUE(closed);
    EXPECT_LT(seconds_since(start), 2.0);
    EXPECT_EQ(data.find("200 OK"), std::string::npos) << data;
}

TEST_F(Server, IdleConnectionIsClosed) {
    ApiProcess api(Environment{{"HTTP_IDLE_TIMEOUT_MS", "300"}});
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    RawConnection connection(api.port());
    bool closed = false;
    connection.read_until_closed(5s, closed);
    EXPECT_TRUE(closed);
}

TEST_F(Server, KeepAliveServesSeveralRequests) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    RawConnection connection(api.port());
    connection.send(
        "GET /livez HTTP/1.1\r\nHost: a\r\n\r\n"
        "GET /livez HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    bool closed = false;
    const auto data = connection.read_until_closed(5s, closed);
    EXPECT_TRUE(closed);
    std::size_t responses = 0;
    for (auto at = data.find("HTTP/1.1 200"); at != std::string::npos;
         at = data.find("HTTP/1.1 200", at + 1)) {
        ++responses;
    }
    EXPECT_EQ(responses, 2U) << data;
}

TEST_F(Server, UnknownPathAndWrongMethod) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    const auto missing = request(api.port(), "GET", "/no/such/path");
    EXPECT_EQ(missing.status, 404U);
    EXPECT_EQ(missing.body, R"({"errors":{"path":["not found"]}})");

    const auto wrong = request(api.port(), "PATCH", "/api/user");
    EXPECT_EQ(wrong.status, 405U);
    EXPECT_EQ(wrong.headers.at("allow"), "GET, PUT");
}

TEST_F(Server, RequestIdIsEchoedOrGenerated) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_until_live(10s)) << api.log();
    const auto echoed = request(api.port(), "GET", "/livez", "", {{"X-Request-Id", "abc-123"}});
    EXPECT_EQ(echoed.headers.at("x-request-id"), "abc-123");
    const auto generated =
        request(api.port(), "GET", "/livez", "", {{"X-Request-Id", "bad id\"<>"}});
    EXPECT_EQ(generated.headers.at("x-request-id").size(), 16U);
    EXPECT_NE(api.log().find(R"("request_id":"abc-123")"), std::string::npos);
}

TEST_F(Server, MetricsCountRequestsByRoute) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_for_readyz(200, 10s)) << api.log();
    request(api.port(), "GET", "/api/profiles/nobody-here");
    const auto metrics = request(api.port(), "GET", "/metrics");
    EXPECT_EQ(metrics.status, 200U);
    EXPECT_NE(
        metrics.body.find(
            R"(http_requests_total{method="GET",route="/api/profiles/:username",code="404"} 1)"),
        std::string::npos)
        << metrics.body;
    for (const char* family :
         {"http_request_duration_seconds_bucket", "http_requests_in_flight",
          "db_pool_connections_open", "process_resident_memory_bytes", "process_open_fds",
          "process_start_time_seconds", "conduit_build_info"}) {
        EXPECT_NE(metrics.body.find(family), std::string::npos) << family;
    }
}

TEST_F(Server, LogsHaveNoSecrets) {
    ApiProcess api;
    ASSERT_TRUE(api.wait_for_readyz(200, 10s)) << api.log();
    request(api.port(), "POST", "/api/users/login",
            R"({"user":{"email":"nobody@example.com","password":"hunter2hunter2"}})");
    api.signal(SIGTERM);
    ASSERT_EQ(api.wait_for_exit(10s), 0);
    const auto log = api.log();
    EXPECT_EQ(log.find(TestCluster::get().password()), std::string::npos);
    EXPECT_EQ(log.find("integration-test-secret"), std::string::npos);
    EXPECT_EQ(log.find("hunter2hunter2"), std::string::npos);
}

TEST(Config, InvalidPortStopsStartup) {
    auto env = base_environment();
    env["LISTEN_PORT"] = "eighty";
    std::string output;
    EXPECT_EQ(run_api_command("", env, output), 2);
    EXPECT_NE(output.find("LISTEN_PORT"), std::string::npos) << output;
    EXPECT_NE(output.find("eighty"), std::string::npos) << output;
}

TEST(Config, MissingJwtSecretStopsStartup) {
    auto env = base_environment();
    env["JWT_SECRET"] = "";
    std::string output;
    EXPECT_EQ(run_api_command("", env, output), 2);
    EXPECT_NE(output.find("JWT_SECRET"), std::string::npos) << output;
}

TEST(Config, ShortJwtSecretIsNotPrinted) {
    auto env = base_environment();
    env["JWT_SECRET"] = "tiny-secret-value";
    std::string output;
    EXPECT_EQ(run_api_command("", env, output), 2);
    EXPECT_NE(output.find("JWT_SECRET"), std::string::npos) << output;
    EXPECT_EQ(output.find("tiny-secret-value"), std::string::npos) << output;
}

}  // namespace
}  // namespace conduit::testing
