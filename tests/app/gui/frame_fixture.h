#pragma once
// What the desktop app's tests share: a user database with three people in known states, a
// frame that is shown and reliably destroyed, and the frame's options at the test's "now".

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include <wx/weakref.h>

#include "app/gui/main_frame.h"
#include "core/clock.h"
#include "db/database.h"
#include "db/manual_log.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "tests/app/gui/gui_test_support.h"

namespace kith::test {

using namespace std::chrono_literals;
using std::chrono::days;
using std::chrono::hours;

inline std::unique_ptr<db::Database> open_db(const std::filesystem::path& path) {
    auto db = db::Database::open(path);
    REQUIRE_MESSAGE(db, (db ? "" : db.error().message));
    return std::move(*db);
}

inline db::DatabaseStats stats_of(const std::filesystem::path& path) {
    auto db = open_db(path);
    auto s = db::load_stats(*db);
    REQUIRE(s);
    return *s;
}

// Ana wrote 3 days ago (a reply is owed), Ben has not answered my message of 24 days ago, Chloé
// was last met 55 days ago with a 14-day cadence and a follow-up due yesterday.
inline void fill_user_database(const std::filesystem::path& path) {
    auto db = open_db(path);
    db::PeopleRepo people(*db);
    auto ana = people.add("Ana Ruiz", "", test::test_now() - days{100});
    auto ben = people.add("Ben Okafor", "", test::test_now() - days{100});
    auto chloe = people.add("Chloé Martin", "", test::test_now() - days{100});
    REQUIRE((ana && ben && chloe));
    REQUIRE(people.set_cadence(*chloe, 14, test::test_now() - days{100}));

    db::ManualLog from_ana;
    from_ana.person_ids = {*ana};
    from_ana.channel = core::Channel::email;
    from_ana.kind = core::InteractionKind::message;
    from_ana.direction = core::Direction::in;
    from_ana.at = test::test_now() - days{3};
    from_ana.subject = "Grant report?";
    REQUIRE(db::log_interaction(*db, from_ana, test::test_now()));

    db::ManualLog to_ben = from_ana;
    to_ben.person_ids = {*ben};
    to_ben.direction = core::Direction::out;
    to_ben.at = test::test_now() - days{24};
    to_ben.subject = "Speaker invite";
    REQUIRE(db::log_interaction(*db, to_ben, test::test_now()));

    db::ManualLog met_chloe;
    met_chloe.person_ids = {*chloe};
    met_chloe.at = test::test_now() - days{55};
    met_chloe.notes = "coffee";
    met_chloe.followup_text = "send the slides";
    met_chloe.followup_due = test::test_now() - days{1} - hours{3};
    REQUIRE(db::log_interaction(*db, met_chloe, test::test_now()));
}

inline app::MainFrameOptions options_for(const test::TempDir& dir, int demo_people) {
    app::MainFrameOptions o;
    o.clock = std::make_shared<core::FixedClock>(test::test_now());
    o.demo_path = dir / "demo.db";
    o.demo_people = demo_people;
    return o;
}

// Owns a frame for one test and makes sure it is gone (worker included) at the end.
struct FrameFixture {
    wxWeakRef<app::MainFrame> frame;
    explicit FrameFixture(app::MainFrame* f) : frame(f) {
        frame->Show();
        // Shown on screen means the X server mapped it: the first paint is on its way.
        CHECK(test::wait_until([&] { return frame && frame->IsShownOnScreen(); }, 10s));
    }
    ~FrameFixture() {
        if (frame) frame->Destroy();
        CHECK(test::wait_until([&] { return !frame; }, 10s));
    }
};

}  // namespace kith::test
