// The real main window on real SQLite files under Xvfb: title, status bar, Today rows, the welcome
// panel of an empty database, and the demo worker (finish, cancel, close mid-way).
#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <string>
#include <vector>

#include <wx/accel.h>
#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/weakref.h>

#include "app/gui/main_frame.h"
#include "app/gui/today_panel.h"
#include "app/gui/welcome_panel.h"
#include "app/gui/workspace.h"
#include "app/shared/demo_generator.h"
#include "db/backup.h"
#include "db/database.h"
#include "db/manual_log.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "tests/app/gui/frame_fixture.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::hours;

namespace {

using test::fill_user_database;
using test::FrameFixture;
using test::open_db;
using test::options_for;
using test::stats_of;
const core::TimePoint kNow = test::test_now();

std::vector<std::array<std::string, 4>> list_rows(wxListCtrl* list) {
    std::vector<std::array<std::string, 4>> rows;
    for (long i = 0; i < list->GetItemCount(); ++i) {
        std::array<std::string, 4> r;
        for (int c = 0; c < 4; ++c) r[c] = list->GetItemText(i, c).utf8_string();
        rows.push_back(r);
    }
    return rows;
}

void click(wxButton* button) {
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->ProcessWindowEvent(event);
}

bool today_panel_has_rows(app::MainFrame* frame) {
    return frame->today_panel() && !frame->today_panel()->rows().empty();
}

std::string status(app::MainFrame* frame, int field) {
    return frame->GetStatusBar()->GetStatusText(field).utf8_string();
}

}  // namespace

TEST_CASE("MainFrame on a database with people: title, status bar, the four Today groups") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    fill_user_database(path);
    const std::size_t dialogs_before = test::intercepted_dialogs().size();

    FrameFixture f(new app::MainFrame(open_db(path), options_for(dir, 5)));
    app::MainFrame* frame = f.frame;
    CHECK(frame->GetTitle() == "Kith");
    CHECK(frame->IsShown());
    CHECK(status(frame, 0) == path.string());
    CHECK(status(frame, 1) == "3 people · 3 interactions");
    CHECK_FALSE(frame->showing_demo());
    CHECK(frame->welcome_panel() == nullptr);
    REQUIRE(frame->today_panel() != nullptr);
    CHECK(frame->today_panel()->IsShownOnScreen());
    CHECK(frame->today_panel()->heading()->GetLabel().utf8_string() ==
          "Today · Wednesday 25 November 2026");

    const std::vector<std::array<std::string, 4>> expected = {
        {"You owe a reply (1)", "", "", ""},
        {"Ana Ruiz", "Email", "3 d ago", "Grant report?"},
        {"Waiting on them (1)", "", "", ""},
        {"Ben Okafor", "Email", "3 wk ago", "Speaker invite"},
        {"Going cold (1)", "", "", ""},
        {"Chloé Martin", "In person", "7 wk ago", "Cadence: every 14 days (explicit)"},
        {"Follow-ups due (1)", "", "", ""},
        {"Chloé Martin", "In person", "overdue 1 d", "send the slides"},
    };
    CHECK(list_rows(frame->today_panel()->list()) == expected);
    // Row i of the list is row i of the presenter, so actions can find the item's id.
    CHECK(frame->today_panel()->rows()[1].item_id.starts_with("owe_reply:"));
    CHECK(test::intercepted_dialogs().size() == dialogs_before);
}

TEST_CASE("the tray, reminders and the daily backup start only once the views are filled") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    fill_user_database(path);
    auto options = options_for(dir, 7);
    options.desktop_integration = true;  // as the app runs: views read on a worker
    auto* frame = new app::MainFrame(open_db(path), options);
    // A due backup copies the whole file: started now, it would compete with reading the views.
    REQUIRE(frame->workspace() != nullptr);
    CHECK(frame->workspace()->loading());
    CHECK_FALSE(frame->desktop_started());
    FrameFixture f(frame);
    REQUIRE(test::wait_until([&] { return f.frame->desktop_started(); }, 30s));
    CHECK_FALSE(f.frame->workspace()->loading());
    CHECK(today_panel_has_rows(f.frame));
    // The first backup of the day follows, on its own worker.
    CHECK(test::wait_until([&] { return !db::list_backups(path).empty(); }, 30s));
}

