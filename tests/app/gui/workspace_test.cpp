// The desktop app's main screens in a real window under Xvfb, driven through their controls,
// asserting on control state and on what the database file holds. Each screen is saved as a PNG
// in build/screenshots for a person to look at.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <fstream>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/gauge.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/gui/circles_panel.h"
#include "app/gui/import_dialog.h"
#include "app/gui/people_panel.h"
#include "app/gui/person_panel.h"
#include "app/gui/preferences_dialog.h"
#include "app/gui/quick_log_dialog.h"
#include "app/gui/sources_panel.h"
#include "app/gui/today_panel.h"
#include "app/gui/welcome_panel.h"
#include "app/gui/workspace.h"
#include "db/circle_repo.h"
#include "db/followup_repo.h"
#include "db/identity_repo.h"
#include "db/settings_repo.h"
#include "tests/app/gui/frame_fixture.h"

using namespace kith;
using namespace std::chrono_literals;
using std::chrono::days;

namespace {

const core::TimePoint kNow = test::test_now();

std::int64_t count(db::Database& db, const std::string& sql) {
    return db.sql().execAndGet(sql).getInt64();
}

std::int64_t person_id(db::Database& db, const std::string& name) {
    auto found = db::PeopleRepo(db).find_by_name(name);
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    return found->front().id;
}

/// The Today list row whose person column starts with `name`.
long today_row(app::TodayPanel* today, const std::string& name) {
    for (std::size_t i = 0; i < today->rows().size(); ++i)
        if (today->rows()[i].kind == app::TodayRowKind::item && today->rows()[i].person == name)
            return static_cast<long>(i);
    return -1;
}

/// A JSON Lines history of `n` emails from 50 people, for imports big enough to stop midway.
std::filesystem::path write_history(const test::TempDir& dir, int n) {
    const auto path = dir / "history.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < n; ++i)
        out << R"({"type":"interaction","id":"m)" << i
            << R"(","channel":"email","direction":"in","at":"2026-10-01T10:00:00Z","subject":"note )"
            << i << R"(","participants":["p)" << (i % 50) << R"(@example.org"]})"
            << "\n";
    return path;
}

struct Opened {
    test::TempDir dir;
    std::filesystem::path path = dir / "kith.db";
    std::unique_ptr<test::FrameFixture> fixture;
    app::Workspace* workspace = nullptr;

    Opened() {
        test::fill_user_database(path);
        fixture = std::make_unique<test::FrameFixture>(
            new app::MainFrame(test::open_db(path), test::options_for(dir, 7)));
        workspace = fixture->frame->workspace();
        REQUIRE(workspace != nullptr);
    }
    db::Database& db() { return fixture->frame->database(); }
};

}  // namespace

TEST_CASE("workspace: navigation shows live counts and switches views") {
    Opened o;
    wxListBox* nav = o.workspace->navigation();
    REQUIRE(nav->GetCount() == 5);
    // One reply owed (Ana) and one follow-up due (Chloé); three people.
    CHECK(nav->GetString(0).utf8_string() == "Today  (2)");
    CHECK(nav->GetString(1).utf8_string() == "People  (3)");
    CHECK(nav->GetString(4).utf8_string() == "Sources  (0)");
    CHECK(o.workspace->today()->IsShownOnScreen());
    test::save_screenshot(o.fixture->frame, "01-today");
    o.workspace->show_view(app::View::sources);
    CHECK(o.workspace->sources()->IsShownOnScreen());
    CHECK_FALSE(o.workspace->today()->IsShownOnScreen());
    o.workspace->show_view(app::View::people);
    CHECK(o.workspace->people()->IsShownOnScreen());
    CHECK(nav->GetSelection() == 1);
}

