// Bad input and unusable databases on the real kith-cli: every failure is exactly one line on
// stderr with a hint, a non-zero exit code, nothing on stdout, and the database file unchanged.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "tests/app/cli/subprocess.h"
#include "tests/db/schema_fixtures.h"

using namespace kith::test;

namespace {

using Args = std::vector<std::string>;

/// Exit codes of run_cli.
constexpr int kFailed = 1, kBadInput = 2, kNotFound = 3, kLocked = 4;

/// A database with Ana Ruiz and one meeting with her.
void seed(const KithCli& cli) {
    cli.ok({"log", "Ana Ruiz", "--yes", "--notes", "coffee"});
}

/// Runs `args`, expecting the failure contract and the database file exactly as before.
void expect_refused_untouched(const KithCli& cli, const Args& args, int code,
                              const std::string& message, const std::string& hint) {
    std::string command;
    for (const auto& a : args) command += a + " ";
    CAPTURE(command);
    const auto before = file_digest(cli.db);
    expect_clean_failure(cli.run(args), code, message, hint);
    CHECK(file_digest(cli.db) == before);
}

/// A read command, the digest, a search, a write and an import: each must refuse a bad file.
std::vector<Args> every_kind_of_command(const TempDir& dir) {
    write_file(dir / "one.jsonl",
               R"({"type":"interaction","id":"x1","at":"2026-11-20","participants":["a@b.org"]})"
               "\n");
    return {{"stats", "--json"},
            {"today", "--json"},
            {"search", "ana"},
            {"log", "Ana Ruiz", "--yes", "--notes", "tea"},
            {"import", "jsonl", (dir / "one.jsonl").string()}};
}

/// Another program holding a database's write lock: a child process that runs BEGIN EXCLUSIVE
/// and keeps the transaction open until the holder is destroyed. (A connection in this process
/// would lose its POSIX locks whenever the test reads the file to digest it.)
class LockHolder {
  public:
    explicit LockHolder(const fs::path& db) {
        int ready[2], release[2];
        REQUIRE(::pipe(ready) == 0);
        REQUIRE(::pipe(release) == 0);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::close(ready[0]);
            ::close(release[1]);
            char ok = 'n';
            try {
                SQLite::Database sql(db, SQLite::OPEN_READWRITE);
                sql.exec("BEGIN EXCLUSIVE");
                ok = 'y';
                (void)!::write(ready[1], &ok, 1);
                char c;
                (void)!::read(release[0], &c, 1);  // returns at EOF: the holder was destroyed
                sql.exec("ROLLBACK");
            } catch (...) {
                (void)!::write(ready[1], &ok, 1);
            }
            ::_exit(0);
        }
        ::close(ready[1]);
        ::close(release[0]);
        m_release = release[1];
        char ok = 'n';
        const auto n = ::read(ready[0], &ok, 1);
        ::close(ready[0]);
        REQUIRE_MESSAGE((n == 1 && ok == 'y'), "the lock holder could not lock the database");
    }
    ~LockHolder() {
        ::close(m_release);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    LockHolder(const LockHolder&) = delete;
    LockHolder& operator=(const LockHolder&) = delete;

  private:
    pid_t m_pid = -1;
    int m_release = -1;
};

/// A Kith database of 20 demo people (large enough that its middle holds table pages).
void write_demo_database(const KithCli& cli) {
    cli.ok({"demo", "--people", "20", "--interactions", "20"});
}

}  // namespace

