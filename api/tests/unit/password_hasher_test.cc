#include "auth/password_hasher.h"

#include <gtest/gtest.h>

#include <string>

#include "config/config.h"

namespace conduit::auth {
namespace {

// The smallest cost the configuration accepts, so each hash takes tens of
// milliseconds rather than the production cost.
PasswordHasher make_hasher() {
    return PasswordHasher(1, config::kMinArgon2MemoryKib, config::kMinArgon2Iterations);
}

TEST(PasswordHasher, HashVerifyRoundTrip) {
    const auto hasher = make_hasher();
    const std::string encoded = hasher.hash_now("correct horse battery staple");
    EXPECT_TRUE(PasswordHasher::verify_now(encoded, "correct horse battery staple"));
}

TEST(PasswordHasher, WrongPasswordRejected) {
    const auto hasher = make_hasher();
    const std::string encoded = hasher.hash_now("correct horse battery staple");
    EXPECT_FALSE(PasswordHasher::verify_now(encoded, "correct horse battery stapler"));
    EXPECT_FALSE(PasswordHasher::verify_now(encoded, ""));
}

TEST(PasswordHasher, EncodesArgon2idWithConfiguredCost) {
    const auto hasher = make_hasher();
    const std::string encoded = hasher.hash_now("secret");
    EXPECT_EQ(encoded.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << encoded;
}

TEST(PasswordHasher, SaltMakesHashesDiffer) {
    const auto hasher = make_hasher();
    const std::string first = hasher.hash_now("same password");
    const std::string second = hasher.hash_now("same password");
    EXPECT_NE(first, second);
    EXPECT_TRUE(PasswordHasher::verify_now(second, "same password"));
}

TEST(PasswordHasher, PasswordWithNulByteIsDistinct) {
    // The full byte string is hashed, so nothing after a NUL is ignored.
    const auto hasher = make_hasher();
    const std::string password("abc\0def", 7);
    const std::string encoded = hasher.hash_now(password);
    EXPECT_TRUE(PasswordHasher::verify_now(encoded, password));
    EXPECT_FALSE(PasswordHasher::verify_now(encoded, "abc"));
}

TEST(PasswordHasher, MalformedHashRejected) {
    EXPECT_FALSE(PasswordHasher::verify_now("", "secret"));
    EXPECT_FALSE(PasswordHasher::verify_now("not a hash", "secret"));
    EXPECT_FALSE(PasswordHasher::verify_now("$argon2id$v=19$m=19456,t=2,p=1$", "secret"));
}

}  // namespace
}  // namespace conduit::auth
