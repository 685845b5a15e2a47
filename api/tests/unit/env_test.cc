#include "config/env.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "test_support.h"

namespace conduit::config {
namespace {

using namespace std::string_literals;

using conduit::testing::config_error_message;
using conduit::testing::map_lookup;
using conduit::testing::TempFile;

Env make_env(std::map<std::string, std::string> variables) {
    return Env(map_lookup(std::move(variables)));
}

// trim_trailing_newline

TEST(TrimTrailingNewline, RemovesOneLineFeed) {
    EXPECT_EQ(trim_trailing_newline("value\n"), "value");
}

TEST(TrimTrailingNewline, RemovesOneCarriageReturnLineFeed) {
    EXPECT_EQ(trim_trailing_newline("value\r\n"), "value");
}

TEST(TrimTrailingNewline, RemovesOnlyOneOfSeveralNewlines) {
    EXPECT_EQ(trim_trailing_newline("value\n\n"), "value\n");
    EXPECT_EQ(trim_trailing_newline("value\r\n\r\n"), "value\r\n");
    EXPECT_EQ(trim_trailing_newline("value\r\n\n"), "value\r\n");
}

TEST(TrimTrailingNewline, KeepsValueWithoutNewline) {
    EXPECT_EQ(trim_trailing_newline("value"), "value");
    EXPECT_EQ(trim_trailing_newline(""), "");
}

TEST(TrimTrailingNewline, KeepsInnerNewlines) {
    EXPECT_EQ(trim_trailing_newline("line1\nline2\r\nline3\n"), "line1\nline2\r\nline3");
}

TEST(TrimTrailingNewline, KeepsLoneCarriageReturn) {
    // A bare "\r" is not a newline in either convention, so it belongs to
    // the value.
    EXPECT_EQ(trim_trailing_newline("value\r"), "value\r");
}

// Env::raw and Env::string

TEST(EnvRaw, UnsetAndEmptyAreAbsent) {
    const Env env = make_env({{"EMPTY", ""}, {"SET", "x"}});
    EXPECT_EQ(env.raw("UNSET"), std::nullopt);
    EXPECT_EQ(env.raw("EMPTY"), std::nullopt);
    EXPECT_EQ(env.raw("SET"), "x"s);
}

TEST(EnvString, FallbackWhenUnsetOrEmpty) {
    const Env env = make_env({{"EMPTY", ""}, {"SET", "0.0.0.0"}});
    EXPECT_EQ(env.string("UNSET", "127.0.0.1"), "127.0.0.1");
    EXPECT_EQ(env.string("EMPTY", "127.0.0.1"), "127.0.0.1");
    EXPECT_EQ(env.string("SET", "127.0.0.1"), "0.0.0.0");
}

// Env::secret

TEST(EnvSecret, DirectValue) {
    const Env env = make_env({{"TOKEN", "direct-value"}});
    EXPECT_EQ(env.secret("TOKEN"), "direct-value"s);
}

TEST(EnvSecret, UnsetIsNullopt) {
    const Env env = make_env({});
    EXPECT_EQ(env.secret("TOKEN"), std::nullopt);
}

TEST(EnvSecret, DirectValueKeepsTrailingNewline) {
    // Only file content is trimmed, so a variable set directly is taken as is.
    const Env env = make_env({{"TOKEN", "value\n"}});
    EXPECT_EQ(env.secret("TOKEN"), "value\n"s);
}

TEST(EnvSecret, FileWithoutNewline) {
    TempFile file("file-value");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value"s);
}

TEST(EnvSecret, FileTrimsTrailingNewline) {
    TempFile file("file-value\n");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value"s);
}

TEST(EnvSecret, FileTrimsTrailingCrLf) {
    TempFile file("file-value\r\n");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value"s);
}

TEST(EnvSecret, FileTrimsOnlyOneNewline) {
    TempFile file("file-value\n\n");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value\n"s);
}

TEST(EnvSecret, FileKeepsInnerNewlines) {
    TempFile file("line1\nline2\r\nline3\n");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "line1\nline2\r\nline3"s);
}

TEST(EnvSecret, FileKeepsLoneTrailingCarriageReturn) {
    TempFile file("file-value\r");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value\r"s);
}

TEST(EnvSecret, FileKeepsBinaryBytes) {
    const std::string content("a\0b\xff", 4);
    TempFile file(content);
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), content);
}