TEST_CASE("a file that is not a usable Kith database is refused by every command untouched") {
    struct Row {
        const char* what;
        std::function<void(const KithCli&)> make;
        const char* message;
        const char* hint;
    };
    const Row rows[] = {
        {"a text file",
         [](const KithCli& c) { write_file(c.db, "name,email\nAna Ruiz,ana@example.org\n"); },
         "not a Kith database", "Check the path"},
        {"another program's SQLite database",
         [](const KithCli& c) {
             SQLite::Database sql(c.db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
             sql.exec("CREATE TABLE contacts(name TEXT)");
         },
         "belongs to another program", "Check the path"},
        {"a Kith database cut to half its size",
         [](const KithCli& c) {
             write_demo_database(c);
             truncate_half(c.db);
         },
         "damaged", "Restore the newest copy"},
        {"a database from a newer Kith",
         [](const KithCli& c) {
             seed(c);
             SQLite::Database sql(c.db, SQLite::OPEN_READWRITE);
             sql.exec("PRAGMA user_version = 999");
         },
         "newer Kith", "Update Kith"},
        {"a folder", [](const KithCli& c) { fs::create_directories(c.db); }, "folder, not a file",
         "Give the path of a database file"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const KithCli cli(dir);
        row.make(cli);
        for (const auto& args : every_kind_of_command(dir))
            expect_refused_untouched(cli, args, kFailed, row.message, row.hint);
    }
}

TEST_CASE("a Kith database damaged in its middle is refused by every command untouched") {
    TempDir dir;
    const KithCli cli(dir);
    write_demo_database(cli);
    overwrite_middle(cli.db);
    for (const auto& args : every_kind_of_command(dir))
        expect_refused_untouched(cli, args, kFailed, "damaged", "Restore the newest copy");
}

// Only an integrity check on open finds this: no command reads the damaged table, and `log`
// would otherwise write into the damaged file.
TEST_CASE("a Kith database with one damaged table is refused by every command untouched") {
    TempDir dir;
    const KithCli cli(dir);
    write_demo_database(cli);
    damage_root_page_of(cli.db, "consents");
    for (const auto& args : every_kind_of_command(dir))
        expect_refused_untouched(cli, args, kFailed, "damaged", "Restore the newest copy");
}

TEST_CASE("an unknown person or id is reported with a hint") {
    TempDir dir;
    const KithCli cli(dir);
    seed(cli);
    struct Row {
        Args args;
        int code;
        const char* message;
        const char* hint;
    };
    const Row rows[] = {
        {{"timeline", "Nobody Here"},
         kNotFound,
         "no one called 'Nobody Here'",
         "kith-cli person add"},
        // Not a terminal and no --yes: a new name is not created silently.
        {{"log", "Nobody Here", "--notes", "x"}, kNotFound, "no one called 'Nobody Here'", "--yes"},
        {{"log", "nobody@example.org", "--yes"},
         kNotFound,
         "nobody@example.org",
         "kith-cli identity add"},
        {{"timeline", "#99"}, kNotFound, "no person with id 99", "kith-cli person list"},
        {{"followup", "done", "99"},
         kNotFound,
         "no follow-up with id 99",
         "kith-cli followup list"},
        {{"today", "done", "owe_reply:99"},
         kNotFound,
         "no interaction with id 99",
         "kith-cli today"},
    };
    for (const auto& row : rows)
        expect_refused_untouched(cli, row.args, row.code, row.message, row.hint);
}

TEST_CASE("a reading command pointed at no database says so and creates nothing") {
    // A mistyped --db used to create an empty database there and report "nothing" as if the
    // user's Kith were empty.
    const std::vector<Args> reading = {
        {"today"},           {"stats"},         {"person", "list"},   {"person", "show", "Ana"},
        {"timeline", "Ana"}, {"search", "tea"}, {"followup", "list"}, {"followers"},
        {"circle", "list"},  {"me", "show"},    {"merge", "log"},     {"export", "csv"},
        {"backup"},
    };
    for (const auto& args : reading) {
        CAPTURE(args.front());
        TempDir dir;
        KithCli cli(dir);
        cli.db = dir / "typo" / "kith.db";
        const auto r = cli.run(args);
        CHECK(r.exit_code == kNotFound);
        CHECK(r.err.find("no Kith database at " + cli.db.string()) != std::string::npos);
        CHECK(r.err.find("kith-cli init") != std::string::npos);
        CHECK(!fs::exists(dir / "typo"));
    }
}

TEST_CASE("an ambiguous name lists every match with its id and writes nothing") {
    TempDir dir;
    const KithCli cli(dir);
    std::vector<std::string> ids;
    for (int i = 0; i < 2; ++i)
        ids.push_back("#" + std::to_string(
                                cli.json({"person", "add", "Ana Ruiz"})["id"].get<std::int64_t>()));
    const Args commands[] = {
        {"timeline", "Ana Ruiz"},
        {"log", "Ana Ruiz", "--yes", "--notes", "x"},
        {"followup", "add", "Ana Ruiz", "send the report", "--due", "fri"},
    };
    for (const auto& args : commands) {
        const auto before = file_digest(cli.db);
        const auto r = cli.run(args);
        expect_clean_failure(r, kNotFound, "'Ana Ruiz' matches 2 people", "Name one by its #id");
        for (const auto& id : ids) CHECK(r.err.find(id + " Ana Ruiz") != std::string::npos);
        CHECK(file_digest(cli.db) == before);
    }
}

TEST_CASE("a date that cannot be read is refused before anything is written") {
    TempDir dir;
    KithCli cli(dir);
    seed(cli);
    struct Row {
        Args args;
        const char* message;
        const char* hint;
    };
    const Row rows[] = {
        {{"log", "Ana Ruiz", "--at", "blursday"}, "\"blursday\"", "Try:"},
        {{"log", "Ana Ruiz", "--follow-up", "send it", "--due", "when pigs fly"},
         "when pigs fly",
         "Try:"},
        {{"log", "Ana Ruiz", "--due", "fri"}, "--due without --follow-up", "Say what to do"},
        {{"followup", "snooze", "1", "someday"}, "someday", "Try:"},
        {{"today", "snooze", "owe_reply:1", "--until", "2026-13-45"}, "2026-13-45", "Try:"},
    };
    for (const auto& row : rows)
        expect_refused_untouched(cli, row.args, kBadInput, row.message, row.hint);
    cli.env["KITH_NOW"] = "the day after tomorrow";
    expect_refused_untouched(cli, {"today"}, kBadInput, "KITH_NOW", "Example: KITH_NOW=");
}

TEST_CASE("writes to a database another program holds locked fail fast with a hint") {
    TempDir dir;
    KithCli cli(dir);
    seed(cli);
    write_file(dir / "one.jsonl",
               R"({"type":"interaction","id":"x1","at":"2026-11-20","participants":["a@b.org"]})"
               "\n");
    const LockHolder holder(cli.db);
    cli.env["KITH_BUSY_TIMEOUT_MS"] = "200";
    const Args writes[] = {
        {"log", "Ana Ruiz", "--notes", "tea"},
        {"person", "add", "Ben Okafor"},
        {"followup", "add", "Ana Ruiz", "send the report", "--due", "fri"},
        {"import", "jsonl", (dir / "one.jsonl").string()},
    };
    // What one command costs here without any waiting: a read, which WAL lets through the
    // writer's lock. Start-up alone takes seconds in the sanitizer build on a loaded machine, so
    // the bound is over that: a write may add its 200 ms busy wait, not the 5 s default.
    const auto read_start = std::chrono::steady_clock::now();
    REQUIRE(cli.run({"stats"}).exit_code == 0);
    const auto one_command = std::chrono::steady_clock::now() - read_start;
    for (const auto& args : writes) {
        const auto start = std::chrono::steady_clock::now();
        expect_refused_untouched(cli, args, kLocked, "locked", "try again");
        CHECK(std::chrono::steady_clock::now() - start < one_command + std::chrono::seconds{3});
    }
}

TEST_CASE("a database in a read-only folder is refused with a hint") {
    struct Row {
        const char* what;
        bool existing;
        Args args;
        const char* message;
        const char* hint;
    };
    const Row rows[] = {
        {"writing to an existing database",
         true,
         {"log", "Ana Ruiz", "--notes", "tea"},
         "read-only",
         "writable"},
        {"reading an existing database", true, {"stats"}, "read-only", "writable"},
        {"creating a new database", false, {"init"}, "cannot open the database file", "writable"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        KithCli cli(dir);
        const auto ro = dir / "ro";
        cli.db = ro / "kith.db";
        fs::create_directories(ro);
        if (row.existing) {
            seed(cli);
            fs::permissions(cli.db, fs::perms::owner_read | fs::perms::owner_write |
                                        fs::perms::group_read | fs::perms::group_write |
                                        fs::perms::others_read | fs::perms::others_write);
        }
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read |
                                fs::perms::others_exec);
        if (!refuses_writes_into(ro)) {
            // Root ignores permissions: run kith-cli as nobody, who can reach the folder only.
            if (!run_as_nobody([] { return 0; })) {
                MESSAGE("skipped: running as root without a way to drop privileges");
                return;
            }
            fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read |
                                            fs::perms::group_exec | fs::perms::others_read |
                                            fs::perms::others_exec);
            cli.as_nobody = true;
        }
        expect_refused_untouched(cli, row.args, kFailed, row.message, row.hint);
        CHECK(list_dir(ro) ==
              (row.existing ? std::vector<std::string>{"kith.db"} : std::vector<std::string>{}));
    }
}