TEST_CASE("a quiet day: every group says it has nothing, in the first column") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    {
        auto db = open_db(path);
        REQUIRE(db::PeopleRepo(*db).add("Dana Lee", "", kNow - days{3}));
    }
    FrameFixture f(new app::MainFrame(open_db(path), options_for(dir, 5)));
    REQUIRE(f.frame->today_panel() != nullptr);
    const std::vector<std::array<std::string, 4>> expected = {
        {"You owe a reply (0)", "", "", ""}, {"Nobody is waiting for your reply.", "", "", ""},
        {"Waiting on them (0)", "", "", ""}, {"You are not waiting on anyone.", "", "", ""},
        {"Going cold (0)", "", "", ""},      {"No one is going cold.", "", "", ""},
        {"Follow-ups due (0)", "", "", ""},  {"No follow-ups due today.", "", "", ""},
    };
    CHECK(list_rows(f.frame->today_panel()->list()) == expected);
    CHECK(status(f.frame, 1) == "1 person · 0 interactions");
}

TEST_CASE("MainFrame menus: File > Open Demo Data, Quit on Ctrl+Q; Help > About") {
    test::TempDir dir;
    FrameFixture f(new app::MainFrame(open_db(dir / "kith.db"), options_for(dir, 5)));
    wxMenuBar* bar = f.frame->GetMenuBar();
    REQUIRE(bar != nullptr);
    CHECK(bar->FindMenuItem("File", "Open Demo Data") != wxNOT_FOUND);
    CHECK(bar->FindMenuItem("Help", "About Kith") == wxID_ABOUT);
    wxMenuItem* quit = bar->FindItem(wxID_EXIT);
    REQUIRE(quit != nullptr);
    std::unique_ptr<wxAcceleratorEntry> accel(quit->GetAccel());
    REQUIRE(accel != nullptr);
    CHECK(accel->GetFlags() == wxACCEL_CTRL);
    CHECK(accel->GetKeyCode() == 'Q');
}

TEST_CASE("an empty database shows the welcome panel instead of Today") {
    test::TempDir dir;
    FrameFixture f(new app::MainFrame(open_db(dir / "kith.db"), options_for(dir, 5)));
    app::MainFrame* frame = f.frame;
    CHECK(frame->GetTitle() == "Kith");
    CHECK(frame->today_panel() == nullptr);
    app::WelcomePanel* welcome = frame->welcome_panel();
    REQUIRE(welcome != nullptr);
    CHECK(welcome->IsShownOnScreen());
    CHECK(welcome->demo_button()->GetLabel() == "Explore with demo data");
    CHECK(welcome->demo_button()->IsEnabled());
    CHECK_FALSE(welcome->gauge()->IsShown());
    CHECK_FALSE(welcome->demo_running());
    CHECK(status(frame, 1) == "0 people · 0 interactions");
    CHECK_FALSE(std::filesystem::exists(dir / "demo.db"));  // nothing made until asked
}

TEST_CASE(
    "Explore with demo data: a worker fills the separate demo file, then the frame shows it") {
    test::TempDir dir;
    const auto mine = dir / "kith.db";
    FrameFixture f(new app::MainFrame(open_db(mine), options_for(dir, 12)));
    app::MainFrame* frame = f.frame;
    app::WelcomePanel* welcome = frame->welcome_panel();
    REQUIRE(welcome != nullptr);

    click(welcome->demo_button());
    // The handler returned at once: the work is on the worker, the UI shows progress.
    CHECK(welcome->demo_running());
    CHECK_FALSE(welcome->demo_button()->IsEnabled());
    CHECK(welcome->gauge()->IsShown());
    CHECK(welcome->cancel_button()->IsShown());
    click(welcome->demo_button());  // a second click while running starts nothing

    REQUIRE(test::wait_until([&] { return frame->today_panel() != nullptr; }, 60s));
    CHECK(frame->welcome_panel() == nullptr);
    CHECK(frame->showing_demo());
    CHECK(frame->GetTitle().utf8_string() == "Kith — DEMO data");
    CHECK(status(frame, 0) == "Demo data · " + (dir / "demo.db").string());
    CHECK(status(frame, 1).starts_with("12 people · "));
    CHECK(frame->database().path() == dir / "demo.db");
    const auto rows = frame->today_panel()->rows();
    CHECK(std::count_if(rows.begin(), rows.end(), [](const app::TodayRow& r) {
              return r.kind == app::TodayRowKind::item;
          }) > 0);

    CHECK(stats_of(dir / "demo.db").people == 12);
    const auto untouched = stats_of(mine);
    CHECK(untouched.people == 0);
    CHECK(untouched.interactions == 0);
}

