// `kith-cli backup` and `kith-cli restore` as a user runs them, including the way back from a
// damaged database: the error names the exact restore command, and that command works.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/app/cli/subprocess.h"

using namespace kith::test;

namespace {

std::int64_t people_in(const KithCli& cli) {
    return cli.json({"stats"})["people"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("backup writes a rotating copy, lists it, and --to writes a file or into a folder") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"log", "Ana Ruiz", "--yes", "--notes", "coffee"});
    const auto j = cli.json({"backup"});
    const fs::path written = j["path"].get<std::string>();
    CHECK(written.parent_path() == dir / "backups");
    CHECK(written.filename().string() == "kith-20261125T120000Z-manual.db");
    CHECK(j["keep"] == 10);
    CHECK(j["bytes"].get<std::int64_t>() == static_cast<std::int64_t>(fs::file_size(written)));
    // A second backup in the same second gets its own name.
    const fs::path second = cli.json({"backup"})["path"].get<std::string>();
    CHECK(second != written);

    const auto listed = cli.json({"backup", "--list"});
    REQUIRE(listed["backups"].size() == 2);
    CHECK(listed["backups"][0]["path"] == second.string());
    CHECK(listed["backups"][1]["reason"] == "manual");

    fs::create_directories(dir / "elsewhere");
    const fs::path into = cli.json({"backup", "--to", (dir / "elsewhere").string()})["path"];
    CHECK(into.parent_path() == dir / "elsewhere");
    CHECK(cli.json({"backup", "--to", (dir / "copy.db").string()})["path"] ==
          (dir / "copy.db").string());
    SQLite::Database copy(dir / "copy.db", SQLite::OPEN_READONLY);
    CHECK(copy.execAndGet("SELECT name FROM people").getString() == "Ana Ruiz");
    // Never over an existing file.
    expect_clean_failure(cli.run({"backup", "--to", (dir / "copy.db").string()}), 1,
                         "already exists", "Choose a new file name");
}

TEST_CASE("restore puts a backup back and keeps the database as it was") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"log", "Ana Ruiz", "--yes", "--notes", "coffee"});
    const std::string backup = cli.json({"backup"})["path"];
    cli.ok({"log", "Ben Okafor", "--yes", "--notes", "tea"});
    REQUIRE(people_in(cli) == 2);

    const auto j = cli.json({"restore", backup});
    CHECK(j["people"] == 1);
    const fs::path saved = j["previous_saved_as"].get<std::string>();
    CHECK(saved.filename().string().find("before-restore") != std::string::npos);
    CHECK(people_in(cli) == 1);
    // Undo: the saved copy restores the way back.
    cli.json({"restore", saved.string()});
    CHECK(people_in(cli) == 2);
}

TEST_CASE("restore refuses a file that is not a sound Kith database and changes nothing") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"log", "Ana Ruiz", "--yes", "--notes", "coffee"});
    write_file(dir / "notes.txt", "just text");
    const auto before = file_digest(cli.db);
    expect_clean_failure(cli.run({"restore", (dir / "notes.txt").string()}), 1,
                         "not a Kith database", "Give the path of a backup");
    expect_clean_failure(cli.run({"restore", (dir / "missing.db").string()}), 3, "no such file",
                         "Give the path of a backup");
    CHECK(file_digest(cli.db) == before);
    CHECK(!fs::exists(dir / "backups"));
}

TEST_CASE("a damaged database's error gives the restore command, and running it recovers") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"demo", "--people", "20", "--interactions", "20"});
    const auto people = people_in(cli);
    const std::string backup = cli.json({"backup"})["path"];
    {
        SQLite::Database sql(cli.db, SQLite::OPEN_READWRITE);
        sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    overwrite_middle(cli.db);

    const auto failed = cli.run({"stats"});
    expect_clean_failure(failed, 1, "damaged", "Restore the newest copy");
    CHECK(failed.err.find(cli.db.string()) != std::string::npos);
    const std::string command = "kith-cli --db " + cli.db.string() + " restore " + backup;
    REQUIRE(failed.err.find(command) != std::string::npos);
    // Listing still works on the damaged database: it only reads the backups folder.
    CHECK(cli.json({"backup", "--list"})["backups"][0]["path"] == backup);

    // The command exactly as shown (its arguments after "kith-cli").
    const auto restored = cli.run_without_db({"--db", cli.db.string(), "restore", backup});
    INFO("restore stderr: " << restored.err);
    REQUIRE(restored.exit_code == 0);
    CHECK(restored.out.find("raw copy") != std::string::npos);  // the damaged file is kept
    CHECK(people_in(cli) == people);
}
