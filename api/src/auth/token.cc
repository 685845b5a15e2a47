#include "auth/token.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <memory>
#include <stdexcept>

#include "auth/base64url.h"

namespace conduit::auth {
namespace {

// base64url('{"alg":"HS256","typ":"JWT"}'), the only header accepted.
const std::string kHeader = base64url_encode(R"({"alg":"HS256","typ":"JWT"})");
constexpr std::size_t kSignatureBytes = 32;

struct MacFree {
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacContextFree {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};

EVP_MAC* hmac() {
    static std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac) throw std::runtime_error("OpenSSL has no HMAC implementation");
    return mac.get();
}

std::chrono::system_clock::time_point from_unix(std::int64_t seconds) {
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

std::int64_t to_unix(std::chrono::system_clock::time_point time) {
    return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

}  // namespace

TokenSigner::TokenSigner(std::string secret, std::chrono::seconds ttl)
    : secret_(std::move(secret)), ttl_(ttl) {}

std::string TokenSigner::sign(std::string_view signing_input) const {
    std::unique_ptr<EVP_MAC_CTX, MacContextFree> context(EVP_MAC_CTX_new(hmac()));
    char digest_name[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                           OSSL_PARAM_construct_end()};
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    if (!context ||
        EVP_MAC_init(context.get(), reinterpret_cast<const unsigned char*>(secret_.data()),
                     secret_.size(), params) != 1 ||
        EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(signing_input.data()),
                       signing_input.size()) != 1 ||
        EVP_MAC_final(context.get(), out, &length, sizeof out) != 1 || length != kSignatureBytes) {
        throw std::runtime_error("HMAC-SHA256 computation failed");
    }
    return std::string(reinterpret_cast<const char*>(out), length);
}

std::string TokenSigner::issue(std::int64_t user_id) const {
    return issue(user_id, std::chrono::system_clock::now());
}

std::string TokenSigner::issue(std::int64_t user_id,
                               std::chrono::system_clock::time_point now) const {
    const boost::json::object payload{
        {"sub", std::to_string(user_id)}, {"iat", to_unix(now)}, {"exp", to_unix(now + ttl_)}};
    std::string token = kHeader;
    token.append(".").append(base64url_encode(boost::json::serialize(payload)));
    const std::string signature = base64url_encode(sign(token));
    token.append(".").append(signature);
    return token;
}

std::optional<TokenClaims> TokenSigner::verify(std::string_view token) const {
    return verify(token, std::chrono::system_clock::now());
}

std::optional<TokenClaims> TokenSigner::verify(std::string_view token,
                                               std::chrono::system_clock::time_point now) const {
    const auto first_dot = token.find('.');
    const auto last_dot = token.rfind('.');
    if (first_dot == std::string_view::npos || first_dot == last_dot) return std::nullopt;
    if (token.substr(0, first_dot) != kHeader) return std::nullopt;

    const auto signing_input = token.substr(0, last_dot);
    const auto signature = base64url_decode(token.substr(last_dot + 1));
    if (!signature || signature->size() != kSignatureBytes) return std::nullopt;
    const std::string expected = sign(signing_input);
    if (CRYPTO_memcmp(expected.data(), signature->data(), kSignatureBytes) != 0) {
        return std::nullopt;
    }

    // The signature is ours, so the payload is too; still parse defensively.
    const auto payload_text =
        base64url_decode(token.substr(first_dot + 1, last_dot - first_dot - 1));
    if (!payload_text) return std::nullopt;
    boost::system::error_code ec;
    auto payload = boost::json::parse(*payload_text, ec);
    if (ec || !payload.is_object()) return std::nullopt;
    const auto& object = payload.get_object();
    const auto* sub = object.if_contains("sub");
    const auto* exp = object.if_contains("exp");
    if (sub == nullptr || !sub->is_string() || exp == nullptr || !exp->is_int64()) {
        return std::nullopt;
    }

    TokenClaims claims;
    const std::string_view subject = sub->get_string();
    auto [end, parse_ec] =
        std::from_chars(subject.data(), subject.data() + subject.size(), claims.user_id);
    if (parse_ec != std::errc() || end != subject.data() + subject.size()) return std::nullopt;
    claims.expires_at = from_unix(exp->get_int64());
    if (claims.expires_at <= now) return std::nullopt;
    return claims;
}

}  // namespace conduit::auth
