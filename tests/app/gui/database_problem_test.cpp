// A database the app cannot use: what the problem dialog says and offers (its wx-free presenter
// and the real dialog), and the daily backup the app takes on a worker while it runs.
#include <doctest/doctest.h>

#include <wx/button.h>

#include <fstream>

#include "app/gui/backup_scheduler.h"
#include "app/gui/database_problem.h"
#include "app/gui/database_problem_dialog.h"
#include "db/backup.h"
#include "db/database.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using namespace std::chrono_literals;
using core::ErrorCode;

namespace {

/// A new database at `path` with one backup taken at test_now().
std::filesystem::path database_with_backup(const std::filesystem::path& path) {
    auto opened = db::Database::open(path);
    REQUIRE(opened.ok());
    auto backup = db::rotate_backup(**opened, "daily", test::test_now(), 10);
    REQUIRE(backup.ok());
    return *backup;
}

}  // namespace

TEST_CASE("the problem dialog's text: damaged with and without a backup, busy, unwritable") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    const core::Error damaged{ErrorCode::corrupt, "open (" + path.string() + "): damaged", "…"};

    auto none = app::describe_database_problem(damaged, path);
    CHECK(none.action == app::ProblemAction::quit);  // nothing to restore from
    CHECK(!none.backup);
    CHECK(none.message.find("no backup in " + (dir / "backups").string()) != std::string::npos);
    CHECK(none.restore_command == "kith-cli --db " + path.string() + " restore FILE");

    const auto backup = database_with_backup(path);
    auto offered = app::describe_database_problem(damaged, path);
    CHECK(offered.title == "Your Kith database is damaged");
    CHECK(offered.action == app::ProblemAction::restore);
    CHECK(offered.backup == backup);
    CHECK(offered.restore_command ==
          "kith-cli --db " + path.string() + " restore " + backup.string());
    CHECK(offered.message.find(path.string()) != std::string::npos);
    CHECK(offered.message.find(offered.restore_command) != std::string::npos);
    CHECK(offered.details.find("damaged") != std::string::npos);

    const struct {
        ErrorCode code;
        app::ProblemAction action;
        const char* says;
    } rows[] = {
        {ErrorCode::locked, app::ProblemAction::retry, "did not finish within 5 seconds"},
        {ErrorCode::io, app::ProblemAction::quit, "Make the file writable"},
        {ErrorCode::too_new, app::ProblemAction::quit, "Update Kith"},
    };
    for (const auto& row : rows) {
        CAPTURE(static_cast<int>(row.code));
        const core::Error e{row.code, "open (" + path.string() + "): trouble",
                            row.code == ErrorCode::io ? "Make the file writable" : "Update Kith"};
        CHECK(app::is_database_problem(e));
        const auto p = app::describe_database_problem(e, path);
        CHECK(p.action == row.action);
        CHECK(p.message.find(row.says) != std::string::npos);
        CHECK(!p.backup);
    }
    CHECK(!app::is_database_problem({ErrorCode::invalid_input, "bad date", ""}));
}

TEST_CASE("the problem dialog offers Restore backup for a damaged database with a backup") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    database_with_backup(path);
    const core::Error damaged{ErrorCode::corrupt, "open (" + path.string() + "): damaged", "…"};
    {
        app::DatabaseProblemDialog dialog(nullptr, app::describe_database_problem(damaged, path));
        REQUIRE(dialog.action_button() != nullptr);
        CHECK(dialog.action_button()->GetLabel() == "&Restore backup");
        CHECK(dialog.action_button()->GetId() == wxID_OK);
        dialog.Show();
        REQUIRE(test::wait_until([&] { return dialog.IsShownOnScreen(); }, 5s));
        test::save_screenshot(&dialog, "09-database-damaged");
        dialog.Hide();
    }
    const core::Error unwritable{ErrorCode::io, "open: read-only", "Make it writable"};
    app::DatabaseProblemDialog quit_only(nullptr, app::describe_database_problem(unwritable, path));
    CHECK(quit_only.action_button() == nullptr);
}

TEST_CASE("the daily backup runs on a worker when due, and not again within the day") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    { REQUIRE(db::Database::open(path).ok()); }
    // The app's own connection stays open meanwhile, as in the running app.
    auto app_connection = db::Database::open(path);
    REQUIRE(app_connection.ok());
    auto clock = std::make_shared<core::FixedClock>(test::test_now());
    int done = 0;
    std::optional<core::Result<std::filesystem::path>> last;
    app::BackupScheduler scheduler([&]() -> std::optional<std::filesystem::path> { return path; },
                                   clock,
                                   [&](const core::Result<std::filesystem::path>& r) {
                                       ++done;
                                       last = r;
                                   });
    CHECK(scheduler.check_now());
    REQUIRE(test::wait_until([&] { return done == 1; }, 10s));
    REQUIRE(last->ok());
    CHECK((*last)->parent_path() == dir / "backups");
    CHECK((*last)->filename().string().find("-daily.db") != std::string::npos);
    CHECK(db::check_database_file(**last).ok());
    CHECK(!scheduler.check_now());  // the newest backup is from now

    app::BackupScheduler next_day([&]() -> std::optional<std::filesystem::path> { return path; },
                                  std::make_shared<core::FixedClock>(test::test_now() + 25h),
                                  [&](const core::Result<std::filesystem::path>&) { ++done; });
    CHECK(next_day.check_now());
    REQUIRE(test::wait_until([&] { return done == 2; }, 10s));
    CHECK(db::list_backups(path).size() == 2);

    app::BackupScheduler demo([]() -> std::optional<std::filesystem::path> { return {}; }, clock,
                              [&](const core::Result<std::filesystem::path>&) { ++done; });
    CHECK(!demo.check_now());
}
