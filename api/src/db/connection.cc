#include "db/connection.h"

#include <fmt/format.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "db/connect_params.h"
#include "db/errors.h"

namespace conduit::db {
namespace asio = boost::asio;
using Descriptor = asio::posix::stream_descriptor;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

std::string error_message(PGconn* conn) {
    return one_line(conn != nullptr ? PQerrorMessage(conn) : nullptr);
}

std::string field(const PGresult* result, int code) {
    const char* value = PQresultErrorField(result, code);
    return value != nullptr ? value : "";
}

}  // namespace

Connection::Connection(const asio::any_io_executor& executor)
    : socket_(executor), deadline_timer_(executor) {}

Connection::~Connection() { close(); }

void Connection::close() {
    disarm_deadline();
    // libpq owns the descriptor: release it from Asio before PQfinish
    // closes it, so it is closed exactly once.
    if (socket_.is_open()) socket_.release();
    if (conn_ != nullptr) {
        PQfinish(conn_);
        conn_ = nullptr;
    }
    prepared_.clear();
}

void Connection::rebind_socket() {
    if (socket_.is_open()) socket_.release();
    const int fd = PQsocket(conn_);
    if (fd >= 0) socket_.assign(fd);
}

void Connection::arm_deadline(Clock::time_point deadline) {
    timed_out_ = false;
    const auto generation = ++deadline_generation_;
    deadline_timer_.expires_at(deadline);
    deadline_timer_.async_wait([weak = weak_from_this(), generation](boost::system::error_code ec) {
        auto self = weak.lock();
        // A stale expiry from an earlier operation must not cancel this one.
        if (ec || !self || self->deadline_generation_ != generation) return;
        self->timed_out_ = true;
        if (self->socket_.is_open()) self->socket_.cancel();
    });
}

void Connection::disarm_deadline() {
    ++deadline_generation_;
    deadline_timer_.cancel();
}

asio::awaitable<bool> Connection::wait(Descriptor::wait_type type) {
    if (!socket_.is_open()) co_return false;
    auto [ec] = co_await socket_.async_wait(type, kTuple);
    co_return !ec && !timed_out_;
}

Unavailable Connection::lost(std::string_view operation) {
    std::string reason = timed_out_ ? "timed out" : error_message(conn_);
    close();
    return Unavailable(fmt::format("{}: {}", operation, reason));
}

asio::awaitable<std::string> Connection::connect(const ConnectOptions& options,
                                                 Clock::time_point deadline) {
    close();
    ConnectParams params(options, "conduit-api");
    params.add("options",
               fmt::format("-c statement_timeout={}", options.statement_timeout.count()));
    conn_ = PQconnectStartParams(params.keywords(), params.values(), 1);
    if (conn_ == nullptr || PQstatus(conn_) == CONNECTION_BAD) {
        std::string reason = error_message(conn_);
        close();
        co_return reason;
    }
    PQsetnonblocking(conn_, 1);

    // libpq's connect_timeout does not apply to PQconnectPoll, so the
    // deadline timer bounds the whole handshake instead.
    arm_deadline(deadline);
    auto status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED) {
            std::string reason = error_message(conn_);
            close();
            co_return reason;
        }
        // libpq may open a new socket during the handshake (another host
        // or address, SSL retry), so the descriptor is re-read every round.
        rebind_socket();
        const auto type =
            status == PGRES_POLLING_READING ? Descriptor::wait_read : Descriptor::wait_write;
        const bool ready = co_await wait(type);
        if (!ready) {
            std::string reason = timed_out_ ? "connect timed out" : "connect cancelled";
            close();
            co_return reason;
        }
        status = PQconnectPoll(conn_);
    }
    disarm_deadline();
    rebind_socket();

    if (PQenterPipelineMode(conn_) != 1) {
        std::string reason = error_message(conn_);
        close();
        co_return reason;
    }
    co_return std::string();
}

