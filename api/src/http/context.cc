#include "http/context.h"

namespace conduit::http {

Awaitable<std::vector<db::Result>> RequestContext::db(std::span<const db::Query> batch) {
    const auto start = std::chrono::steady_clock::now();
    struct AddElapsed {
        RequestContext& context;
        std::chrono::steady_clock::time_point start;
        ~AddElapsed() { context.db_time += std::chrono::steady_clock::now() - start; }
    } add_elapsed{*this, start};
    co_return co_await pool.execute(batch);
}

Awaitable<db::Result> RequestContext::db(const db::Query& single) {
    auto results = co_await db(std::span<const db::Query>(&single, 1));
    co_return std::move(results.front());
}

}  // namespace conduit::http
