// Crash safety: the real `kith-cli import` killed with SIGKILL at 20 seeded random moments, for an
// mbox, an X archive and a WordPress export. After each kill the database is sound, holds only
// whole batches, and the rerun ends exactly where an uninterrupted import does.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "tests/app/cli/import_inputs.h"
#include "tests/app/cli/subprocess.h"

using namespace kith::test;

namespace {

constexpr int kKillPoints = 20;
constexpr int kBatch = 25;  // small batches: kills land between and inside many commits

struct Format {
    const char* kind;
    const char* file;
    void (*write)(const fs::path&, int);
    int records;
};

void write_mbox_input(const fs::path& p, int n) {
    write_mbox(p, n);
}

/// What a killed run left, read as the next open would read it (the WAL is recovered).
struct AfterKill {
    std::string integrity;
    std::int64_t interactions = 0;
    std::int64_t incomplete = 0;  ///< interactions without participants: half-written records
    std::int64_t running = 0;     ///< runs the killed process left 'running'
};

AfterKill inspect(const fs::path& db) {
    AfterKill a;
    SQLite::Database sql(db, SQLite::OPEN_READWRITE);
    a.integrity = sql.execAndGet("PRAGMA integrity_check").getString();
    if (sql.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'import_runs'").getInt() ==
        0)
        return a;  // killed before the schema was committed
    a.interactions = sql.execAndGet("SELECT count(*) FROM interactions").getInt64();
    a.incomplete = sql.execAndGet(
                          "SELECT count(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 "
                          "FROM participants p WHERE p.interaction_id = i.id)")
                       .getInt64();
    a.running =
        sql.execAndGet("SELECT count(*) FROM import_runs WHERE status = 'running'").getInt64();
    return a;
}

std::int64_t interrupted_runs(const fs::path& db) {
    SQLite::Database sql(db, SQLite::OPEN_READONLY);
    return sql
        .execAndGet(
            "SELECT count(*) FROM import_runs WHERE status = 'failed' AND error LIKE "
            "'interrupted%'")
        .getInt64();
}

std::vector<std::string> import_args(const fs::path& db, const Format& f, const fs::path& input) {
    return {KithCli::program(), "--db",         db.string(),           "import", f.kind,
            input.string(),     "--batch-size", std::to_string(kBatch)};
}

}  // namespace

TEST_CASE("imports killed at 20 random moments leave a sound database that a rerun completes") {
    const Format formats[] = {
        {"mbox", "mail.mbox", write_mbox_input, 600},
        {"twitter", "x-archive.zip", write_x_archive, 600},
        {"wxr", "export.xml", write_wxr, 600},
    };
    std::mt19937 rng(20261129);  // fixed: the same kill moments on every run
    int total_mid_run = 0;
    for (const auto& f : formats) {
        CAPTURE(std::string(f.kind));
        TempDir dir;
        const KithCli cli(dir);
        const auto input = dir / f.file;
        f.write(input, f.records);

        // The uninterrupted import: the reference contents and how long a run takes.
        const auto base = dir / "base.db";
        const auto started = std::chrono::steady_clock::now();
        auto r = run_process(import_args(base, f, input), cli.env);
        const auto took = std::chrono::steady_clock::now() - started;
        INFO("stderr: " << r.err);
        REQUIRE(r.exit_code == 0);
        const auto expected = content_digest(base);
        std::int64_t total = 0;
        {
            SQLite::Database sql(base, SQLite::OPEN_READONLY);
            total = sql.execAndGet("SELECT count(*) FROM interactions").getInt64();
        }
        REQUIRE(total == f.records);  // every record is an interaction: batches are countable
        MESSAGE(f.kind << ": an uninterrupted import takes "
                       << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                       << " ms");

        std::uniform_int_distribution<long> moment(
            0, std::chrono::duration_cast<std::chrono::microseconds>(took).count());
        int killed_mid_run = 0;
        for (int point = 0; point < kKillPoints; ++point) {
            const auto delay = std::chrono::microseconds(moment(rng));
            CAPTURE(point);
            CAPTURE(delay.count());
            const auto db = dir / ("killed-" + std::to_string(point) + ".db");
            const pid_t pid = spawn_process(import_args(db, f, input), cli.env);
            std::this_thread::sleep_for(delay);
            ::kill(pid, SIGKILL);
            int status = 0;
            ::waitpid(pid, &status, 0);
            const bool was_killed = WIFSIGNALED(status);

            std::int64_t left_running = 0;
            if (fs::exists(db)) {
                const auto after = inspect(db);
                CHECK(after.integrity == "ok");
                CHECK(after.incomplete == 0);
                // Only whole batches are visible (or everything, when the last one committed).
                CHECK((after.interactions % kBatch == 0 || after.interactions == total));
                left_running = after.running;
                if (was_killed && after.interactions > 0 && after.interactions < total)
                    ++killed_mid_run;
            }

            auto rerun = run_process(import_args(db, f, input), cli.env);
            INFO("rerun stderr: " << rerun.err);
            REQUIRE(rerun.exit_code == 0);
            CHECK(content_digest(db) == expected);
            CHECK(interrupted_runs(db) == left_running);
            SQLite::Database sql(db, SQLite::OPEN_READONLY);
            CHECK(sql.execAndGet("SELECT count(*) FROM import_runs WHERE status = 'running'")
                      .getInt() == 0);
            CHECK(sql.execAndGet("SELECT status FROM import_runs ORDER BY id DESC LIMIT 1")
                      .getString() == "completed");
        }
        MESSAGE(f.kind << ": " << killed_mid_run << " of " << kKillPoints
                       << " kills landed after some batches and before the last");
        total_mid_run += killed_mid_run;
    }
    // The moments are spread over whole runs (start-up included, which varies with the machine's
    // load); across the three formats some kills must land between the first and last batch.
    CHECK(total_mid_run >= 1);
}
