#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>
#include <stdexcept>

namespace conduit::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;

HttpResponse request(int port, const std::string& method, const std::string& target,
                     const std::string& body, const std::map<std::string, std::string>& headers) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});

    beast::http::request<beast::http::string_body> req{beast::http::string_to_verb(method), target,
                                                       11};
    req.set(beast::http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    if (!body.empty()) {
        if (headers.find("Content-Type") == headers.end()) {
            req.set(beast::http::field::content_type, "application/json");
        }
        req.body() = body;
    }
    req.keep_alive(false);
    req.prepare_payload();
    beast::http::write(socket, req);

    beast::flat_buffer buffer;
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(64 << 20);
    beast::http::read(socket, buffer, parser);
    const auto& res = parser.get();

    HttpResponse response;
    response.status = res.result_int();
    for (const auto& field : res) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        response.headers[name] = std::string(field.value());
    }
    response.body = res.body();
    return response;
}

std::optional<HttpResponse> try_request(int port, const std::string& method,
                                        const std::string& target) {
    try {
        return request(port, method, target);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

RawConnection::RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) close(fd_);
}

void RawConnection::send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the server may close early, e.g. after 431
        sent += static_cast<std::size_t>(n);
    }
}

std::string RawConnection::read_until_closed(std::chrono::milliseconds timeout, bool& closed) {
    std::string data;
    closed = false;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return data;
        pollfd poll_fd{fd_, POLLIN, 0};
        if (poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return data;
        char chunk[4096];
        const auto n = recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) {
            closed = true;
            return data;
        }
        data.append(chunk, static_cast<std::size_t>(n));
    }
}

}  // namespace conduit::testing