asio::awaitable<void> Connection::flush() {
    while (true) {
        const int pending = PQflush(conn_);
        if (pending == 0) co_return;
        if (pending < 0) throw lost("sending to the database failed");
        // The server may be blocked writing results to us: read while we
        // wait, or both sides stall on full buffers.
        const bool writable = co_await wait(Descriptor::wait_write);
        if (!writable) throw lost("sending to the database failed");
        if (PQconsumeInput(conn_) == 0) throw lost("reading from the database failed");
    }
}

asio::awaitable<PGresult*> Connection::next_result() {
    while (PQisBusy(conn_) != 0) {
        const bool readable = co_await wait(Descriptor::wait_read);
        if (!readable) throw lost("waiting for the database failed");
        if (PQconsumeInput(conn_) == 0) throw lost("reading from the database failed");
    }
    co_return PQgetResult(conn_);
}

asio::awaitable<std::vector<Result>> Connection::execute(std::span<const Query> batch,
                                                         Clock::time_point deadline) {
    if (conn_ == nullptr) throw Unavailable("database connection is closed");
    ++watch_generation_;
    arm_deadline(deadline);

    // Queue every command, preparing statements this session has not seen.
    std::vector<bool> is_prepare;
    is_prepare.reserve(batch.size() * 2);
    for (const auto& query : batch) {
        const auto& statement = query.statement();
        if (statement.id() >= prepared_.size()) prepared_.resize(statement.id() + 1, false);
        if (!prepared_[statement.id()]) {
            const std::string name(statement.name());
            const std::string sql(statement.sql());
            if (PQsendPrepare(conn_, name.c_str(), sql.c_str(), 0, nullptr) == 0) {
                throw lost("sending a statement failed");
            }
            is_prepare.push_back(true);
        }
        const std::string name(statement.name());
        auto values = query.values();
        if (PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(),
                                nullptr, nullptr, 0) == 0) {
            throw lost("sending a statement failed");
        }
        is_prepare.push_back(false);
    }
    if (PQpipelineSync(conn_) == 0) throw lost("sending a statement failed");
    co_await flush();

    // Collect one result per command. After a failure the server skips the
    // rest of the pipeline, reporting each as PGRES_PIPELINE_ABORTED.
    std::vector<Result> results;
    results.reserve(batch.size());
    std::optional<QueryError> error;
    std::size_t query_index = 0;
    for (bool prepare : is_prepare) {
        Result last;
        while (true) {
            PGresult* raw = co_await next_result();
            if (raw == nullptr) break;
            last = Result(raw);
        }
        if (!last) throw lost("the database sent no result");

        const auto status = PQresultStatus(last.get());
        if (status == PGRES_FATAL_ERROR && !error) {
            error.emplace(field(last.get(), PG_DIAG_SQLSTATE),
                          field(last.get(), PG_DIAG_CONSTRAINT_NAME),
                          field(last.get(), PG_DIAG_MESSAGE_PRIMARY));
        }
        const auto& statement = batch[query_index].statement();
        if (prepare) {
            if (status == PGRES_COMMAND_OK) prepared_[statement.id()] = true;
        } else {
            results.push_back(std::move(last));
            ++query_index;
        }
    }
    Result sync(co_await next_result());
    if (!sync || PQresultStatus(sync.get()) != PGRES_PIPELINE_SYNC) {
        throw lost("the database broke the pipeline protocol");
    }
    disarm_deadline();

    if (error) throw *error;
    co_return results;
}

asio::awaitable<bool> Connection::watch_idle() {
    const auto generation = ++watch_generation_;
    auto self = shared_from_this();
    while (conn_ != nullptr) {
        auto [ec] = co_await socket_.async_wait(Descriptor::wait_read, kTuple);
        // Acquired by a request meanwhile: the request owns the socket now.
        if (ec || generation != watch_generation_) co_return false;
        if (PQconsumeInput(conn_) == 0 || PQstatus(conn_) == CONNECTION_BAD) co_return true;
    }
    co_return true;
}

void Connection::stop_watching() {
    ++watch_generation_;
    if (socket_.is_open()) socket_.cancel();
}

}  // namespace conduit::db
