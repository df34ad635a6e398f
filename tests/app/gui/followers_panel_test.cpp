// Followers → email in a real window under Xvfb: the list, recording consent with the button
// (checked in the database file), the ranked filter, and the mailing-list export.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <iterator>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include "app/gui/followers_panel.h"
#include "app/gui/workspace.h"
#include "db/identity_repo.h"
#include "tests/app/gui/frame_fixture.h"

using namespace kith;

namespace {

/// The user database plus: Ben follows me on X and his email is known.
void add_follower(const std::filesystem::path& path) {
    auto db = test::open_db(path);
    auto ben = db::PeopleRepo(*db).find_by_name("Ben Okafor");
    REQUIRE((ben && ben->size() == 1));
    const auto id = ben->front().id;
    db::IdentityRepo ids(*db);
    auto handle = ids.add(id, {core::IdentityKind::twitter, "@ben", "@ben"}, test::test_now());
    REQUIRE(handle);
    REQUIRE(ids.add(id, {core::IdentityKind::email, "ben@example.org", "ben@example.org"},
                    test::test_now()));
    db->sql().exec(
        "INSERT INTO follow_edges(network, identity_id, direction, first_seen, "
        "last_seen) VALUES ('twitter', " +
        std::to_string(*handle) + ", 'follows_me', 0, 0)");
}

void click(wxWindow* w, wxEventType type) {
    wxCommandEvent e(type, w->GetId());
    e.SetEventObject(w);
    w->ProcessWindowEvent(e);
}

}  // namespace

TEST_CASE("Followers → email: record a consent with the button, then export the list") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    test::fill_user_database(path);
    add_follower(path);
    test::FrameFixture f(new app::MainFrame(test::open_db(path), test::options_for(dir, 7)));
    app::Workspace* w = f.frame->workspace();
    w->show_view(app::View::followers);
    app::FollowersPanel* panel = w->followers();
    REQUIRE(panel != nullptr);
    CHECK(test::wait_until([&] { return panel->IsShownOnScreen(); }, std::chrono::seconds{5}));
    REQUIRE(panel->list()->GetItemCount() == 1);
    CHECK(panel->list()->GetItemText(0, 0).utf8_string() == "Ben Okafor");
    CHECK(panel->list()->GetItemText(0, 1).utf8_string() == "ben@example.org (manual)");
    CHECK(panel->list()->GetItemText(0, 2).utf8_string() == "unknown");
    CHECK(panel->list()->GetItemText(0, 5).utf8_string().rfind("follows me on X", 0) == 0);

    panel->list()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    panel->evidence()->SetValue("said yes at the meetup");
    click(panel->opted_in_button(), wxEVT_BUTTON);
    {
        SQLite::Database db(path.string());
        SQLite::Statement q(db, "SELECT status, evidence, at FROM consents");
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString() == "opted_in");
        CHECK(q.getColumn(1).getString() == "said yes at the meetup");
        CHECK(q.getColumn(2).getInt64() == core::to_unix(test::test_now()));
    }
    // Ranked shows only those still worth asking: Ben has answered.
    CHECK(panel->list()->GetItemCount() == 0);
    panel->ranked()->SetValue(false);
    click(panel->ranked(), wxEVT_CHECKBOX);
    REQUIRE(panel->list()->GetItemCount() == 1);
    CHECK(panel->list()->GetItemText(0, 2).utf8_string().rfind("opted_in ", 0) == 0);

    const auto csv = dir / "list.csv";
    auto s = panel->export_to(csv.string(), core::MailingListFormat::listmonk, false);
    REQUIRE(s);
    CHECK(s->rows == 1);
    std::ifstream in(csv, std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    CHECK(written.rfind("email,name,attributes\r\nben@example.org,Ben Okafor,", 0) == 0);
}
