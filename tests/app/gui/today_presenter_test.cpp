// The Today view's words, headless: rows for each rule, ages, due dates, empty groups, counts.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "app/gui/today_presenter.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using app::TodayRow;
using app::TodayRowKind;
using core::ReminderRule;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const core::TimePoint kNow = test::test_now();

core::ReminderItem item(ReminderRule rule, std::string person, core::Channel channel,
                        core::TimePoint at, std::string subject, std::string excerpt = {}) {
    core::ReminderItem i;
    i.rule = rule;
    i.id = std::string(core::to_string(rule)) + ":1";
    i.person_name = std::move(person);
    i.channel = channel;
    i.at = at;
    i.subject = std::move(subject);
    i.excerpt = std::move(excerpt);
    return i;
}

}  // namespace

TEST_CASE("age_text: how long ago, in the units format_age uses") {
    struct Row {
        core::TimePoint at;
        const char* expected;
    };
    const Row rows[] = {
        {kNow, "just now"},
        {kNow - seconds{59}, "just now"},
        {kNow - minutes{5}, "5 min ago"},
        {kNow - hours{3}, "3 h ago"},
        {kNow - days{4}, "4 d ago"},
        {kNow - days{13}, "13 d ago"},
        {kNow - days{14}, "2 wk ago"},  // two weeks is where days turn into weeks
        {kNow - days{45}, "6 wk ago"},
        {kNow - days{90}, "3 mo ago"},
        {kNow - days{800}, "2 yr ago"},
        {kNow + hours{2}, "in 2 h"},  // clock skew or a message dated ahead: no "ahead ago"
    };
    for (const auto& r : rows) CHECK(app::age_text(r.at, kNow) == r.expected);
}

TEST_CASE("due_text: a follow-up's date against the user's local today") {
    struct Row {
        core::TimePoint due;
        seconds offset;
        const char* expected;
        const char* why;
    };
    const Row rows[] = {
        {kNow - hours{3}, seconds{0}, "due today", "earlier today"},
        {kNow + hours{11}, seconds{0}, "due today", "later today (23:00)"},
        {kNow - days{1}, seconds{0}, "overdue 1 d", "yesterday"},
        {kNow - days{21}, seconds{0}, "overdue 3 wk", "three weeks ago"},
        {kNow + days{6}, seconds{0}, "due 2026-12-01", "after today (never in Today, but safe)"},
        // 2026-11-25 12:00 UTC is already the 26th at UTC+13, and 09:00 UTC still the 25th.
        {kNow - hours{3}, hours{13}, "overdue 1 d", "the local day differs from the UTC day"},
        // and still the 24th at UTC-13: a 09:00 UTC due date on the 25th is the local 24th too.
        {kNow - hours{3}, -hours{13}, "due today", "both on the local 24th"},
    };
    for (const auto& r : rows) {
        CAPTURE(r.why);
        CHECK(app::due_text(r.due, kNow, r.offset) == r.expected);
    }
}

TEST_CASE("one_line: whitespace folded, long text cut on a UTF-8 boundary") {
    CHECK(app::one_line("  Re:\tgrant\n\nreport  ", 80) == "Re: grant report");
    CHECK(app::one_line("", 10).empty());
    CHECK(app::one_line("exactly ten", 11) == "exactly ten");
    CHECK(app::one_line("abcdefghij", 5) == "abcd…");
    // Multi-byte letters count once: "Nguyễn" is six letters and ten bytes.
    CHECK(app::one_line("Nguyễn Văn Minh", 6) == "Nguyễ…");
    CHECK(app::one_line("Nguyễn Văn Minh", 7) == "Nguyễn…");  // no space before the ellipsis
    CHECK(app::one_line("Nguyễn Văn Minh", 15) == "Nguyễn Văn Minh");
}

TEST_CASE("present_item: one row per rule") {
    SUBCASE("owe reply: the subject, or the excerpt when there is none") {
        auto i = item(ReminderRule::owe_reply, "Ana Ruiz", core::Channel::email, kNow - days{3},
                      "Grant report?", "Could you send…");
        const TodayRow r = app::present_item(i, kNow, seconds{0});
        CHECK(r.kind == TodayRowKind::item);
        CHECK(r.item_id == "owe_reply:1");
        CHECK(r.person == "Ana Ruiz");
        CHECK(r.channel == "Email");
        CHECK(r.when == "3 d ago");
        CHECK(r.text == "Grant report?");
        i.subject.clear();
        i.excerpt = "Loved the talk.\nCan we meet?";
        CHECK(app::present_item(i, kNow, seconds{0}).text == "Loved the talk. Can we meet?");
    }
    SUBCASE("the row carries whom it is about and the link to the original, for its actions") {
        auto i = item(ReminderRule::owe_reply, "Ana Ruiz", core::Channel::email, kNow - days{3},
                      "Grant report?", "");
        i.person_id = 42;
        i.url = "mid:abc@example.org";
        const TodayRow r = app::present_item(i, kNow, seconds{0});
        CHECK(r.person_id == 42);
        CHECK(r.url == "mid:abc@example.org");
    }
    SUBCASE("waiting on them") {
        auto i = item(ReminderRule::waiting, "Ben Okafor", core::Channel::mastodon, kNow - days{24},
                      "", "Speaker invite for DevConf");
        const TodayRow r = app::present_item(i, kNow, seconds{0});
        CHECK(r.channel == "Mastodon");
        CHECK(r.when == "3 wk ago");
        CHECK(r.text == "Speaker invite for DevConf");
    }
    SUBCASE("going cold: when is the last contact, the text the cadence and where it came from") {
        auto i = item(ReminderRule::going_cold, "Chloé Martin", core::Channel::in_person,
                      kNow - days{55}, "");
        i.cadence = {core::CadenceSource::inferred, days{17}};
        const TodayRow r = app::present_item(i, kNow, seconds{0});
        CHECK(r.channel == "In person");
        CHECK(r.when == "7 wk ago");
        CHECK(r.text == "Cadence: every 17 days (inferred)");
        i.cadence = {core::CadenceSource::explicit_, days{1}};
        CHECK(app::present_item(i, kNow, seconds{0}).text == "Cadence: every 1 day (explicit)");
    }
    SUBCASE("follow-up: the promise, its due date; a follow-up naming nobody shows a dash") {
        auto i = item(ReminderRule::followup, "", core::Channel::call, kNow - days{1},
                      "send the report");
        const TodayRow r = app::present_item(i, kNow, seconds{0});
        CHECK(r.person == "—");
        CHECK(r.channel == "Call");
        CHECK(r.when == "overdue 1 d");
        CHECK(r.text == "send the report");
    }
    SUBCASE("every channel has a label") {
        const std::pair<core::Channel, const char*> labels[] = {
            {core::Channel::email, "Email"},         {core::Channel::twitter, "Twitter/X"},
            {core::Channel::mastodon, "Mastodon"},   {core::Channel::blog, "Blog"},
            {core::Channel::in_person, "In person"}, {core::Channel::call, "Call"},
            {core::Channel::other, "Other"}};
        for (const auto& [channel, label] : labels) CHECK(app::channel_label(channel) == label);
    }
}

