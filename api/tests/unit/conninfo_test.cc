#include "config/conninfo.h"

#include <gtest/gtest.h>

#include <string>

#include "config/env.h"

namespace conduit::config {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(RedactConninfo, UriHidesPassword) {
    const std::string redacted =
        redact_conninfo("postgresql://conduit:Hunter2SecretPw@db.internal:5433/conduit");
    EXPECT_FALSE(contains(redacted, "Hunter2SecretPw")) << redacted;
    EXPECT_TRUE(contains(redacted, "password=***")) << redacted;
    EXPECT_TRUE(contains(redacted, "user=conduit")) << redacted;
    EXPECT_TRUE(contains(redacted, "host=db.internal")) << redacted;
    EXPECT_TRUE(contains(redacted, "port=5433")) << redacted;
    EXPECT_TRUE(contains(redacted, "dbname=conduit")) << redacted;
}

TEST(RedactConninfo, UriPercentEncodedPasswordHidden) {
    // libpq decodes "%40" to "@", so neither spelling may appear.
    const std::string redacted = redact_conninfo("postgresql://conduit:pa%40ss-Word9@db/conduit");
    EXPECT_FALSE(contains(redacted, "pa%40ss-Word9")) << redacted;
    EXPECT_FALSE(contains(redacted, "pa@ss-Word9")) << redacted;
    EXPECT_TRUE(contains(redacted, "password=***")) << redacted;
}

TEST(RedactConninfo, UriQueryPasswordHidden) {
    const std::string redacted =
        redact_conninfo("postgresql://db/conduit?user=conduit&password=QuerySecretPw");
    EXPECT_FALSE(contains(redacted, "QuerySecretPw")) << redacted;
    EXPECT_TRUE(contains(redacted, "password=***")) << redacted;
    EXPECT_TRUE(contains(redacted, "user=conduit")) << redacted;
}

TEST(RedactConninfo, KeyValueHidesPassword) {
    const std::string redacted =
        redact_conninfo("host=db port=5433 dbname=conduit user=conduit password=KvSecretPw");
    EXPECT_FALSE(contains(redacted, "KvSecretPw")) << redacted;
    EXPECT_TRUE(contains(redacted, "password=***")) << redacted;
    EXPECT_TRUE(contains(redacted, "host=db")) << redacted;
    EXPECT_TRUE(contains(redacted, "port=5433")) << redacted;
}

TEST(RedactConninfo, KeyValueQuotedPasswordHidden) {
    const std::string redacted =
        redact_conninfo("host=db password='Quoted Secret\\'Pw' dbname=conduit");
    EXPECT_FALSE(contains(redacted, "Quoted")) << redacted;
    EXPECT_FALSE(contains(redacted, "Secret")) << redacted;
    EXPECT_TRUE(contains(redacted, "password=***")) << redacted;
    EXPECT_TRUE(contains(redacted, "dbname=conduit")) << redacted;
}

TEST(RedactConninfo, SslKeyPasswordHidden) {
    // sslpassword decrypts the client key, so it is as secret as password.
    const std::string redacted =
        redact_conninfo("host=db sslkey=/run/client.key sslpassword=KeySecretPw");
    EXPECT_FALSE(contains(redacted, "KeySecretPw")) << redacted;
    EXPECT_TRUE(contains(redacted, "sslpassword=***")) << redacted;
}

TEST(RedactConninfo, WithoutPasswordKeepsFields) {
    const std::string redacted = redact_conninfo("postgresql://conduit@127.0.0.1:5433/conduit");
    EXPECT_FALSE(contains(redacted, "password")) << redacted;
    EXPECT_TRUE(contains(redacted, "user=conduit")) << redacted;
    EXPECT_TRUE(contains(redacted, "host=127.0.0.1")) << redacted;
}

TEST(RedactConninfo, UnparsableHidesEverything) {
    EXPECT_EQ(redact_conninfo("host=db password=BrokenSecretPw bogus=1"), "(unparsable)");
    EXPECT_EQ(redact_conninfo("postgresql://u:BrokenSecretPw@db/x?bogus=1"), "(unparsable)");
}

TEST(ValidateConninfo, AcceptsUriAndKeyValue) {
    EXPECT_NO_THROW(validate_conninfo("DATABASE_URL", "postgresql://u:p@db:5432/conduit"));
    EXPECT_NO_THROW(validate_conninfo("DATABASE_URL", "postgres://db/conduit"));
    EXPECT_NO_THROW(validate_conninfo("DATABASE_URL", "host=db dbname=conduit password=x"));
}

TEST(ValidateConninfo, RejectsNamingVariableWithoutValue) {
    try {
        validate_conninfo("SOME_URL", "host=db password=RejectSecretPw bogus=1");
        FAIL() << "expected ConfigError";
    } catch (const ConfigError& error) {
        const std::string message = error.what();
        EXPECT_TRUE(contains(message, "SOME_URL")) << message;
        EXPECT_FALSE(contains(message, "RejectSecretPw")) << message;
        EXPECT_FALSE(contains(message, "bogus")) << message;
    }
}

}  // namespace
}  // namespace conduit::config