TEST_CASE("Cancel stops the demo worker; the welcome panel offers to go on") {
    test::TempDir dir;
    const auto mine = dir / "kith.db";
    // Far more people than the test waits for: only Cancel can end this run in time.
    FrameFixture f(new app::MainFrame(open_db(mine), options_for(dir, 500000)));
    app::WelcomePanel* welcome = f.frame->welcome_panel();
    REQUIRE(welcome != nullptr);
    click(welcome->demo_button());
    REQUIRE(test::wait_until([&] { return welcome->gauge()->GetValue() > 0; }, 30s));
    click(welcome->cancel_button());
    CHECK_FALSE(welcome->cancel_button()->IsEnabled());
    REQUIRE(test::wait_until([&] { return !welcome->demo_running(); }, 30s));
    CHECK(welcome->status()->GetLabel().utf8_string().starts_with("Stopped."));
    CHECK(welcome->demo_button()->IsEnabled());
    CHECK(f.frame->welcome_panel() == welcome);
    CHECK(f.frame->today_panel() == nullptr);
    // Batches committed before the cancel stay (possibly none this early); the run did not finish.
    CHECK(stats_of(dir / "demo.db").people < 500000);
    CHECK(stats_of(mine).people == 0);
}

TEST_CASE("closing the window while the demo worker runs neither hangs nor touches a dead panel") {
    test::TempDir dir;
    auto* frame = new app::MainFrame(open_db(dir / "kith.db"), options_for(dir, 500000));
    wxWeakRef<app::MainFrame> ref(frame);
    frame->Show();
    app::WelcomePanel* welcome = frame->welcome_panel();
    REQUIRE(welcome != nullptr);
    click(welcome->demo_button());
    REQUIRE(test::wait_until([&] { return welcome->gauge()->GetValue() > 0; }, 30s));

    const auto start = std::chrono::steady_clock::now();
    frame->Close(true);
    REQUIRE(test::wait_until([&] { return !ref; }, 30s));
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    // Progress events the worker posted before it stopped find no panel and do nothing.
    test::wait_until([] { return false; }, 300ms);
    CHECK(stats_of(dir / "demo.db").people < 500000);
}

TEST_CASE("File > Open Demo Data shows an existing demo file without touching the user's") {
    test::TempDir dir;
    const auto mine = dir / "kith.db";
    fill_user_database(mine);
    core::NullProgress quiet;
    REQUIRE(app::generate_demo({dir / "demo.db", 7, kNow}, quiet));

    FrameFixture f(new app::MainFrame(open_db(mine), options_for(dir, 7)));
    app::MainFrame* frame = f.frame;
    REQUIRE(frame->today_panel() != nullptr);
    CHECK_FALSE(frame->showing_demo());
    const int id = frame->GetMenuBar()->FindMenuItem("File", "Open Demo Data");
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(frame);
    frame->ProcessWindowEvent(event);
    CHECK(frame->showing_demo());
    CHECK(status(frame, 0).starts_with("Demo data · "));
    CHECK(status(frame, 1).starts_with("7 people · "));
    REQUIRE(frame->today_panel() != nullptr);
    CHECK(stats_of(mine).people == 3);

    // Asked again while the demo shows: it is read again, not made again.
    frame->ProcessWindowEvent(event);
    CHECK(frame->welcome_panel() == nullptr);
    CHECK(frame->today_panel() != nullptr);
    CHECK(frame->showing_demo());
}

TEST_CASE("File > Open Demo Data with no demo file yet generates it first") {
    test::TempDir dir;
    const auto mine = dir / "kith.db";
    fill_user_database(mine);
    FrameFixture f(new app::MainFrame(open_db(mine), options_for(dir, 6)));
    app::MainFrame* frame = f.frame;
    REQUIRE(frame->today_panel() != nullptr);
    frame->open_demo_data();
    REQUIRE(frame->welcome_panel() != nullptr);
    CHECK(frame->welcome_panel()->demo_running());
    REQUIRE(test::wait_until([&] { return frame->showing_demo() && frame->today_panel(); }, 60s));
    CHECK(status(frame, 1).starts_with("6 people · "));
    CHECK(stats_of(mine).people == 3);
}

TEST_CASE("Cancel after File > Open Demo Data goes back to the user's Today") {
    test::TempDir dir;
    const auto mine = dir / "kith.db";
    fill_user_database(mine);
    FrameFixture f(new app::MainFrame(open_db(mine), options_for(dir, 500000)));
    app::MainFrame* frame = f.frame;
    frame->open_demo_data();
    app::WelcomePanel* welcome = frame->welcome_panel();
    REQUIRE(welcome != nullptr);
    REQUIRE(test::wait_until([&] { return welcome->gauge()->GetValue() > 0; }, 30s));
    click(welcome->cancel_button());
    REQUIRE(test::wait_until([&] { return frame->today_panel() != nullptr; }, 30s));
    CHECK(frame->welcome_panel() == nullptr);
    CHECK_FALSE(frame->showing_demo());
    CHECK(status(frame, 1) == "3 people · 3 interactions");
    CHECK(frame->today_panel()->list()->GetItemCount() == 8);
}
