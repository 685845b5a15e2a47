#include "auth/password_hasher.h"

#include <sodium.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

namespace conduit::auth {
namespace asio = boost::asio;

namespace {

// The jobs are plain coroutines rather than capturing lambdas: built with
// g++ 12, a lambda handed to co_spawn freed its captured std::string from
// a wrong address (AddressSanitizer: free of a non-heap address).
asio::awaitable<std::string> hash_job(const PasswordHasher* hasher, std::string password) {
    co_return hasher->hash_now(password);
}

asio::awaitable<bool> verify_job(std::string encoded_hash, std::string password) {
    co_return PasswordHasher::verify_now(encoded_hash, password);
}

}  // namespace

PasswordHasher::PasswordHasher(std::size_t threads, std::size_t memory_kib, std::size_t iterations,
                               std::size_t max_pending)
    : pool_(threads),
      memory_bytes_(memory_kib * 1024),
      iterations_(iterations),
      max_pending_(max_pending) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

PasswordHasher::~PasswordHasher() { pool_.join(); }

std::string PasswordHasher::hash_now(const std::string& password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), iterations_, memory_bytes_,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("password hashing ran out of memory");
    }
    return out;
}

bool PasswordHasher::verify_now(const std::string& encoded_hash, const std::string& password) {
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::reserve_slot() {
    if (pending_.fetch_add(1) >= max_pending_) {
        pending_.fetch_sub(1);
        throw Overloaded("too many password hashing requests are queued");
    }
}

asio::awaitable<std::string> PasswordHasher::hash(std::string password) {
    reserve_slot();
    struct Release {
        std::atomic<std::size_t>& pending;
        ~Release() { pending.fetch_sub(1); }
    } release{pending_};
    co_return co_await asio::co_spawn(pool_, hash_job(this, std::move(password)),
                                      asio::use_awaitable);
}

asio::awaitable<bool> PasswordHasher::verify(std::string encoded_hash, std::string password) {
    reserve_slot();
    struct Release {
        std::atomic<std::size_t>& pending;
        ~Release() { pending.fetch_sub(1); }
    } release{pending_};
    co_return co_await asio::co_spawn(
        pool_, verify_job(std::move(encoded_hash), std::move(password)), asio::use_awaitable);
}

}  // namespace conduit::auth
