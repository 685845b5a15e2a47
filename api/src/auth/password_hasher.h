#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <string>

namespace conduit::auth {

// Argon2id hashing (libsodium crypto_pwhash_str) on a small dedicated
// thread pool, so that a burst of logins never stalls the I/O threads.
// At most `max_pending` jobs queue at once; past that the call throws
// Overloaded, which maps to 503. Thread-safe.
class PasswordHasher {
public:
    class Overloaded : public std::runtime_error {
    public:
        using std::runtime_error::runtime_error;
    };

    PasswordHasher(std::size_t threads, std::size_t memory_kib, std::size_t iterations,
                   std::size_t max_pending = 256);
    ~PasswordHasher();

    // Resumes on the caller's executor with the encoded hash.
    boost::asio::awaitable<std::string> hash(std::string password);
    // Resumes on the caller's executor; true when `password` matches.
    boost::asio::awaitable<bool> verify(std::string encoded_hash, std::string password);

    // Blocking forms, for tests and tools.
    std::string hash_now(const std::string& password) const;
    static bool verify_now(const std::string& encoded_hash, const std::string& password);

private:
    void reserve_slot();

    boost::asio::thread_pool pool_;
    std::size_t memory_bytes_;
    std::size_t iterations_;
    std::size_t max_pending_;
    std::atomic<std::size_t> pending_{0};
};

}  // namespace conduit::auth