TEST_CASE("present_today: an empty digest says so in every group") {
    const auto rows = app::present_today({}, {}, kNow, seconds{0});
    REQUIRE(rows.size() == 8);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"You owe a reply (0)", ""}, {"", "Nobody is waiting for your reply."},
        {"Waiting on them (0)", ""}, {"", "You are not waiting on anyone."},
        {"Going cold (0)", ""},      {"", "No one is going cold."},
        {"Follow-ups due (0)", ""},  {"", "No follow-ups due today."},
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CAPTURE(i);
        CHECK(rows[i].kind == (i % 2 == 0 ? TodayRowKind::header : TodayRowKind::empty));
        CHECK(rows[i].person == expected[i].first);
        CHECK(rows[i].text == expected[i].second);
        CHECK(rows[i].item_id.empty());
    }
}

TEST_CASE("present_today: groups in order, at most 50 items each, the rest counted") {
    core::TodayDigest d;
    for (int k = 0; k < 60; ++k)
        d.owe_reply.push_back(item(ReminderRule::owe_reply, "P" + std::to_string(k),
                                   core::Channel::email, kNow - days{1}, "s"));
    d.followups.push_back(
        item(ReminderRule::followup, "Ana", core::Channel::in_person, kNow, "call back"));
    db::TodayCounts counts;
    counts.owe_reply = 1234;  // the database counted more than it returned
    counts.followups = 0;     // and a caller without counts passes zeros: the list is the truth

    const auto rows = app::present_today(d, counts, kNow, seconds{0});
    // header + 50 + more, header + empty, header + empty, header + 1
    REQUIRE(rows.size() == 52 + 2 + 2 + 2);
    CHECK(rows[0].person == "You owe a reply (1234)");
    CHECK(rows[1].person == "P0");
    CHECK(rows[50].person == "P49");
    CHECK(rows[51].kind == TodayRowKind::more);
    CHECK(rows[51].text == "… and 1,184 more: kith-cli today --all");
    CHECK(rows[52].person == "Waiting on them (0)");
    CHECK(rows[54].person == "Going cold (0)");
    CHECK(rows[56].person == "Follow-ups due (1)");
    CHECK(rows[57].text == "call back");
    CHECK(rows[57].when == "due today");

    const auto fewer = app::present_today(d, counts, kNow, seconds{0}, 3);
    CHECK(fewer[3].person == "P2");
    CHECK(fewer[4].text == "… and 1,231 more: kith-cli today --all");
}

TEST_CASE("status bar and heading texts") {
    CHECK(app::format_count(0) == "0");
    CHECK(app::format_count(999) == "999");
    CHECK(app::format_count(1000) == "1,000");
    CHECK(app::format_count(13112) == "13,112");
    CHECK(app::format_count(1234567) == "1,234,567");
    CHECK(app::format_count(-4200) == "-4,200");
    CHECK(app::counts_text(300, 13112) == "300 people · 13,112 interactions");
    CHECK(app::counts_text(1, 1) == "1 person · 1 interaction");
    CHECK(app::counts_text(0, 0) == "0 people · 0 interactions");
    CHECK(app::location_text("/tmp/kith.db", false) == "/tmp/kith.db");
    CHECK(app::location_text("/tmp/demo.db", true) == "Demo data · /tmp/demo.db");
    CHECK(app::today_heading(kNow, seconds{0}) == "Today · Wednesday 25 November 2026");
    CHECK(app::today_heading(kNow, -hours{13}) == "Today · Tuesday 24 November 2026");
    CHECK(app::today_heading(core::TimePoint{} + days{0}, seconds{0}) ==
          "Today · Thursday 1 January 1970");
}

TEST_CASE("error_text: message first, then the hint") {
    CHECK(app::error_text(core::make_error(core::ErrorCode::locked, "database is locked",
                                           "Perhaps kith-cli is importing?")) ==
          "Database is locked\n\nPerhaps kith-cli is importing?");
    CHECK(app::error_text(core::make_error(core::ErrorCode::io, "no such file")) == "No such file");
}
