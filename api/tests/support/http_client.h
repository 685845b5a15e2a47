#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace conduit::testing {

struct HttpResponse {
    unsigned status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

// Sends one request to 127.0.0.1:port on a new connection and reads the
// response. Throws std::runtime_error on a connection or parse failure.
HttpResponse request(int port, const std::string& method, const std::string& target,
                     const std::string& body = "",
                     const std::map<std::string, std::string>& headers = {});

// As request(), but returns nullopt instead of throwing.
std::optional<HttpResponse> try_request(int port, const std::string& method,
                                        const std::string& target);

// A raw TCP connection for sending malformed or partial requests.
class RawConnection {
public:
    explicit RawConnection(int port);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& bytes);
    // Reads until the peer closes or `timeout` passes. Returns what was
    // read; `closed` is set to true when the peer closed the connection.
    std::string read_until_closed(std::chrono::milliseconds timeout, bool& closed);

private:
    int fd_ = -1;
};

}  // namespace conduit::testing