TEST_CASE("Today: done, snooze and dismiss act on the row and the digest changes") {
    Opened o;
    app::TodayPanel* today = o.workspace->today();

    const long ana = today_row(today, "Ana Ruiz");
    REQUIRE(ana >= 0);
    today->select(ana);
    REQUIRE(today->selected() != nullptr);
    CHECK(today->selected()->rule == core::ReminderRule::owe_reply);
    REQUIRE(today->run(app::TodayCommand::done));
    CHECK(today_row(today, "Ana Ruiz") < 0);
    CHECK(count(o.db(), "SELECT count(*) FROM reminder_states WHERE state = 'done'") == 1);

    const long slides = today_row(today, "Chloé Martin");
    REQUIRE(slides >= 0);
    today->select(slides);
    // Chloé has two rows (going cold and the follow-up): the first is going cold.
    CHECK(today->selected()->rule == core::ReminderRule::going_cold);
    REQUIRE(today->run(app::TodayCommand::dismiss));
    const long followup = today_row(today, "Chloé Martin");
    REQUIRE(followup >= 0);
    today->select(followup);
    CHECK(today->selected()->rule == core::ReminderRule::followup);
    REQUIRE(today->run(app::TodayCommand::snooze, "next week"));
    CHECK(today_row(today, "Chloé Martin") < 0);
    auto open = db::FollowUpRepo(o.db()).for_person(person_id(o.db(), "Chloé Martin"));
    REQUIRE(open);
    REQUIRE(open->size() == 1);
    CHECK(open->front().due > kNow + days{4});  // Monday 30 November
    CHECK(o.workspace->navigation()->GetString(0).utf8_string() == "Today  (0)");

    // Nothing selected: the actions have nothing to act on.
    CHECK_FALSE(today->run(app::TodayCommand::done));
}

TEST_CASE("People: search-as-you-type, filters, and the person page with a channel filter") {
    Opened o;
    o.workspace->show_view(app::View::people);
    app::PeoplePanel* people = o.workspace->people();
    CHECK(people->list()->GetItemCount() == 3);

    people->search_box()->SetValue("chl");  // types; the search waits for a pause
    REQUIRE(test::wait_until([&] { return people->list()->GetItemCount() == 1; }, 5s));
    CHECK(people->list()->GetItemText(0, 0).utf8_string() == "Chloé Martin");
    CHECK(people->summary()->GetLabel().utf8_string() == "1 of 3 people match");
    people->search_box()->SetValue("");
    people->search_now();
    CHECK(people->list()->GetItemCount() == 3);

    people->filter_choice()->SetSelection(1);  // Needs attention: Chloé is past her cadence
    wxCommandEvent choose(wxEVT_CHOICE, people->filter_choice()->GetId());
    people->filter_choice()->ProcessWindowEvent(choose);
    REQUIRE(people->list()->GetItemCount() == 1);
    CHECK(people->list()->GetItemText(0, 0).utf8_string() == "Chloé Martin");

    // Selecting the row opens the page on the right.
    people->list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    app::PersonPanel* page = o.workspace->person();
    REQUIRE(test::wait_until([&] { return page->person_id().has_value(); }, 5s));
    CHECK(page->name_label()->GetLabel().utf8_string() == "Chloé Martin");
    CHECK(page->strength_label()->GetToolTipText().utf8_string().find("interaction") !=
          std::string::npos);
    CHECK(page->timeline_list()->GetItemCount() == 1);
    CHECK(page->timeline_list()->GetItemText(0, 1).utf8_string() == "In person");
    test::save_screenshot(o.fixture->frame, "02-people-and-person");
    page->filter_timeline(core::Channel::email);
    CHECK(page->timeline_list()->GetItemCount() == 0);
    CHECK(page->channel_choice()->GetStringSelection().utf8_string() == "Email");
    page->filter_timeline(std::nullopt);
    CHECK(page->timeline_list()->GetItemCount() == 1);

    // Edits on the page reach the database.
    REQUIRE(page->add_identity("Chloe@Example.org"));
    REQUIRE(page->add_followup("book the venue", kNow + days{2}));
    CHECK(page->identity_list()->GetCount() == 1);
    CHECK(page->identity_list()->GetString(0).utf8_string() == "email  chloe@example.org");
    CHECK(page->followup_list()->GetItemCount() == 2);
    // A tab nobody opened yet gets its controls when shown: Notes, the text box and its button.
    wxWindow* notes_tab = page->tabs()->GetPage(app::PersonPanel::kNotesTab);
    CHECK(notes_tab->GetChildren().GetCount() == 0);
    page->tabs()->SetSelection(app::PersonPanel::kNotesTab);
    REQUIRE(test::wait_until([&] { return notes_tab->GetChildren().GetCount() == 2; }, 5s));
    CHECK(page->notes_box()->GetParent() == notes_tab);
    auto bad = page->add_identity("not an identity at all");
    CHECK_FALSE(bad);
    CHECK(count(o.db(), "SELECT count(*) FROM identities") == 1);
}

