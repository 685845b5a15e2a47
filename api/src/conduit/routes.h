#pragma once

#include "http/router.h"

namespace conduit {

// Registers every RealWorld Conduit endpoint under /api.
void add_routes(http::Router& router);

}  // namespace conduit
