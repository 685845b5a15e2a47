// /api/users (register, login) and /api/user (current user, update).

#include <boost/json/object.hpp>

#include "auth/password_hasher.h"
#include "auth/token.h"
#include "conduit/current_user.h"
#include "conduit/handlers.h"
#include "conduit/json_input.h"
#include "conduit/views.h"
#include "db/errors.h"
#include "http/api_error.h"
#include "http/response.h"

namespace conduit {
namespace {

using http::Awaitable;
using http::RequestContext;
using http::Response;
using http::Status;

constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 64;
constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMaxEmail = 254;

const db::Statement kFindTaken(
    "user_find_taken",
    "SELECT bool_or(lower(username) = lower($1)), bool_or(lower(email) = lower($2)) FROM users"
    " WHERE lower(username) = lower($1) OR lower(email) = lower($2)");
const db::Statement kInsertUser(
    "user_insert",
    "INSERT INTO users AS u (username, email, password_hash) VALUES ($1, $2, $3)"
    " RETURNING " CONDUIT_USER_COLUMNS);
const db::Statement kFindByEmail("user_find_by_email",
                                 "SELECT " CONDUIT_USER_COLUMNS
                                 ", u.password_hash FROM users u WHERE lower(u.email) = lower($1)");
const db::Statement kFindById("user_find_by_id",
                              "SELECT " CONDUIT_USER_COLUMNS " FROM users u WHERE u.id = $1");
// $3/$4: new email/username or NULL to keep; $5: new hash or NULL; $6/$8:
// whether bio/image change; $7/$9: their new values (NULL clears).
const db::Statement kUpdateUser("user_update",
                                "UPDATE users AS u SET"
                                " email = COALESCE($2, u.email),"
                                " username = COALESCE($3, u.username),"
                                " password_hash = COALESCE($4, u.password_hash),"
                                " bio = CASE WHEN $5 THEN $6 ELSE u.bio END,"
                                " image = CASE WHEN $7 THEN $8 ELSE u.image END,"
                                " updated_at = now()"
                                " WHERE u.id = $1 RETURNING " CONDUIT_USER_COLUMNS);

Response user_response(Status status, const db::Result& result, std::string_view token) {
    return http::json_response(status, {{"user", views::user(result, 0, token)}});
}

void validate_username(const std::string& username) {
    if (count_characters(username) > kMaxUsername) {
        throw http::unprocessable("username", "is too long (maximum is 64 characters)");
    }
}

void validate_email(const std::string& email) {
    const auto at = email.find('@');
    if (email.size() > kMaxEmail || at == std::string::npos || at == 0 || at + 1 == email.size() ||
        email.find('@', at + 1) != std::string::npos ||
        email.find_first_of(" \t\r\n") != std::string::npos) {
        throw http::unprocessable("email", "is invalid");
    }
}

void validate_password(const std::string& password) {
    const auto length = count_characters(password);
    if (length < kMinPassword) {
        throw http::unprocessable("password", "is too short (minimum is 8 characters)");
    }
    if (length > kMaxPassword) {
        throw http::unprocessable("password", "is too long (maximum is 64 characters)");
    }
}

// Maps a unique violation on users to 409 on the field it concerns.
[[noreturn]] void throw_conflict(const db::QueryError& error) {
    const auto& constraint = error.constraint();
    if (constraint == "users_username_key" || constraint == "users_username_lower_key") {
        throw http::conflict("username");
    }
    if (error.constraint() == "users_email_key") throw http::conflict("email");
    throw error;
}

Awaitable<std::string> hash_password(RequestContext& context, std::string password) {
    try {
        co_return co_await context.services.passwords.hash(std::move(password));
    } catch (const auth::PasswordHasher::Overloaded&) {
    }
    throw http::ApiError(Status::service_unavailable, "server", "busy, retry later");
}

Awaitable<Response> register_user(RequestContext& context) {
    const auto input = parse_wrapped_body(context.request, "user");
    std::string username = require_string(input, "username");
    std::string email = require_string(input, "email");
    std::string password = require_string(input, "password");
    validate_username(username);
    validate_email(email);
    validate_password(password);

    // Reject a taken name before paying for the hash; the unique
    // constraints still decide races.
    auto existing = co_await context.db(db::Query(kFindTaken).bind(username).bind(email));
    if (existing.boolean(0, 0)) throw http::conflict("username");
    if (existing.boolean(0, 1)) throw http::conflict("email");

    std::string hash = co_await hash_password(context, std::move(password));
    std::optional<db::Result> created;
    try {
        created = co_await context.db(db::Query(kInsertUser).bind(username).bind(email).bind(hash));
    } catch (const db::QueryError& e) {
        if (!e.is_unique_violation()) throw;
        throw_conflict(e);
    }
    const auto token = context.services.tokens.issue(created->integer(0, 0));
    co_return user_response(Status::created, *created, token);
}

Awaitable<Response> login(RequestContext& context) {
    const auto input = parse_wrapped_body(context.request, "user");
    std::string email = require_string(input, "email");
    std::string password = require_string(input, "password");

    auto found = co_await context.db(db::Query(kFindByEmail).bind(email));
    // NOTE: login fails faster for an unknown email than for a wrong
    // password, so a client that measures timing learns which accounts exist.
    bool valid = false;
    bool overloaded = false;
    if (!found.empty()) {
        try {
            valid = co_await context.services.passwords.verify(std::string(found.text(0, 5)),
                                                               std::move(password));
        } catch (const auth::PasswordHasher::Overloaded&) {
            overloaded = true;
        }
    }
    if (overloaded)
        throw http::ApiError(Status::service_unavailable, "server", "busy, retry later");
    if (!valid) throw http::ApiError(Status::unauthorized, "credentials", "invalid");
    const auto token = context.services.tokens.issue(found.integer(0, 0));
    co_return user_response(Status::ok, found, token);
}

Awaitable<Response> current_user(RequestContext& context) {
    const auto caller = require_caller(context);
    auto found = co_await context.db(db::Query(kFindById).bind(caller.user_id));
    // A valid token for a deleted user.
    if (found.empty()) throw http::unauthorized("is invalid");
    co_return user_response(Status::ok, found, caller.token);
}

Awaitable<Response> update_user(RequestContext& context) {
    const auto caller = require_caller(context);
    const auto input = parse_wrapped_body(context.request, "user");

    auto email = read_string(input, "email");
    auto username = read_string(input, "username");
    auto password = read_string(input, "password");
    const auto bio = read_string(input, "bio");
    const auto image = read_string(input, "image");
    if (email.present && (email.is_null || is_blank(email.value))) {
        throw http::unprocessable("email", "can't be blank");
    }
    if (username.present && (username.is_null || is_blank(username.value))) {
        throw http::unprocessable("username", "can't be blank");
    }
    if (password.present && (password.is_null || password.value.empty())) {
        throw http::unprocessable("password", "can't be blank");
    }
    const bool any_field =
        email.present || username.present || password.present || bio.present || image.present;
    if (!any_field) {
        throw http::unprocessable(
            "user", "must contain at least one of email, username, password, bio, image");
    }
    if (email.present) validate_email(email.value);
    if (username.present) validate_username(username.value);
    if (password.present) validate_password(password.value);

    std::optional<std::string> hash;
    if (password.present) hash = co_await hash_password(context, std::move(password.value));

    // "" and null both clear bio and image.
    auto cleared = [](const OptionalString& field) -> std::optional<std::string> {
        if (field.is_null || field.value.empty()) return std::nullopt;
        return field.value;
    };
    db::Query update(kUpdateUser);
    update.bind(caller.user_id)
        .bind(email.present ? std::optional(email.value) : std::nullopt)
        .bind(username.present ? std::optional(username.value) : std::nullopt)
        .bind(hash)
        .bind(bio.present)
        .bind(cleared(bio))
        .bind(image.present)
        .bind(cleared(image));
    std::optional<db::Result> updated;
    try {
        updated = co_await context.db(update);
    } catch (const db::QueryError& e) {
        if (!e.is_unique_violation()) throw;
        throw_conflict(e);
    }
    if (updated->empty()) throw http::unauthorized("is invalid");
    const auto token = context.services.tokens.issue(caller.user_id);
    co_return user_response(Status::ok, *updated, token);
}

}  // namespace

void add_user_routes(http::Router& router) {
    router.add(http::Verb::post, "/api/users", register_user);
    router.add(http::Verb::post, "/api/users/login", login);
    router.add(http::Verb::get, "/api/user", current_user);
    router.add(http::Verb::put, "/api/user", update_user);
}

}  // namespace conduit
