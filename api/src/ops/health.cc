#include "ops/health.h"

#include <boost/json/object.hpp>

#include "db/errors.h"
#include "http/context.h"
#include "http/response.h"
#include "ops/metrics.h"

namespace conduit::ops {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

const db::Statement kPing("ops_ping", "SELECT 1");
// A readiness probe must respond well inside an orchestrator's probe timeout.
constexpr std::chrono::milliseconds kReadyTimeout{1000};

Awaitable<Response> livez(RequestContext&) {
    co_return http::json_response(Status::ok, {{"status", "ok"}});
}

// Checks the database with a real query on a pooled connection, and that
// the schema migrations have been applied.
Awaitable<Response> readyz(RequestContext& context) {
    boost::json::object database;
    const auto start = std::chrono::steady_clock::now();
    bool database_ok = false;
    try {
        db::Query ping(kPing);
        co_await context.pool.execute(std::span<const db::Query>(&ping, 1), kReadyTimeout);
        database_ok = true;
        database["status"] = "ok";
    } catch (const std::exception& e) {
        database["status"] = "unavailable";
        database["error"] = e.what();
    }
    database["latency_us"] = std::chrono::duration_cast<std::chrono::microseconds>(
                                 std::chrono::steady_clock::now() - start)
                                 .count();

    // The query above ran on this thread's pool only; every other I/O
    // thread must have a connection too, or some requests would get 503.
    const auto pools_down = context.services.pool_stats.pools_without_connection.load();
    if (database_ok && pools_down > 0) {
        database_ok = false;
        database["status"] = "degraded";
        database["threads_without_connection"] = pools_down;
    }

    const bool schema_ok = context.services.schema_ready.load();
    boost::json::object migrations{{"status", schema_ok ? "ok" : "pending"}};
    const bool ready = database_ok && schema_ok;
    boost::json::object body{
        {"status", ready ? "ok" : "unavailable"},
        {"checks", {{"database", std::move(database)}, {"migrations", std::move(migrations)}}}};
    auto response = http::json_response(ready ? Status::ok : Status::service_unavailable, body);
    response.set(boost::beast::http::field::cache_control, "no-store");
    co_return response;
}

Awaitable<Response> metrics(RequestContext& context) {
    co_return http::text_response(Status::ok, context.services.metrics.render(),
                                  "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

void add_routes(http::Router& router) {
    router.add(http::Verb::get, "/livez", livez);
    router.add(http::Verb::get, "/readyz", readyz);
    router.add(http::Verb::get, "/healthz", readyz);
    router.add(http::Verb::get, "/metrics", metrics);
}

}  // namespace conduit::ops
