#include "db/migrate.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "db/connect_params.h"
#include "db/result.h"

namespace conduit::db {
namespace {

// Arbitrary constant that identifies this application's migration lock.
constexpr long long kMigrationLockKey = 0x636f6e6475697401;  // "conduit\1"

struct ConnectionCloser {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
using BlockingConnection = std::unique_ptr<PGconn, ConnectionCloser>;

BlockingConnection open(const ConnectOptions& options, std::chrono::milliseconds timeout) {
    ConnectParams params(options, "conduit-migrate");
    params.add("connect_timeout",
               std::to_string(std::max<long long>(
                   1, std::chrono::duration_cast<std::chrono::seconds>(timeout).count())));
    BlockingConnection conn(PQconnectdbParams(params.keywords(), params.values(), 1));
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
        throw std::runtime_error(
            fmt::format("connecting to the database failed: {}",
                        one_line(conn ? PQerrorMessage(conn.get()) : "out of memory")));
    }
    return conn;
}

Result run(PGconn* conn, const std::string& sql, const std::string& context) {
    Result result(PQexec(conn, sql.c_str()));
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error(
            fmt::format("{} failed: {}", context, one_line(PQerrorMessage(conn))));
    }
    return result;
}

}  // namespace

std::vector<Migration> load_migrations(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::directory_iterator entries(dir, ec);
    if (ec) {
        throw std::runtime_error(fmt::format(
            "MIGRATIONS_DIR={}: cannot read the folder ({}); expected the db/migrations folder",
            dir, ec.message()));
    }

    std::vector<Migration> migrations;
    for (const auto& entry : entries) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".sql") continue;
        Migration migration;
        auto [end, parse_ec] =
            std::from_chars(name.data(), name.data() + name.size(), migration.version);
        if (parse_ec != std::errc() || *end != '_' || migration.version <= 0) {
            throw std::runtime_error(fmt::format(
                "migration file {} has no version prefix; expected a name like 0001_name.sql",
                name));
        }
        std::ifstream in(entry.path());
        std::ostringstream sql;
        sql << in.rdbuf();
        migration.name = name;
        migration.sql = sql.str();
        migrations.push_back(std::move(migration));
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < migrations.size(); ++i) {
        if (migrations[i].version == migrations[i - 1].version) {
            throw std::runtime_error(fmt::format("migrations {} and {} have the same version",
                                                 migrations[i - 1].name, migrations[i].name));
        }
    }
    return migrations;
}

MigrationReport apply_migrations(const ConnectOptions& options,
                                 const std::vector<Migration>& migrations,
                                 std::chrono::milliseconds connect_timeout) {
    auto conn = open(options, connect_timeout);
    PGconn* c = conn.get();
    // Silence NOTICEs such as "relation already exists, skipping".
    run(c, "SET client_min_messages = warning", "setting client_min_messages");

    // The lock is taken before the bookkeeping table is created: concurrent
    // CREATE TABLE IF NOT EXISTS can still fail on the catalog's unique index.
    run(c, fmt::format("SELECT pg_advisory_lock({})", kMigrationLockKey),
        "taking the migration lock");
    run(c,
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version bigint PRIMARY KEY,"
        " name text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())",
        "creating schema_migrations");

    std::set<long> applied;
    Result rows = run(c, "SELECT version FROM schema_migrations", "reading schema_migrations");
    for (int i = 0; i < rows.rows(); ++i) applied.insert(static_cast<long>(rows.integer(i, 0)));

    MigrationReport report;
    for (const auto& migration : migrations) {
        if (applied.contains(migration.version)) {
            ++report.already_applied;
            continue;
        }
        const std::string context = fmt::format("migration {}", migration.name);
        run(c, "BEGIN", context);
        try {
            run(c, migration.sql, context);
            const std::string version = std::to_string(migration.version);
            const char* params[] = {version.c_str(), migration.name.c_str()};
            Result insert(
                PQexecParams(c, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", 2,
                             nullptr, params, nullptr, nullptr, 0));
            if (PQresultStatus(insert.get()) != PGRES_COMMAND_OK) {
                throw std::runtime_error(
                    fmt::format("{} failed: {}", context, one_line(PQerrorMessage(c))));
            }
            run(c, "COMMIT", context);
        } catch (...) {
            PQclear(PQexec(c, "ROLLBACK"));
            throw;
        }
        report.applied.push_back(migration.name);
    }
    run(c, fmt::format("SELECT pg_advisory_unlock({})", kMigrationLockKey),
        "releasing the migration lock");
    return report;
}

}  // namespace conduit::db