TEST_CASE("a person with hundreds of interactions: the timeline loads a page at a time") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    {
        auto db = test::open_db(path);
        auto id = db::PeopleRepo(*db).add("Dana Busy", "", kNow - days{900});
        REQUIRE(id);
        for (int i = 0; i < 250; ++i) {
            db::ManualLog log;
            log.person_ids = {*id};
            log.at = kNow - days{i + 1};
            log.notes = "meeting " + std::to_string(i);
            REQUIRE(db::log_interaction(*db, log, kNow));
        }
    }
    test::FrameFixture f(new app::MainFrame(test::open_db(path), test::options_for(dir, 7)));
    app::Workspace* w = f.frame->workspace();
    REQUIRE(w);
    w->open_person(person_id(f.frame->database(), "Dana Busy"));
    app::PersonPanel* page = w->person();
    CHECK(page->timeline().size() == app::PersonPanel::kTimelinePage);
    CHECK(page->load_more_timeline() == app::PersonPanel::kTimelinePage);
    CHECK(page->load_more_timeline() == 50);
    CHECK(page->load_more_timeline() == 0);
    CHECK(page->timeline_list()->GetItemCount() == 250);
    // Newest first, no gaps or repeats across pages.
    for (std::size_t i = 1; i < page->timeline().size(); ++i)
        CHECK(page->timeline()[i].at < page->timeline()[i - 1].at);
}

