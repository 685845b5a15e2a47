#include "auth/token.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "auth/base64url.h"

namespace conduit::auth {
namespace {

using namespace std::string_literals;

using std::chrono::seconds;
using Clock = std::chrono::system_clock;

const std::string kSecret = "unit-test-secret-of-at-least-32-bytes!";
const Clock::time_point kNow{seconds(1'700'000'000)};
constexpr seconds kTtl{3600};

struct TokenParts {
    std::string header;
    std::string payload;
    std::string signature;
};

TokenParts split_token(const std::string& token) {
    const auto first = token.find('.');
    const auto last = token.rfind('.');
    return {token.substr(0, first), token.substr(first + 1, last - first - 1),
            token.substr(last + 1)};
}

// Computes HMAC-SHA256 without TokenSigner, to forge tokens that carry a
// correct signature over an unexpected header or payload.
std::string hs256(const std::string& secret, const std::string& signing_input) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), out,
         &length);
    return std::string(reinterpret_cast<const char*>(out), length);
}

std::string signed_token(const std::string& header_json, const std::string& payload_b64,
                         const std::string& secret = kSecret) {
    const std::string signing_input = base64url_encode(header_json) + "." + payload_b64;
    return signing_input + "." + base64url_encode(hs256(secret, signing_input));
}

std::string valid_payload() {
    return split_token(TokenSigner(kSecret, kTtl).issue(7, kNow)).payload;
}

TEST(TokenSigner, IssueVerifyRoundTrip) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string token = signer.issue(42, kNow);
    const auto claims = signer.verify(token, kNow);
    ASSERT_TRUE(claims.has_value()) << token;
    EXPECT_EQ(claims->user_id, 42);
    EXPECT_EQ(claims->expires_at, kNow + kTtl);
}

