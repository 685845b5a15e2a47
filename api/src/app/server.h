#pragma once

#include "app/services.h"
#include "db/pool.h"
#include "http/router.h"

namespace conduit {

// Runs the HTTP workers until SIGTERM or SIGINT, then drains: stops
// accepting, lets requests in progress finish within the shutdown grace
// period, closes connections and returns. Returns the process exit code.
int serve(const Services& services, const http::Router& router, db::PoolStats& pool_stats);

}  // namespace conduit
