// Migrations against the real test cluster: idempotence and concurrent runs.

#include "db/migrate.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <future>
#include <vector>

#include "support/api_process.h"
#include "support/test_cluster.h"

namespace conduit::testing {
namespace {

db::ConnectOptions options() {
    auto& cluster = TestCluster::get();
    return {cluster.database_url(), cluster.password(), std::chrono::milliseconds(5000)};
}

std::vector<db::Migration> migrations() { return db::load_migrations(CONDUIT_MIGRATIONS_DIR); }

// Drops every table, so that the next migration run starts from nothing.
void reset_schema() { execute_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"); }

TEST(Migrations, SecondRunAppliesNothing) {
    reset_schema();
    const auto all = migrations();
    ASSERT_FALSE(all.empty());

    const auto first = db::apply_migrations(options(), all, std::chrono::seconds(5));
    EXPECT_EQ(first.applied.size(), all.size());
    EXPECT_EQ(first.already_applied, 0U);

    const auto second = db::apply_migrations(options(), all, std::chrono::seconds(5));
    EXPECT_TRUE(second.applied.empty());
    EXPECT_EQ(second.already_applied, all.size());
}

TEST(Migrations, ConcurrentRunsApplyEachOnce) {
    reset_schema();
    const auto all = migrations();
    std::vector<std::future<db::MigrationReport>> runs;
    for (int i = 0; i < 4; ++i) {
        runs.push_back(std::async(std::launch::async, [&all] {
            return db::apply_migrations(options(), all, std::chrono::seconds(5));
        }));
    }
    std::size_t applied = 0;
    for (auto& run : runs) {
        auto report = run.get();  // rethrows a failed run
        applied += report.applied.size();
    }
    EXPECT_EQ(applied, all.size());
}

TEST(Migrations, MigrateCommandExitsZero) {
    std::string output;
    const int code = run_api_command("migrate", base_environment(), output);
    EXPECT_EQ(code, 0) << output;
    EXPECT_NE(output.find("migrations applied"), std::string::npos) << output;
}

TEST(Migrations, BadFileNameIsRejected) {
    char dir[] = "/tmp/conduit-migrations-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    const std::string path = std::string(dir) + "/create_things.sql";
    ASSERT_EQ(std::system(("touch " + path).c_str()), 0);
    EXPECT_THROW(db::load_migrations(dir), std::runtime_error);
    std::system((std::string("rm -rf ") + dir).c_str());
}

}  // namespace
}  // namespace conduit::testing