TEST_CASE("quick log: a meeting with two people (one new) and a follow-up") {
    Opened o;
    app::QuickLogDialog dialog(o.fixture->frame, o.db(), std::make_shared<core::FixedClock>(kNow));
    dialog.people()->SetValue("Ana Ruiz, Dora Quinn");
    dialog.when()->SetValue("yesterday 18:30");
    dialog.where()->SetValue("DevConf Brno");
    dialog.notes()->SetValue("grant writing");
    dialog.followup()->SetValue("send her the report");
    dialog.due()->SetValue("fri");
    dialog.Show();
    REQUIRE(test::wait_until([&] { return dialog.IsShownOnScreen(); }, 5s));
    test::save_screenshot(&dialog, "03-quick-log");
    auto saved = dialog.save();
    REQUIRE_MESSAGE(saved, (saved ? "" : saved.error().message));
    dialog.Hide();

    auto& db = o.db();
    const auto dora = person_id(db, "Dora Quinn");
    CHECK(count(db, "SELECT count(*) FROM participants WHERE interaction_id = " +
                        std::to_string(saved->interaction_id)) == 2);
    CHECK(count(db,
                "SELECT count(*) FROM interactions WHERE place = 'DevConf Brno' AND "
                "channel = 'in_person' AND kind = 'meeting'") == 1);
    auto fu = db::FollowUpRepo(db).for_person(dora);
    REQUIRE(fu);
    REQUIRE(fu->size() == 1);
    CHECK(fu->front().text == "send her the report");
    CHECK(core::format_date(fu->front().due) == "2026-11-27");  // Friday

    // An unreadable date is refused and nothing is written.
    app::QuickLogDialog bad(o.fixture->frame, o.db(), std::make_shared<core::FixedClock>(kNow));
    bad.people()->SetValue("Ana Ruiz");
    bad.when()->SetValue("the day after never");
    const auto before = count(db, "SELECT count(*) FROM interactions");
    CHECK_FALSE(bad.save());
    CHECK(bad.message()->GetLabel().utf8_string().find("never") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM interactions") == before);
}

TEST_CASE("imports in the import window: complete, Stop keeps, Cancel undoes; the UI answers") {
    Opened o;
    const auto history = write_history(o.dir, 60000);
    const core::ImportRequest request{"jsonl", history.string(), {}};
    auto& db = o.db();

    SUBCASE("a complete run, then a rerun that adds nothing") {
        app::ImportDialog* dialog = o.workspace->start_import(request);
        REQUIRE(test::wait_until([&] { return dialog->result().has_value(); }, 120s));
        REQUIRE(*dialog->result());
        CHECK((*dialog->result())->counts.added == 60000);
        CHECK(dialog->status()->GetLabel().utf8_string().starts_with("Imported: 60,000 added"));
        test::save_screenshot(dialog, "04-import-done");
        CHECK(count(db, "SELECT count(*) FROM interactions") == 60003);
        CHECK(o.workspace->sources()->sources().size() == 1);
        dialog->Destroy();
        app::ImportDialog* again = o.workspace->start_import(request);
        REQUIRE(test::wait_until([&] { return again->result().has_value(); }, 120s));
        CHECK((*again->result())->counts.added == 0);
        CHECK(count(db, "SELECT count(*) FROM interactions") == 60003);
        o.workspace->show_view(app::View::sources);
        test::save_screenshot(o.fixture->frame, "05-sources");
        again->Destroy();
    }
    SUBCASE("Stop keeps what was read; Cancel leaves nothing") {
        for (const bool rollback : {false, true}) {
            CAPTURE(rollback);
            const auto people_before = count(db, "SELECT count(*) FROM people");
            app::ImportDialog* dialog = o.workspace->start_import(request);
            // Wait for the run to be under way, measuring how long the UI thread goes unanswered.
            auto last = std::chrono::steady_clock::now();
            std::chrono::steady_clock::duration worst{};
            REQUIRE(test::wait_until(
                [&] {
                    const auto now = std::chrono::steady_clock::now();
                    worst = std::max(worst, now - last);
                    last = now;
                    return dialog->gauge()->GetValue() > 0 || dialog->result().has_value();
                },
                60s));
            REQUIRE_FALSE(dialog->result().has_value());
            if (!rollback) test::save_screenshot(dialog, "06-import-running");
            if (rollback)
                dialog->cancel();
            else
                dialog->stop();
            REQUIRE(test::wait_until([&] { return dialog->result().has_value(); }, 60s));
            const auto& r = *dialog->result();
            REQUIRE_FALSE(r);
            CHECK(r.error().code == core::ErrorCode::cancelled);
            const auto kept = count(db, "SELECT count(*) FROM interactions") - 3;
            const auto run_added =
                count(db, "SELECT added FROM import_runs ORDER BY id DESC LIMIT 1");
            MESSAGE("UI thread's longest gap while importing: "
                    << std::chrono::duration_cast<std::chrono::milliseconds>(worst).count()
                    << " ms");
            if (rollback) {
                CHECK(kept == 0);
                CHECK(count(db, "SELECT count(*) FROM people") == people_before);
                CHECK(dialog->status()->GetLabel().utf8_string() ==
                      "Cancelled: nothing was imported.");
            } else {
                CHECK(kept > 0);
                CHECK(kept < 60000);
                CHECK(kept == run_added);
                CHECK(dialog->status()->GetLabel().utf8_string().starts_with("Stopped"));
                // The rest arrives on a rerun, once.
                app::ImportDialog* rest = o.workspace->start_import(request);
                REQUIRE(test::wait_until([&] { return rest->result().has_value(); }, 120s));
                CHECK(count(db, "SELECT count(*) FROM interactions") == 60003);
                rest->Destroy();
                db.sql().exec("DELETE FROM interactions WHERE ext_ns LIKE 'jsonl%'");
            }
            dialog->Destroy();
        }
    }
}

TEST_CASE("circles: opening a circle shows its members in People") {
    Opened o;
    db::CircleRepo circles(o.db());
    auto c = circles.get_or_create("DevConf crowd", kNow);
    REQUIRE(c);
    REQUIRE(circles.assign(person_id(o.db(), "Ben Okafor"), *c));
    REQUIRE(o.workspace->reload());
    o.workspace->show_view(app::View::circles);
    REQUIRE(o.workspace->circles()->list()->GetItemCount() == 1);
    CHECK(o.workspace->circles()->list()->GetItemText(0, 1).utf8_string() == "1");
    test::save_screenshot(o.fixture->frame, "07-circles");
    wxListEvent open(wxEVT_LIST_ITEM_ACTIVATED, o.workspace->circles()->list()->GetId());
    open.SetEventObject(o.workspace->circles()->list());
    open.m_itemIndex = 0;
    o.workspace->circles()->list()->ProcessWindowEvent(open);
    CHECK(o.workspace->current_view() == app::View::people);
    REQUIRE(o.workspace->people()->list()->GetItemCount() == 1);
    CHECK(o.workspace->people()->list()->GetItemText(0, 0).utf8_string() == "Ben Okafor");
}

TEST_CASE("preferences: my identities, waiting days and notifications reach the database") {
    Opened o;
    app::PreferencesDialog prefs(o.fixture->frame, o.db(),
                                 std::make_shared<core::FixedClock>(kNow));
    REQUIRE(prefs.add_identity("Me@Example.org"));
    REQUIRE(prefs.add_identity("@me@mastodon.social"));
    CHECK(prefs.identities()->GetCount() == 2);
    CHECK_FALSE(prefs.add_identity("no such thing"));
    prefs.waiting_days()->SetValue(14);
    prefs.notifications()->SetValue(false);
    prefs.Show();
    REQUIRE(test::wait_until([&] { return prefs.IsShownOnScreen(); }, 5s));
    test::save_screenshot(&prefs, "08-preferences");
    REQUIRE(prefs.save());
    prefs.Hide();
    auto mine = db::IdentityRepo(o.db()).mine();
    REQUIRE(mine);
    CHECK(mine->size() == 2);
    CHECK(db::SettingsRepo(o.db()).get("waiting_days").value() == "14");
    auto on = app::notifications_enabled(o.db());
    REQUIRE(on);
    CHECK_FALSE(*on);
    REQUIRE(prefs.remove_identity(0));
    CHECK(db::IdentityRepo(o.db()).mine()->size() == 1);
    // Ben's message of 24 days ago still waits with 14 days; Today is read with the new setting.
    REQUIRE(o.workspace->reload());
    CHECK(today_row(o.workspace->today(), "Ben Okafor") >= 0);
}

TEST_CASE("first run: the welcome page offers the first steps as buttons") {
    test::TempDir dir;
    test::FrameFixture f(
        new app::MainFrame(test::open_db(dir / "kith.db"), test::options_for(dir, 7)));
    app::WelcomePanel* welcome = f.frame->welcome_panel();
    REQUIRE(welcome != nullptr);
    std::vector<std::string> labels;
    for (wxWindow* child : welcome->GetChildren())
        if (auto* b = dynamic_cast<wxButton*>(child)) labels.push_back(b->GetLabel().utf8_string());
    CHECK(std::find(labels.begin(), labels.end(), "Add my identities…") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "Log a meeting…") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "Import history…") != labels.end());
    CHECK(std::find(labels.begin(), labels.end(), "Explore with demo data") != labels.end());
    test::save_screenshot(f.frame, "00-welcome");
}

