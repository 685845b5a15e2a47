#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace conduit::auth {

struct TokenClaims {
    std::int64_t user_id = 0;
    std::chrono::system_clock::time_point expires_at;
};

// Issues and verifies JWTs signed with HMAC-SHA256 (HS256). Verification
// accepts only the exact header this class writes, so "alg":"none" and
// every other algorithm are rejected before any signature check.
// Thread-safe.
class TokenSigner {
public:
    TokenSigner(std::string secret, std::chrono::seconds ttl);

    std::string issue(std::int64_t user_id) const;
    std::string issue(std::int64_t user_id, std::chrono::system_clock::time_point now) const;

    // Returns the claims of a well-formed, correctly signed, unexpired
    // token; nullopt otherwise.
    std::optional<TokenClaims> verify(std::string_view token) const;
    std::optional<TokenClaims> verify(std::string_view token,
                                      std::chrono::system_clock::time_point now) const;

private:
    std::string sign(std::string_view signing_input) const;

    std::string secret_;
    std::chrono::seconds ttl_;
};

}  // namespace conduit::auth
