// The person page's text, headless: months of activity, cadence wording, timeline rows, and the
// whole page loaded from a real database file.
#include <doctest/doctest.h>

#include "app/gui/person_presenter.h"
#include "core/identity_normalizer.h"
#include "db/followup_repo.h"
#include "db/identity_repo.h"
#include "tests/app/gui/frame_fixture.h"

using namespace kith;
using std::chrono::days;
using std::chrono::hours;

namespace {

const core::TimePoint kNow = test::test_now();  // Wednesday 2026-11-25 12:00 UTC

core::StrengthInput at(core::TimePoint t,
                       core::InteractionKind kind = core::InteractionKind::meeting,
                       bool bulk = false) {
    core::StrengthInput in;
    in.at = t;
    in.kind = kind;
    in.bulk = bulk;
    return in;
}

}  // namespace

TEST_CASE("monthly activity: twelve calendar months, meaningful contact only") {
    const std::vector<core::StrengthInput> activity = {
        at(kNow - days{400}),  // too old
        at(kNow - days{330}),  // Jan 2026 → first bar
        at(kNow - days{40}),
        at(kNow - days{35}),  // October
        at(kNow - days{1}),
        at(kNow),                                                  // November
        at(kNow - days{2}, core::InteractionKind::like),           // likes do not count
        at(kNow - days{2}, core::InteractionKind::message, true),  // nor bulk mail
    };
    const auto months = app::monthly_activity(activity, kNow);
    REQUIRE(months.size() == 12);
    CHECK(months == std::vector<int>{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2});
    const auto jan = app::monthly_activity({at(kNow - days{328})}, kNow);
    CHECK(jan.front() == 0);  // December 2025 is the first month shown, 1 January the second
    CHECK(jan[1] == 1);
}

TEST_CASE("cadence wording says where the cadence comes from") {
    using core::CadenceSource;
    CHECK(app::cadence_text({CadenceSource::explicit_, core::Days{30}}) ==
          "every 30 d (set for this person)");
    CHECK(app::cadence_text({CadenceSource::circle, core::Days{14}}) ==
          "every 14 d (from a circle)");
    CHECK(app::cadence_text({CadenceSource::inferred, core::Days{45}}) ==
          "every 45 d (inferred from your rhythm)");
    CHECK(app::cadence_text({}) == "no cadence yet");
}

TEST_CASE("timeline rows: local time, channel, direction arrow, subject and excerpt") {
    db::TimelineEntry e;
    e.channel = core::Channel::email;
    e.direction = core::Direction::in;
    e.at = kNow - hours{1};
    e.subject = "Grant report?";
    e.excerpt = "Could you send\nthe draft?";
    const auto row = app::present_timeline_entry(e, std::chrono::hours{1});
    CHECK(row.when == "2026-11-25 12:00");
    CHECK(row.channel == "Email");
    CHECK(row.direction == "← in");
    CHECK(row.text == "Grant report? — Could you send the draft?");
    db::TimelineEntry meeting;
    meeting.channel = core::Channel::in_person;
    meeting.kind = core::InteractionKind::meeting;
    meeting.direction = core::Direction::mutual;
    meeting.place = "DevConf Brno";
    CHECK(app::present_timeline_entry(meeting, {}).text == "at DevConf Brno");
    CHECK(app::present_timeline_entry(meeting, {}).direction == "↔ both");
    meeting.place.clear();
    CHECK(app::present_timeline_entry(meeting, {}).text == "meeting");
}

TEST_CASE("the person page from a real database: strength, cadence, identities, follow-ups") {
    test::TempDir dir;
    test::fill_user_database(dir / "kith.db");
    auto db = test::open_db(dir / "kith.db");
    auto chloe = db::PeopleRepo(*db).find_by_name("Chloé Martin");
    REQUIRE(chloe);
    REQUIRE(chloe->size() == 1);
    const auto id = chloe->front().id;
    auto ident = core::parse_identity("chloe@example.org");
    REQUIRE(ident);
    REQUIRE(db::IdentityRepo(*db).add(id, *ident, kNow));

    auto page = app::load_person_page(*db, id, kNow, {});
    REQUIRE(page);
    CHECK(page->name == "Chloé Martin");
    CHECK(page->cadence == "every 14 d (set for this person)");
    CHECK(page->last_contact == "last contact 7 wk ago · In person");
    CHECK(page->strength > 0);
    CHECK(page->strength_why.find("1 interaction") != std::string::npos);
    CHECK(page->monthly[10] == 1);  // the coffee 55 days ago, in October
    REQUIRE(page->identities.size() == 1);
    CHECK(page->identities[0].text == "email  chloe@example.org");
    REQUIRE(page->followups.size() == 1);
    CHECK(page->followups[0].text == "send the slides");
    CHECK(page->followups[0].due == "overdue 1 d");
    CHECK(page->circles == "no circles");

    auto missing = app::load_person_page(*db, 9999, kNow, {});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == core::ErrorCode::not_found);
}
