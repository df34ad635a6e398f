// The quick-log job on the real kith-cli: "Met Ana Ruiz at DevConf, talked about grant writing,
// send her the report by Friday", then the follow-up through today, followup list/done/snooze,
// the timeline and search. "Now" is Wednesday 2026-11-25 12:00 UTC, so "fri" is the 27th.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/app/cli/subprocess.h"

using namespace kith::test;
using nlohmann::json;

namespace {

constexpr const char* kFriday0800 = "2026-11-27T08:00:00Z";
constexpr const char* kFridayDue = "2026-11-27T09:00:00Z";  // a due day without a time: 09:00

/// The quick log of the design's first job, as JSON.
json log_devconf(const KithCli& cli) {
    return cli.json({"log", "Ana Ruiz", "--yes", "--place", "DevConf", "--notes",
                     "talked about grant writing", "--follow-up", "send her the report", "--due",
                     "fri"});
}

std::int64_t followup_id_of(const json& logged) {
    REQUIRE(logged["followup_id"].is_number_integer());
    return logged["followup_id"].get<std::int64_t>();
}

}  // namespace

TEST_CASE("log creates the person an in-person meeting and a follow-up") {
    TempDir dir;
    const KithCli cli(dir);
    const auto logged = log_devconf(cli);
    REQUIRE(logged["person_ids"].size() == 1);
    const auto ana = logged["person_ids"][0].get<std::int64_t>();
    CHECK(logged["interaction_id"].is_number_integer());
    followup_id_of(logged);

    const auto person = cli.json({"person", "show", "#" + std::to_string(ana)});
    CHECK(person["name"] == "Ana Ruiz");
    const auto stats = cli.json({"stats"});
    CHECK(stats["people"] == 1);
    CHECK(stats["by_channel"]["in_person"] == 1);
    CHECK(stats["by_kind"]["meeting"] == 1);
    CHECK(stats["followups"] == 1);
}

TEST_CASE("the logged meeting is on the person's timeline with place notes and time") {
    TempDir dir;
    const KithCli cli(dir);
    log_devconf(cli);
    const auto timeline = cli.json({"timeline", "Ana Ruiz"});
    REQUIRE(timeline.size() == 1);
    const auto& e = timeline[0];
    CHECK(e["channel"] == "in_person");
    CHECK(e["kind"] == "meeting");
    CHECK(e["direction"] == "mutual");
    CHECK(e["place"] == "DevConf");
    CHECK(e["excerpt"] == "talked about grant writing");
    CHECK(e["at"] == kCliNow);  // --at defaults to now
}

TEST_CASE("the follow-up is listed with its due date and person") {
    TempDir dir;
    const KithCli cli(dir);
    const auto id = followup_id_of(log_devconf(cli));
    const auto list = cli.json({"followup", "list"});
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == id);
    CHECK(list[0]["text"] == "send her the report");
    CHECK(list[0]["due"] == kFridayDue);
    CHECK(list[0]["done"] == false);
    REQUIRE(list[0]["people"].size() == 1);
    CHECK(list[0]["people"][0]["name"] == "Ana Ruiz");
}

TEST_CASE("the follow-up is due in today on Friday and not before") {
    TempDir dir;
    const KithCli cli(dir);
    const auto id = followup_id_of(log_devconf(cli));
    CHECK(cli.json({"today"})["followups"].empty());
    CHECK(cli.json_at("2026-11-26T23:00:00Z", {"today"})["followups"].empty());
    const auto friday = cli.json_at(kFriday0800, {"today"});
    REQUIRE(friday["followups"].size() == 1);
    const auto& item = friday["followups"][0];
    CHECK(item["id"] == "followup:" + std::to_string(id));
    CHECK(item["person"] == "Ana Ruiz");
    CHECK(item["subject"] == "send her the report");
    CHECK(item["at"] == kFridayDue);
}

TEST_CASE("followup done removes it from the list and from today") {
    TempDir dir;
    const KithCli cli(dir);
    const auto id = followup_id_of(log_devconf(cli));
    cli.ok({"followup", "done", std::to_string(id)});
    CHECK(cli.json({"followup", "list"}).empty());
    CHECK(cli.json_at(kFriday0800, {"today"})["followups"].empty());
    const auto all = cli.json({"followup", "list", "--person", "Ana Ruiz", "--all"});
    REQUIRE(all.size() == 1);
    CHECK(all[0]["done"] == true);
    CHECK(all[0]["done_at"] == kCliNow);
}

