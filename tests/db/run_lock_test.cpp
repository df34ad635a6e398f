// A run left 'running' by a process that died is recognised and marked failed; a live run,
// in this process or another, is left alone.
#include "db/run_lock.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "db/database.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;

namespace {

/// A 'running' run row as a process leaves it before it finishes.
std::int64_t insert_running_run(db::Database& database) {
    database.sql().exec(
        "INSERT OR IGNORE INTO sources(id, kind, location, created_at) VALUES (1, 'mbox', "
        "'/x.mbox', 0)");
    database.sql().exec(
        "INSERT INTO import_runs(source_id, started_at, status) VALUES (1, 0, 'running')");
    return database.sql().getLastInsertRowid();
}

std::string status_of(db::Database& database, std::int64_t run) {
    return database.sql()
        .execAndGet("SELECT status || ':' || coalesce(error, '') FROM import_runs WHERE id = " +
                    std::to_string(run))
        .getString();
}

}  // namespace

TEST_CASE("a running run whose process is gone is marked failed on the next open") {
    TempDir dir;
    std::int64_t orphan = 0, live = 0;
    {
        auto database = new_db(dir);
        orphan = insert_running_run(*database);
        live = insert_running_run(*database);
    }
    // A child process holds the live run's lock, as a running kith-cli does, then is killed.
    int ready[2], stop[2];
    REQUIRE(::pipe(ready) == 0);
    REQUIRE(::pipe(stop) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto lock = db::RunLock::acquire(dir / "kith.db", live);
        const char c = lock ? 'y' : 'n';
        (void)!::write(ready[1], &c, 1);
        char x;
        (void)!::read(stop[0], &x, 1);
        ::_exit(0);
    }
    char c = 0;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    REQUIRE(c == 'y');
    CHECK(db::RunLock::held(dir / "kith.db", live));
    CHECK(!db::RunLock::held(dir / "kith.db", orphan));
    {
        auto database = open_db(dir / "kith.db");
        CHECK(status_of(*database, orphan).starts_with("failed:interrupted"));
        CHECK(status_of(*database, live) == "running:");
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(!db::RunLock::held(dir / "kith.db", live));
    auto database = open_db(dir / "kith.db");
    CHECK(status_of(*database, live).starts_with("failed:interrupted"));
    auto again = db::fail_abandoned_runs(*database, kNow);
    REQUIRE(again.ok());
    CHECK(*again == 0);
}

TEST_CASE("a run of this process, seen through another connection, is alive") {
    TempDir dir;
    auto database = new_db(dir);
    const auto run = insert_running_run(*database);
    auto lock = db::RunLock::acquire(dir / "kith.db", run);
    REQUIRE_MESSAGE(lock.ok(), error_text(lock));
    auto worker = open_db(dir / "kith.db");
    auto n = db::fail_abandoned_runs(*worker, kNow);
    REQUIRE(n.ok());
    CHECK(*n == 0);
    CHECK(status_of(*worker, run) == "running:");
    { auto moved = std::move(*lock); }  // released with its last owner
    n = db::fail_abandoned_runs(*worker, kNow);
    REQUIRE(n.ok());
    CHECK(*n == 1);
}
