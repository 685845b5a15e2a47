#pragma once

#include "http/router.h"

namespace conduit::ops {

// Registers /livez, /readyz, /healthz and /metrics.
void add_routes(http::Router& router);

}  // namespace conduit::ops
