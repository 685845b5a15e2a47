#include "http/dispatch.h"

#include <boost/beast/http/field.hpp>
#include <random>

#include "db/errors.h"
#include "http/api_error.h"
#include "http/context.h"
#include "http/response.h"
#include "log/log.h"
#include "ops/metrics.h"

namespace conduit::http {
namespace {

using Clock = std::chrono::steady_clock;
using Field = beast_http::field;

// Accepts a caller's request id only when it is short and plain, so that
// it is safe to echo and to log.
bool is_valid_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!plain) return false;
    }
    return true;
}

std::string new_request_id() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    return fmt::format("{:016x}", random());
}

Response preflight(const Request& request) {
    Response response{Status::no_content, request.version()};
    response.set(Field::access_control_allow_methods, "GET, POST, PUT, DELETE, OPTIONS");
    response.set(Field::access_control_allow_headers,
                 "Authorization, Content-Type, X-Requested-With, X-Request-Id");
    response.set(Field::access_control_max_age, "86400");
    return response;
}

// Runs the handler and maps failures to responses at this one boundary.
Awaitable<Response> run_handler(const Router::Route& route, RequestContext& context,
                                const std::string& request_id) {
    try {
        co_return co_await route.handler(context);
    } catch (const ApiError& e) {
        co_return error_response(e.status(), e.field(), e.what());
    } catch (const db::Unavailable& e) {
        log::warn("database unavailable", {{"request_id", request_id}, {"error", e.what()}});
        co_return error_response(Status::service_unavailable, "database", "unavailable");
    } catch (const db::QueryError& e) {
        log::error("database query failed",
                   {{"request_id", request_id}, {"sqlstate", e.sqlstate()}, {"error", e.what()}});
    } catch (const std::exception& e) {
        log::error("request failed", {{"request_id", request_id}, {"error", e.what()}});
    }
    co_return error_response(Status::internal_server_error, "server", "internal error");
}

}  // namespace

Awaitable<Response> dispatch(const Request& request, const Router& router, db::Pool& pool,
                             const Services& services) {
    const auto start = Clock::now();
    auto& metrics = services.metrics;
    metrics.in_flight()++;

    std::string request_id(request["X-Request-Id"]);
    if (!is_valid_request_id(request_id)) request_id = new_request_id();

    const std::string_view target = request.target();
    const auto question = target.find('?');
    const std::string_view path = target.substr(0, question);
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : target.substr(question + 1);

    std::string_view route_label = "unmatched";
    std::chrono::nanoseconds db_time{};
    Response response;
    if (request.method() == Verb::options) {
        route_label = "preflight";
        response = preflight(request);
    } else {
        auto match = router.match(request.method(), path);
        if (match.route != nullptr) {
            route_label = match.route->pattern;
            RequestContext context{request, path, query, std::move(match.params), pool, services};
            response = co_await run_handler(*match.route, context, request_id);
            db_time = context.db_time;
        } else if (!match.allow.empty()) {
            response = error_response(Status::method_not_allowed, "method",
                                      fmt::format("{} is not allowed", request.method_string()));
            response.set(Field::allow, match.allow);
        } else {
            response = error_response(Status::not_found, "path", "not found");
        }
    }

    if (response.result() == Status::unauthorized) {
        response.set(Field::www_authenticate, "Token");
    }
    response.version(request.version());
    response.set("X-Request-Id", request_id);
    response.set(Field::access_control_allow_origin, "*");
    response.keep_alive(request.keep_alive());

    const auto elapsed = Clock::now() - start;
    metrics.in_flight()--;
    metrics.observe(request.method_string(), route_label, response.result_int(), elapsed);
    if (log::enabled(spdlog::level::info)) {
        using std::chrono::duration_cast;
        using Micros = std::chrono::microseconds;
        log::info("request", {{"request_id", request_id},
                              {"method", request.method_string()},
                              {"route", route_label},
                              {"status", response.result_int()},
                              {"duration_us", duration_cast<Micros>(elapsed).count()},
                              {"db_us", duration_cast<Micros>(db_time).count()}});
    }
    co_return response;
}

}  // namespace conduit::http
