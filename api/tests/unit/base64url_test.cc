#include "auth/base64url.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace conduit::auth {
namespace {

using namespace std::string_literals;

// RFC 4648 section 10 test vectors, without the padding.
const std::vector<std::pair<std::string, std::string>> kRfcVectors = {
    {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
    {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
};

TEST(Base64url, EncodesRfcVectors) {
    for (const auto& [plain, encoded] : kRfcVectors) {
        EXPECT_EQ(base64url_encode(plain), encoded) << plain;
    }
}

TEST(Base64url, DecodesRfcVectors) {
    for (const auto& [plain, encoded] : kRfcVectors) {
        EXPECT_EQ(base64url_decode(encoded), plain) << encoded;
    }
}

TEST(Base64url, UsesUrlSafeAlphabet) {
    // Standard base64 would write "+/8" and "+/+/".
    EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
    EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
    EXPECT_EQ(base64url_encode("\xff\xff\xfe"), "___-");
    EXPECT_EQ(base64url_decode("-_-_"), "\xfb\xff\xbf"s);
    EXPECT_EQ(base64url_decode("___-"), "\xff\xff\xfe"s);
}

TEST(Base64url, EncodesAllByteValues) {
    EXPECT_EQ(base64url_encode(std::string("\x00\x01\x02\x03\x04\x05", 6)), "AAECAwQF");
}

TEST(Base64url, RoundTripsRandomBytes) {
    std::mt19937 random(20240601);
    std::uniform_int_distribution<int> byte(0, 255);
    for (std::size_t length = 0; length <= 70; ++length) {
        for (int repeat = 0; repeat < 20; ++repeat) {
            std::string bytes(length, '\0');
            for (auto& c : bytes) c = static_cast<char>(byte(random));
            const std::string encoded = base64url_encode(bytes);
            EXPECT_EQ(encoded.size(), (length * 4 + 2) / 3) << "length " << length;
            EXPECT_EQ(encoded.find_first_not_of(
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
                      std::string::npos)
                << encoded;
            EXPECT_EQ(base64url_decode(encoded), bytes) << encoded;
        }
    }
}

TEST(Base64url, RejectsStandardAlphabetCharacters) {
    EXPECT_EQ(base64url_decode("+/8"), std::nullopt);
    EXPECT_EQ(base64url_decode("ab+d"), std::nullopt);
    EXPECT_EQ(base64url_decode("ab/d"), std::nullopt);
}

TEST(Base64url, RejectsPadding) {
    EXPECT_EQ(base64url_decode("Zg=="), std::nullopt);
    EXPECT_EQ(base64url_decode("Zm8="), std::nullopt);
}

TEST(Base64url, RejectsInvalidCharacters) {
    // Every input has a valid length, so only the character can fail it.
    const std::vector<std::string> inputs = {
        "Zm9!", "Zm 9", "Zm9\n", "Zm.v", "Zm9v$Zg", std::string("Zm\0v", 4), "Zm\xc3\xa9"};
    for (const auto& text : inputs) {
        EXPECT_EQ(base64url_decode(text), std::nullopt) << text;
    }
}

TEST(Base64url, RejectsImpossibleLengths) {
    // A length of 4n+1 leaves 6 bits, which is less than one byte.
    for (const std::string text : {"Z", "Zm9vY", "Zm9vYmFyZ"}) {
        EXPECT_EQ(base64url_decode(text), std::nullopt) << text;
    }
}

TEST(Base64url, RejectsNonZeroTrailingBits) {
    // "Zg" is the canonical encoding of "f", and "Zh" to "Zv" differ from it
    // only in the 4 unused bits. "Zm8" encodes "fo", and "Zm9" sets one of
    // its 2 unused bits.
    EXPECT_EQ(base64url_decode("Zh"), std::nullopt);
    EXPECT_EQ(base64url_decode("Zv"), std::nullopt);
    EXPECT_EQ(base64url_decode("Zm9"), std::nullopt);
    EXPECT_EQ(base64url_decode("Zm9vYh"), std::nullopt);
}

TEST(Base64url, DecodesLongInput) {
    // Longer than the decoder's 32-bit buffer, so old bits must shift out.
    const std::string bytes(1000, '\x5a');
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
}

}  // namespace
}  // namespace conduit::auth