TEST(TokenSigner, IssuedTokenHasExpectedShape) {
    const std::string token = TokenSigner(kSecret, kTtl).issue(42, kNow);
    const auto parts = split_token(token);
    EXPECT_EQ(base64url_decode(parts.header), R"({"alg":"HS256","typ":"JWT"})"s);
    EXPECT_EQ(base64url_decode(parts.signature).value_or("").size(), 32u);

    const auto payload = boost::json::parse(base64url_decode(parts.payload).value_or("null"));
    ASSERT_TRUE(payload.is_object());
    ASSERT_TRUE(payload.at("sub").is_string());
    EXPECT_EQ(payload.at("sub").get_string(), "42");
    ASSERT_TRUE(payload.at("iat").is_int64());
    EXPECT_EQ(payload.at("iat").get_int64(), 1'700'000'000);
    ASSERT_TRUE(payload.at("exp").is_int64());
    EXPECT_EQ(payload.at("exp").get_int64(), 1'700'003'600);
}

TEST(TokenSigner, NowOverloadsAgreeWithClock) {
    const TokenSigner signer(kSecret, kTtl);
    const auto claims = signer.verify(signer.issue(5));
    ASSERT_TRUE(claims.has_value());
    EXPECT_EQ(claims->user_id, 5);
}

TEST(TokenSigner, NegativeAndLargeUserIds) {
    const TokenSigner signer(kSecret, kTtl);
    for (const std::int64_t id :
         {std::int64_t{0}, std::int64_t{-1}, std::numeric_limits<std::int64_t>::max()}) {
        const auto claims = signer.verify(signer.issue(id, kNow), kNow);
        ASSERT_TRUE(claims.has_value()) << id;
        EXPECT_EQ(claims->user_id, id);
    }
}

TEST(TokenSigner, ValidUntilJustBeforeExpiry) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string token = signer.issue(1, kNow);
    EXPECT_TRUE(signer.verify(token, kNow + kTtl - seconds(1)).has_value());
}

TEST(TokenSigner, ExpiredTokenRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string token = signer.issue(1, kNow);
    EXPECT_FALSE(signer.verify(token, kNow + kTtl).has_value());
    EXPECT_FALSE(signer.verify(token, kNow + kTtl + seconds(1)).has_value());
    EXPECT_FALSE(signer.verify(token, kNow + seconds(365 * 24 * 3600)).has_value());
}

TEST(TokenSigner, WrongSecretRejected) {
    const std::string token = TokenSigner(kSecret, kTtl).issue(1, kNow);
    const TokenSigner other("another-secret-of-at-least-32-bytes!!", kTtl);
    EXPECT_FALSE(other.verify(token, kNow).has_value());
}

TEST(TokenSigner, TamperedPayloadRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const auto parts = split_token(signer.issue(1, kNow));

    // Same signature over a payload that names another user.
    const std::string forged_payload =
        base64url_encode(R"({"sub":"2","iat":1700000000,"exp":1700003600})");
    EXPECT_FALSE(signer.verify(parts.header + "." + forged_payload + "." + parts.signature, kNow)
                     .has_value());

    // One character of the original payload changed.
    std::string flipped = parts.payload;
    flipped[3] = flipped[3] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(
        signer.verify(parts.header + "." + flipped + "." + parts.signature, kNow).has_value());
}

TEST(TokenSigner, TamperedSignatureRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const auto parts = split_token(signer.issue(1, kNow));
    for (const std::size_t position : {std::size_t{0}, std::size_t{10}, std::size_t{41}}) {
        std::string signature = parts.signature;
        signature[position] = signature[position] == 'A' ? 'B' : 'A';
        EXPECT_FALSE(
            signer.verify(parts.header + "." + parts.payload + "." + signature, kNow).has_value())
            << position;
    }
}

TEST(TokenSigner, TruncatedOrExtendedSignatureRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const auto parts = split_token(signer.issue(1, kNow));
    const std::string prefix = parts.header + "." + parts.payload + ".";
    EXPECT_FALSE(signer.verify(prefix + parts.signature.substr(0, 40), kNow).has_value());
    EXPECT_FALSE(signer.verify(prefix + parts.signature + "AAAA", kNow).has_value());
    EXPECT_FALSE(signer.verify(prefix + parts.signature + "=", kNow).has_value());
}

TEST(TokenSigner, AlgNoneWithEmptySignatureRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string header = base64url_encode(R"({"alg":"none","typ":"JWT"})");
    EXPECT_FALSE(signer.verify(header + "." + valid_payload() + ".", kNow).has_value());
    EXPECT_FALSE(signer.verify(header + "." + valid_payload(), kNow).has_value());
}

TEST(TokenSigner, AlgNoneWithValidHs256SignatureRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string token = signed_token(R"({"alg":"none","typ":"JWT"})", valid_payload());
    EXPECT_FALSE(signer.verify(token, kNow).has_value());
}

TEST(TokenSigner, OtherAlgorithmHeadersRejected) {
    // Each header carries a correct HS256 signature, so only the header
    // check can reject it.
    const TokenSigner signer(kSecret, kTtl);
    for (const std::string header :
         {R"({"alg":"HS512","typ":"JWT"})", R"({"alg":"RS256","typ":"JWT"})",
          R"({"alg":"hs256","typ":"JWT"})", R"({"alg":"HS256"})"}) {
        EXPECT_FALSE(signer.verify(signed_token(header, valid_payload()), kNow).has_value())
            << header;
    }
}

TEST(TokenSigner, ReorderedOrSpacedHeaderRejected) {
    const TokenSigner signer(kSecret, kTtl);
    for (const std::string header :
         {R"({"alg": "HS256", "typ": "JWT"})", R"( {"alg":"HS256","typ":"JWT"})",
          R"({"alg":"HS256","typ":"JWT"} )", R"({"typ":"JWT","alg":"HS256"})",
          R"({"alg":"HS256","typ":"JWT","kid":"x"})"}) {
        EXPECT_FALSE(signer.verify(signed_token(header, valid_payload()), kNow).has_value())
            << header;
    }
}

TEST(TokenSigner, ForgedTokenWithExactHeaderAccepted) {
    // The same construction with the exact header verifies, so the header
    // tests above fail on the header alone.
    const TokenSigner signer(kSecret, kTtl);
    const auto claims =
        signer.verify(signed_token(R"({"alg":"HS256","typ":"JWT"})", valid_payload()), kNow);
    ASSERT_TRUE(claims.has_value());
    EXPECT_EQ(claims->user_id, 7);
}

TEST(TokenSigner, MissingPartsRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const auto parts = split_token(signer.issue(1, kNow));
    const std::vector<std::string> broken = {
        "",
        ".",
        "..",
        parts.header,
        parts.header + "." + parts.payload,
        parts.header + "." + parts.payload + ".",
        parts.header + ".." + parts.signature,
        "." + parts.payload + "." + parts.signature,
        parts.payload + "." + parts.signature,
    };
    for (const auto& token : broken) {
        EXPECT_FALSE(signer.verify(token, kNow).has_value()) << token;
    }
}

TEST(TokenSigner, ExtraPartRejectedEvenWhenSigned) {
    // The signature covers "header.payload.extra", so only the payload
    // parse can reject it.
    const TokenSigner signer(kSecret, kTtl);
    const std::string token =
        signed_token(R"({"alg":"HS256","typ":"JWT"})", valid_payload() + "." + valid_payload());
    EXPECT_FALSE(signer.verify(token, kNow).has_value());
}

TEST(TokenSigner, NonBase64SignatureRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const auto parts = split_token(signer.issue(1, kNow));
    const std::string prefix = parts.header + "." + parts.payload + ".";
    std::string plus = parts.signature;
    plus[5] = '+';
    EXPECT_FALSE(signer.verify(prefix + plus, kNow).has_value());
    std::string star = parts.signature;
    star[5] = '*';
    EXPECT_FALSE(signer.verify(prefix + star, kNow).has_value());
    EXPECT_FALSE(signer.verify(prefix + "not a signature at all!", kNow).has_value());
}

TEST(TokenSigner, SignedPayloadWithBadClaimsRejected) {
    const TokenSigner signer(kSecret, kTtl);
    const std::string header = R"({"alg":"HS256","typ":"JWT"})";
    const std::vector<std::string> payloads = {
        R"({"exp":1700003600})",
        R"({"sub":"1"})",
        R"({"sub":1,"exp":1700003600})",
        R"({"sub":"x","exp":1700003600})",
        R"({"sub":"1","exp":"1700003600"})",
        R"({"sub":"1","exp":1700003600.5})",
        R"(["sub","1"])",
        R"(not json)",
    };
    for (const auto& payload : payloads) {
        EXPECT_FALSE(
            signer.verify(signed_token(header, base64url_encode(payload)), kNow).has_value())
            << payload;
    }
    // A payload part that is not base64url at all.
    EXPECT_FALSE(signer.verify(signed_token(header, "!!!!"), kNow).has_value());
}

}  // namespace
}  // namespace conduit::auth