TEST_CASE("a background reload reads on a worker and fills every view when done") {
    Opened o;
    // Something new since the window opened, written by another program.
    {
        auto other = test::open_db(o.path);
        REQUIRE(db::PeopleRepo(*other).add("Eve Late", "", kNow));
    }
    std::optional<bool> ok;
    o.workspace->reload_in_background([&](const core::Result<void>& r) { ok = r.ok(); });
    CHECK(o.workspace->loading());
    REQUIRE(test::wait_until([&] { return ok.has_value(); }, 30s));
    CHECK(*ok);
    CHECK_FALSE(o.workspace->loading());
    CHECK(o.workspace->navigation()->GetString(1).utf8_string() == "People  (4)");
    CHECK(today_row(o.workspace->today(), "Ana Ruiz") >= 0);
    o.workspace->show_view(app::View::people);
    CHECK(o.workspace->people()->list()->GetItemCount() == 4);
}

TEST_CASE("a read started before the window fills it; one that failed is read again") {
    Opened o;
    SUBCASE("started early, read-only, and handed over once the window exists") {
        {
            auto other = test::open_db(o.path);
            REQUIRE(db::PeopleRepo(*other).add("Eve Early", "", kNow));
        }
        // What kith's main() does before the toolkit starts.
        auto early = std::make_shared<app::SnapshotRead>(o.path, kNow, db::OpenMode::read_only);
        std::optional<bool> ok;
        o.workspace->reload_in_background([&](const core::Result<void>& r) { ok = r.ok(); }, early);
        REQUIRE(test::wait_until([&] { return ok.has_value(); }, 30s));
        CHECK(*ok);
        CHECK_FALSE(early->running());
        CHECK(o.workspace->navigation()->GetString(1).utf8_string() == "People  (4)");
        o.workspace->show_view(app::View::people);
        REQUIRE(o.workspace->people()->list()->GetItemCount() == 4);
        // People arrive in name order from the worker.
        CHECK(o.workspace->people()->presenter().row(0).name == "Ana Ruiz");
    }
    SUBCASE("an early read that could not open the file is replaced by a fresh read") {
        auto early = std::make_shared<app::SnapshotRead>(o.path.parent_path() / "missing.db", kNow,
                                                         db::OpenMode::read_only);
        std::optional<bool> ok;
        o.workspace->reload_in_background([&](const core::Result<void>& r) { ok = r.ok(); }, early);
        REQUIRE(test::wait_until([&] { return ok.has_value(); }, 30s));
        CHECK(*ok);
        CHECK(o.workspace->navigation()->GetString(1).utf8_string() == "People  (3)");
    }
}