TEST(EnvSecret, EmptyDirectValueFallsBackToFile) {
    TempFile file("file-value");
    const Env env = make_env({{"TOKEN", ""}, {"TOKEN_FILE", file.path()}});
    EXPECT_EQ(env.secret("TOKEN"), "file-value"s);
}

TEST(EnvSecret, BothSetIsErrorNamingBoth) {
    TempFile file("file-value-7c1e");
    const Env env = make_env({{"TOKEN", "direct-value-9a3f"}, {"TOKEN_FILE", file.path()}});
    const std::string message = config_error_message([&] { env.secret("TOKEN"); });
    EXPECT_NE(message.find("TOKEN "), std::string::npos) << message;
    EXPECT_NE(message.find("TOKEN_FILE"), std::string::npos) << message;
    EXPECT_EQ(message.find("direct-value-9a3f"), std::string::npos) << message;
    EXPECT_EQ(message.find("file-value-7c1e"), std::string::npos) << message;
}

TEST(EnvSecret, MissingFileIsErrorNamingVariable) {
    const std::string path =
        (std::filesystem::temp_directory_path() / "conduit-unit-no-such-file").string();
    const Env env = make_env({{"TOKEN_FILE", path}});
    const std::string message = config_error_message([&] { env.secret("TOKEN"); });
    EXPECT_NE(message.find("TOKEN_FILE"), std::string::npos) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
}

TEST(EnvSecret, DirectoryAsFileIsError) {
    const std::string path = std::filesystem::temp_directory_path().string();
    const Env env = make_env({{"TOKEN_FILE", path}});
    const std::string message = config_error_message([&] { env.secret("TOKEN"); });
    EXPECT_NE(message.find("TOKEN_FILE"), std::string::npos) << message;
}

TEST(EnvSecret, EmptyFileIsErrorNamingVariable) {
    TempFile file("");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    const std::string message = config_error_message([&] { env.secret("TOKEN"); });
    EXPECT_NE(message.find("TOKEN_FILE"), std::string::npos) << message;
    EXPECT_NE(message.find("empty"), std::string::npos) << message;
}

TEST(EnvSecret, FileWithOnlyNewlineIsEmpty) {
    TempFile file("\n");
    const Env env = make_env({{"TOKEN_FILE", file.path()}});
    const std::string message = config_error_message([&] { env.secret("TOKEN"); });
    EXPECT_NE(message.find("TOKEN_FILE"), std::string::npos) << message;
    EXPECT_NE(message.find("empty"), std::string::npos) << message;
}

// Env::integer and Env::millis

TEST(EnvInteger, FallbackWhenUnsetOrEmpty) {
    const Env env = make_env({{"EMPTY", ""}});
    EXPECT_EQ(env.integer("UNSET", 8080, 1, 65535), 8080);
    EXPECT_EQ(env.integer("EMPTY", 8080, 1, 65535), 8080);
}

TEST(EnvInteger, AcceptsRangeBounds) {
    const Env env = make_env({{"LOW", "1"}, {"HIGH", "65535"}, {"NEGATIVE", "-5"}});
    EXPECT_EQ(env.integer("LOW", 8080, 1, 65535), 1);
    EXPECT_EQ(env.integer("HIGH", 8080, 1, 65535), 65535);
    EXPECT_EQ(env.integer("NEGATIVE", 0, -10, 10), -5);
}

TEST(EnvInteger, RejectsBelowMinimum) {
    const Env env = make_env({{"LISTEN_PORT", "0"}});
    const std::string message =
        config_error_message([&] { env.integer("LISTEN_PORT", 8080, 1, 65535); });
    EXPECT_NE(message.find("LISTEN_PORT"), std::string::npos) << message;
    EXPECT_NE(message.find("\"0\""), std::string::npos) << message;
    EXPECT_NE(message.find("1 to 65535"), std::string::npos) << message;
}

