#pragma once

#include "app/services.h"
#include "db/pool.h"
#include "http/router.h"
#include "http/types.h"

namespace conduit::http {

// Routes one request to its handler and turns every failure into a JSON
// error response: ApiError to its status, db::Unavailable to 503, anything
// else to 500. Adds X-Request-Id and CORS headers, records metrics and
// writes the access log line. Exceptions from the handler never escape.
Awaitable<Response> dispatch(const Request& request, const Router& router, db::Pool& pool,
                             const Services& services);

}  // namespace conduit::http
