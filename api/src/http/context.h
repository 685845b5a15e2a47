#pragma once

#include <chrono>
#include <span>
#include <string_view>
#include <vector>

#include "app/services.h"
#include "db/pool.h"
#include "http/router.h"
#include "http/types.h"

namespace conduit::http {

// Everything a handler needs for one request. Lives on the I/O thread that
// read the request, for as long as the handler runs.
struct RequestContext {
    const Request& request;
    std::string_view path;   // raw path, without the query string
    std::string_view query;  // raw query string, without '?'
    PathParams params;
    db::Pool& pool;
    const Services& services;
    // Time spent waiting for the database, for the access log.
    std::chrono::nanoseconds db_time{};

    // Runs `batch` on a pooled connection; see db::Pool::execute.
    Awaitable<std::vector<db::Result>> db(std::span<const db::Query> batch);
    Awaitable<db::Result> db(const db::Query& single);
};

}  // namespace conduit::http