TEST(EnvInteger, RejectsAboveMaximum) {
    const Env env = make_env({{"LISTEN_PORT", "65536"}});
    const std::string message =
        config_error_message([&] { env.integer("LISTEN_PORT", 8080, 1, 65535); });
    EXPECT_NE(message.find("LISTEN_PORT"), std::string::npos) << message;
    EXPECT_NE(message.find("65536"), std::string::npos) << message;
}

TEST(EnvInteger, RejectsNonNumericValues) {
    for (const std::string bad : {"abc", "12abc", " 80", "80 ", "+80", "8.0", "0x50", "1e3"}) {
        const Env env = make_env({{"LISTEN_PORT", bad}});
        const std::string message =
            config_error_message([&] { env.integer("LISTEN_PORT", 8080, 1, 65535); });
        EXPECT_NE(message.find("LISTEN_PORT"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find(bad), std::string::npos) << bad << ": " << message;
    }
}

TEST(EnvInteger, RejectsOverflow) {
    const Env env = make_env({{"DB_POOL_SIZE", "99999999999999999999"}});
    const std::string message =
        config_error_message([&] { env.integer("DB_POOL_SIZE", 4, 1, 256); });
    EXPECT_NE(message.find("DB_POOL_SIZE"), std::string::npos) << message;
    EXPECT_NE(message.find("99999999999999999999"), std::string::npos) << message;
}

TEST(EnvMillis, ReturnsMilliseconds) {
    const Env env = make_env({{"HTTP_READ_TIMEOUT_MS", "2500"}});
    EXPECT_EQ(env.millis("HTTP_READ_TIMEOUT_MS", 10'000, 100, 600'000),
              std::chrono::milliseconds(2500));
    EXPECT_EQ(env.millis("UNSET_MS", 10'000, 100, 600'000), std::chrono::milliseconds(10'000));
}

TEST(EnvMillis, RejectsOutOfRangeNamingVariable) {
    const Env env = make_env({{"HTTP_READ_TIMEOUT_MS", "99"}});
    const std::string message =
        config_error_message([&] { env.millis("HTTP_READ_TIMEOUT_MS", 10'000, 100, 600'000); });
    EXPECT_NE(message.find("HTTP_READ_TIMEOUT_MS"), std::string::npos) << message;
    EXPECT_NE(message.find("99"), std::string::npos) << message;
}

// Env::boolean

TEST(EnvBoolean, AcceptsTrueSpellings) {
    for (const std::string text : {"true", "1", "yes"}) {
        const Env env = make_env({{"MIGRATE_ON_START", text}});
        EXPECT_TRUE(env.boolean("MIGRATE_ON_START", false)) << text;
    }
}

TEST(EnvBoolean, AcceptsFalseSpellings) {
    for (const std::string text : {"false", "0", "no"}) {
        const Env env = make_env({{"MIGRATE_ON_START", text}});
        EXPECT_FALSE(env.boolean("MIGRATE_ON_START", true)) << text;
    }
}

TEST(EnvBoolean, FallbackWhenUnsetOrEmpty) {
    const Env env = make_env({{"EMPTY", ""}});
    EXPECT_TRUE(env.boolean("UNSET", true));
    EXPECT_FALSE(env.boolean("UNSET", false));
    EXPECT_TRUE(env.boolean("EMPTY", true));
}

TEST(EnvBoolean, InvalidValueNamesVariableAndValue) {
    for (const std::string bad : {"maybe", "2", "on", "t"}) {
        const Env env = make_env({{"MIGRATE_ON_START", bad}});
        const std::string message =
            config_error_message([&] { env.boolean("MIGRATE_ON_START", true); });
        EXPECT_NE(message.find("MIGRATE_ON_START"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find("\"" + bad + "\""), std::string::npos) << bad << ": " << message;
    }
}

}  // namespace
}  // namespace conduit::config