TEST_CASE("followup snooze moves it to its new date") {
    TempDir dir;
    const KithCli cli(dir);
    const auto id = followup_id_of(log_devconf(cli));
    const auto snoozed =
        cli.json({"followup", "snooze", "followup:" + std::to_string(id), "next week"});
    CHECK(snoozed["due"] == "2026-11-30T09:00:00Z");  // the coming Monday
    CHECK(cli.json_at(kFriday0800, {"today"})["followups"].empty());
    const auto monday = cli.json_at("2026-11-30T08:00:00Z", {"today"});
    REQUIRE(monday["followups"].size() == 1);
    CHECK(monday["followups"][0]["at"] == "2026-11-30T09:00:00Z");
}

TEST_CASE("search finds the logged person by name and the meeting by its notes") {
    TempDir dir;
    const KithCli cli(dir);
    log_devconf(cli);
    const auto by_name = cli.json({"search", "ana"});
    REQUIRE(by_name["people"].size() == 1);
    CHECK(by_name["people"][0]["name"] == "Ana Ruiz");
    const auto by_notes = cli.json({"search", "grant", "writ"});
    CHECK(by_notes["people"].empty());
    REQUIRE(by_notes["interactions"].size() == 1);
    CHECK(by_notes["interactions"][0]["person"] == "Ana Ruiz");
    CHECK(by_notes["interactions"][0]["place"] == "DevConf");
    const auto by_place = cli.json({"search", "devconf"});
    CHECK(by_place["interactions"].size() == 1);
}

TEST_CASE("logging an existing person by name email or id adds to their timeline") {
    TempDir dir;
    const KithCli cli(dir);
    const auto ana = cli.json({"person", "add", "Ana Ruiz", "--identity", "ana@example.org"});
    const auto id = "#" + std::to_string(ana["id"].get<std::int64_t>());
    for (const std::string& who : std::vector<std::string>{"Ana Ruiz", "ana@example.org", id}) {
        CAPTURE(who);
        cli.json({"log", who, "--channel", "call", "--notes", "call with " + who});
    }
    CHECK(cli.json({"stats"})["people"] == 1);
    const auto timeline = cli.json({"timeline", "ana@example.org", "--channel", "call"});
    CHECK(timeline.size() == 3);
}

TEST_CASE("a meeting logged with three people is on each timeline and resets their cadence") {
    TempDir dir;
    const KithCli cli(dir);
    for (const char* name : {"Ana Ruiz", "Ben Okafor", "Chloé Martin"})
        cli.json({"person", "add", name, "--cadence", "14d"});
    // Nobody met for over two weeks: all three are going cold.
    const auto later = cli.json_at("2026-12-20T12:00:00Z", {"today"});
    CHECK(later["going_cold"].size() == 3);
    const auto logged = cli.json_at(
        "2026-12-20T12:00:00Z",
        {"log", "Ana Ruiz", "Ben Okafor", "Chloé Martin", "--at", "yesterday", "--place", "Lunch"});
    CHECK(logged["person_ids"].size() == 3);
    for (const char* name : {"Ana Ruiz", "Ben Okafor", "Chloé Martin"}) {
        CAPTURE(std::string(name));
        const auto timeline = cli.json({"timeline", name});
        REQUIRE(timeline.size() == 1);
        CHECK(timeline[0]["id"] == logged["interaction_id"]);
    }
    CHECK(cli.json_at("2026-12-20T12:00:00Z", {"today"})["going_cold"].empty());
}

TEST_CASE("follow-ups are due by the end of the user's local day") {
    TempDir dir;
    KithCli cli(dir);
    cli.env["TZ"] = "EST5";  // UTC-5 all year, no time zone database needed
    // 23:30 on Wednesday in New York is already Thursday in UTC.
    const std::string late_wednesday = "2026-11-25T23:30:00-05:00";
    const auto today_due = cli.json_at(late_wednesday, {"log", "Ana Ruiz", "--yes", "--follow-up",
                                                        "send the slides", "--due", "today"});
    const auto tomorrow_due = cli.json_at(
        late_wednesday, {"log", "Ana Ruiz", "--follow-up", "book the room", "--due", "tomorrow"});
    const auto list = cli.json({"followup", "list"});
    REQUIRE(list.size() == 2);
    CHECK(list[0]["due"] == "2026-11-25T14:00:00Z");  // 09:00 local
    CHECK(list[1]["due"] == "2026-11-26T14:00:00Z");
    const auto wednesday = cli.json_at(late_wednesday, {"today"});
    REQUIRE(wednesday["followups"].size() == 1);
    CHECK(wednesday["followups"][0]["followup_id"] == today_due["followup_id"]);
    const auto thursday = cli.json_at("2026-11-26T08:00:00-05:00", {"today"});
    CHECK(thursday["followups"].size() == 2);
    CHECK(tomorrow_due["followup_id"] != today_due["followup_id"]);
}
