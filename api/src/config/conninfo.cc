#include "config/conninfo.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>

#include "config/env.h"

namespace conduit::config {
namespace {

struct ConninfoFree {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using ConninfoOptions = std::unique_ptr<PQconninfoOption, ConninfoFree>;

}  // namespace

void validate_conninfo(std::string_view variable, const std::string& conninfo) {
    char* error = nullptr;
    ConninfoOptions options(PQconninfoParse(conninfo.c_str(), &error));
    if (options) return;

    std::string reason = error != nullptr ? error : "unknown error";
    PQfreemem(error);
    // libpq's message may quote the offending part of the string, which may
    // be the password, so only its first line's generic part is kept.
    if (auto quote = reason.find('"'); quote != std::string::npos) reason.resize(quote);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    throw ConfigError(fmt::format(
        "{} is not a valid libpq connection string ({}); expected a URI such as "
        "postgresql://user@host:5432/dbname or key=value pairs such as host=db dbname=conduit",
        variable, reason));
}

std::string redact_conninfo(const std::string& conninfo) {
    char* error = nullptr;
    ConninfoOptions options(PQconninfoParse(conninfo.c_str(), &error));
    PQfreemem(error);
    if (!options) return "(unparsable)";

    std::string out;
    for (auto* option = options.get(); option->keyword != nullptr; ++option) {
        if (option->val == nullptr || *option->val == '\0') continue;
        // "password" and "sslpassword" both hold secrets.
        const bool secret = std::string_view(option->keyword).ends_with("password");
        if (!out.empty()) out += ' ';
        out += fmt::format("{}={}", option->keyword, secret ? "***" : option->val);
    }
    return out;
}

}  // namespace conduit::config
