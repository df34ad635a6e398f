// The app and kith-cli on one database at the same time: this process does what the app does (a
// reader connection refreshing the views, a writer connection logging meetings, a backup from a
// worker's own connection) while real `kith-cli import` processes write. Nothing may fail with
// "database is locked", deadlock, or leave the file damaged, and every write must be there.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/backup.h"
#include "db/database.h"
#include "db/manual_log.h"
#include "db/people_list.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "tests/app/cli/import_inputs.h"
#include "tests/app/cli/subprocess.h"

using namespace kith;
using namespace kith::test;

namespace {

std::unique_ptr<db::Database> open_or_stop(const fs::path& path) {
    auto r = db::Database::open(path);
    REQUIRE_MESSAGE(r.ok(), (r ? "" : r.error().message));
    return std::move(*r);
}

}  // namespace

TEST_CASE("the app's reader and writer and kith-cli imports share the database without errors") {
    TempDir dir;
    const KithCli cli(dir);
    constexpr int kImports = 4, kPerImport = 600, kLogs = 60;
    for (int i = 0; i < kImports; ++i)
        write_mbox(dir / ("mail-" + std::to_string(i) + ".mbox"), kPerImport,
                   "box" + std::to_string(i) + "-");
    cli.ok({"init"});

    std::int64_t person = 0;
    {
        auto setup = open_or_stop(cli.db);
        auto added = db::PeopleRepo(*setup).add("Ana Ruiz", "", core::from_unix(1790000000));
        REQUIRE(added.ok());
        person = *added;
    }

    std::atomic<bool> imports_done{false};
    std::vector<std::string> errors;
    std::mutex errors_mutex;
    const auto failed = [&](const std::string& who, const core::Error& e) {
        std::lock_guard lock(errors_mutex);
        errors.push_back(who + ": " + e.message);
    };

    // The app's main connection is open and has read before its workers open theirs: opening a
    // second connection in one process once dropped the first one's file locks.
    auto main_conn = open_or_stop(cli.db);
    REQUIRE(db::load_stats(*main_conn).ok());

    // The app's writer: quick logs, one transaction each, while imports run and after they end
    // (when the last kith-cli has exited).
    std::atomic<int> logs{0};
    std::thread writer([&] {
        auto conn = open_or_stop(cli.db);
        for (int after = 0; logs < kLogs || after < 5; ++logs) {
            if (imports_done) ++after;
            db::ManualLog log;
            log.person_ids = {person};
            log.at = core::from_unix(1790000000 + logs * 60);
            log.notes = "coffee " + std::to_string(logs);
            if (auto r = db::log_interaction(*conn, log, core::from_unix(1790100000)); !r)
                failed("writer", r.error());
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    // The app's reader: the views read again and again; and a backup from its own connection.
    int reads = 0;
    std::thread reader([&, conn = std::move(main_conn)] {
        bool backed_up = false;
        while (!imports_done || reads < 5) {
            if (auto r = db::load_people_list(*conn, false); !r) failed("reader", r.error());
            if (auto r = db::load_stats(*conn); !r) failed("reader", r.error());
            if (!backed_up) {
                auto b = db::rotate_backup(*conn, "daily", core::from_unix(1790100000), 10);
                if (!b) failed("backup", b.error());
                backed_up = true;
            }
            ++reads;
        }
    });
    // kith-cli imports, two at a time, in small batches so the writers interleave; in two waves,
    // so the app goes on writing between the last kith-cli of one wave exiting and the next
    // starting.
    std::vector<ProcessResult> results(kImports);
    for (int wave = 0; wave < kImports; wave += 2) {
        std::vector<std::thread> imports;
        for (int i = wave; i < std::min(wave + 2, kImports); ++i) {
            imports.emplace_back([&, i] {
                results[i] = cli.run({"import", "mbox",
                                      (dir / ("mail-" + std::to_string(i) + ".mbox")).string(),
                                      "--batch-size", "50", "--json"});
            });
        }
        for (auto& t : imports) t.join();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    imports_done = true;
    writer.join();
    reader.join();

    for (const auto& r : results) {
        INFO("kith-cli stderr: " << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("locked") == std::string::npos);
    }
    for (const auto& e : errors) CHECK_MESSAGE(false, e);
    CHECK(reads >= 5);
    SQLite::Database sql(cli.db, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(sql.execAndGet("SELECT count(*) FROM interactions").getInt() ==
          kImports * kPerImport + logs);
    CHECK(sql.execAndGet("SELECT count(*) FROM import_runs WHERE status = 'completed'").getInt() ==
          kImports);
    const auto backups = db::list_backups(cli.db);
    REQUIRE(backups.size() == 1);
    CHECK(db::check_database_file(backups.front().path).ok());
}

// POSIX record locks belong to the process, and closing ANY descriptor of a file drops all of
// them (sqlite.org/howtocorrupt.html §2.2). Opening a second connection in this process used to
// read the file's header through its own descriptor, silently dropping the lock that tells other
// processes this one still uses the WAL. The next kith-cli to exit then took that for "last
// user", checkpointed while this process wrote, and deleted the WAL and its index under it:
// writes lost and indexes out of step with their tables.
TEST_CASE("a second connection in the app keeps the first one's claim on the WAL") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"init"});
    auto first = open_or_stop(cli.db);
    REQUIRE(db::load_stats(*first).ok());  // a read: in WAL mode the connection keeps its lock
    auto second = open_or_stop(cli.db);    // e.g. a worker thread opening its own connection
    REQUIRE(db::load_stats(*second).ok());

    cli.ok({"stats"});  // another process opens the database and exits
    const fs::path wal = cli.db.string() + "-wal";
    CHECK_MESSAGE(fs::exists(wal), "a process that exited deleted the WAL this one still uses");

    REQUIRE(db::PeopleRepo(*first).add("Ana Ruiz", "", core::from_unix(1790000000)).ok());
    REQUIRE(db::PeopleRepo(*second).add("Bo Lind", "", core::from_unix(1790000000)).ok());
    // What this process committed must be what every other process sees.
    CHECK(cli.json({"stats"}).value("people", -1) == 2);
}
