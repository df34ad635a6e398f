// Contacts out and followers → email, driven through the real kith-cli: import ics, export
// ics/csv/mailing-list, followers, consent, reciprocity on the person page.
#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <libical/ical.h>

#include <memory>
#include <string>

#include "tests/app/cli/subprocess.h"

using namespace kith::test;
using nlohmann::json;

namespace {

/// Followers with every combination the view must tell apart (now is 2026-11-25):
///  - Ana follows me on Mastodon, I follow her back, her email came from a blog comment (wxr
///    namespace here: jsonl), she replied twice and DMed once;
///  - Ben follows me on X, no email known, commented on my blog three times;
///  - Dan follows me on X, email known, never interacted;
///  - Eve follows me on X, email known, opted out;
///  - Chloé does not follow me (not in the list), but has an email.
///  - "=HYPERLINK" has a hostile name with a line break (CSV export must neutralise it).
const char* const kFixture =
    R"({"type":"contact","id":"c1","name":"Ana Ruiz","identities":["ana@example.org","@ana@mastodon.social"],"circles":["Bloggers"]}
{"type":"contact","id":"c2","name":"Ben Okafor","identities":["@ben"]}
{"type":"contact","id":"c3","name":"Dan Wu","identities":["dan@example.org","@danwu"]}
{"type":"contact","id":"c4","name":"Eve Adams","identities":["eve@example.org","@eve"]}
{"type":"contact","id":"c5","name":"Chloé Martin","identities":["chloe@example.org"]}
{"type":"contact","id":"c6","name":"=HYPERLINK(\"http://x\")\r\nEvil","identities":["evil@example.org"]}
{"type":"follow","network":"mastodon","identity":"@ana@mastodon.social","seen_at":"2026-11-01"}
{"type":"follow","network":"mastodon","identity":"@ana@mastodon.social","direction":"i_follow","seen_at":"2026-11-01"}
{"type":"follow","network":"twitter","identity":"@ben","seen_at":"2026-11-01"}
{"type":"follow","network":"twitter","identity":"@danwu","seen_at":"2026-11-01"}
{"type":"follow","network":"twitter","identity":"@eve","seen_at":"2026-11-01"}
{"type":"interaction","id":"r1","channel":"mastodon","kind":"reply","direction":"in","at":"2026-11-20T10:00:00Z","participants":["@ana@mastodon.social"]}
{"type":"interaction","id":"r2","channel":"mastodon","kind":"reply","direction":"in","at":"2026-11-21T10:00:00Z","participants":["@ana@mastodon.social"]}
{"type":"interaction","id":"r3","channel":"mastodon","kind":"reply","direction":"out","at":"2026-11-21T11:00:00Z","participants":["@ana@mastodon.social"]}
{"type":"interaction","id":"d1","channel":"mastodon","kind":"dm","direction":"in","at":"2026-11-22T10:00:00Z","participants":["@ana@mastodon.social"]}
{"type":"interaction","id":"b1","channel":"blog","kind":"comment","direction":"in","at":"2026-10-01T10:00:00Z","participants":["@ben"]}
{"type":"interaction","id":"b2","channel":"blog","kind":"comment","direction":"in","at":"2026-10-02T10:00:00Z","participants":["@ben"]}
{"type":"interaction","id":"b3","channel":"blog","kind":"comment","direction":"in","at":"2026-10-03T10:00:00Z","participants":["@ben"]}
{"type":"followup","id":"f1","text":"Send Ana the budget","due":"2026-11-27","people":["ana@example.org"]}
)";

KithCli fixture(const TempDir& dir) {
    KithCli cli(dir);
    write_file(dir / "fixture.jsonl", kFixture);
    const auto r = cli.json({"import", "jsonl", (dir / "fixture.jsonl").string()});
    REQUIRE(r["warnings"] == 0);
    cli.ok({"consent", "Eve Adams", "opted-out", "--evidence", "said no by email"});
    return cli;
}

const json* find_person(const json& list, const std::string& name) {
    for (const auto& item : list)
        if (item["person"] == name) return &item;
    return nullptr;
}

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

}  // namespace

TEST_CASE("followers --json: email known and where from, consent, engagement, reciprocity") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto list = cli.json({"followers"});
    REQUIRE(list.size() == 4);  // Ana, Ben, Dan, Eve — not Chloé, not the hostile name
    CHECK(list[0]["person"] == "Ana Ruiz");  // by name
    const json* ana = find_person(list, "Ana Ruiz");
    REQUIRE(ana);
    CHECK((*ana)["email_known"] == true);
    CHECK((*ana)["email"] == "ana@example.org");
    CHECK((*ana)["email_source"] == "jsonl");
    CHECK((*ana)["consent"] == "unknown");
    CHECK((*ana)["engagement"]["replies"] == 2);
    CHECK((*ana)["engagement"]["dms"] == 1);
    CHECK((*ana)["reciprocity"]["follows_me"]["mastodon"] == true);
    CHECK((*ana)["reciprocity"]["i_follow"]["mastodon"] == true);
    CHECK((*ana)["reciprocity"]["replies"]["from_me"] == 1);
    const json* ben = find_person(list, "Ben Okafor");
    REQUIRE(ben);
    CHECK((*ben)["email_known"] == false);
    CHECK((*ben)["engagement"]["comments"] == 3);
    CHECK((*ben)["reciprocity"]["follows_me"]["twitter"] == true);
    const json* eve = find_person(list, "Eve Adams");
    REQUIRE(eve);
    CHECK((*eve)["consent"] == "opted_out");
    CHECK((*eve)["evidence"] == "said no by email");
    CHECK((*eve)["consent_at"] == kCliNow);
}

TEST_CASE("followers --ranked: only those without an answer, most engaged first") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto ranked = cli.json({"followers", "--ranked"});
    REQUIRE(ranked.size() == 3);  // Eve opted out: not asked again
    CHECK(ranked[0]["person"] == "Ana Ruiz");
    CHECK(ranked[1]["person"] == "Ben Okafor");
    CHECK(ranked[2]["person"] == "Dan Wu");
    CHECK(ranked[0]["ask_score"].get<double>() > ranked[1]["ask_score"].get<double>());
    const auto text = cli.ok({"followers", "--ranked"}).out;
    CHECK(text.find("Worth asking for an email") != std::string::npos);
    CHECK(text.find("follows me on Mastodon · I follow on Mastodon") != std::string::npos);
}

TEST_CASE("consent records status, date and evidence in the database — bad input fails cleanly") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto j = cli.json({"consent", "ana@example.org", "opted-in", "--evidence",
                             "replied yes to my DM", "--list", "letters"});
    CHECK(j["consent"] == "opted_in");
    {
        SQLite::Database db(cli.db.string());
        SQLite::Statement q(db,
                            "SELECT c.status, c.at, c.evidence, c.list FROM consents c JOIN "
                            "people p ON p.id = c.person_id WHERE p.name = 'Ana Ruiz'");
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString() == "opted_in");
        CHECK(q.getColumn(1).getInt64() == 1795608000);  // 2026-11-25T12:00:00Z
        CHECK(q.getColumn(2).getString() == "replied yes to my DM");
        CHECK(q.getColumn(3).getString() == "letters");
    }
    expect_clean_failure(cli.run({"consent", "Ana Ruiz", "maybe"}), 2, "unknown consent 'maybe'",
                         "opted-in");
    expect_clean_failure(cli.run({"consent", "Nobody Here", "asked"}), 3, "Nobody Here", "");
}

TEST_CASE("export mailing-list: opted-in only, unless --include-unconsented says so") {
    TempDir dir;
    const auto cli = fixture(dir);
    cli.ok({"consent", "Ana Ruiz", "opted-in", "--evidence", "signed up at DevConf"});
    const auto listmonk = cli.ok({"export", "mailing-list", "--format", "listmonk"});
    CHECK(listmonk.out.rfind("email,name,attributes\r\nana@example.org,Ana Ruiz,", 0) == 0);
    CHECK(listmonk.out.find("dan@example.org") == std::string::npos);
    CHECK(listmonk.out.find("signed up at DevConf") != std::string::npos);
    CHECK(listmonk.err.empty());

    const auto all = cli.ok({"export", "mailing-list", "--format", "mailchimp",
                             "--include-unconsented", "--out", (dir / "mc.csv").string()});
    CHECK(all.err.find("--include-unconsented was used: 1 of 2 rows") != std::string::npos);
    CHECK(all.out.find("(--include-unconsented: 1 without opt-in)") != std::string::npos);
    const auto mc = read_file(dir / "mc.csv");
    CHECK(mc.rfind("Email Address,First Name,Last Name,Tags\r\n", 0) == 0);
    CHECK(mc.find("ana@example.org,Ana,Ruiz,Bloggers\r\n") != std::string::npos);
    CHECK(mc.find("dan@example.org,Dan,Wu,\r\n") != std::string::npos);
    CHECK(mc.find("eve@example.org") == std::string::npos);    // opted out: never
    CHECK(mc.find("chloe@example.org") == std::string::npos);  // not a follower, no consent

    const auto j = cli.json({"export", "mailing-list", "--format", "buttondown",
                             "--include-unconsented", "--out", (dir / "bd.csv").string()});
    CHECK(j["include_unconsented"] == true);
    CHECK(j["unconsented"] == 1);
    CHECK(j["rows"] == 2);
    expect_clean_failure(cli.run({"export", "mailing-list", "--format", "substack"}), 2,
                         "unknown mailing-list format 'substack'", "listmonk");
}

TEST_CASE("export csv: chosen people and fields, hostile cells neutralised") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto out = cli.ok({"export", "csv", "--fields", "name,email,mastodon,circles", "Ana Ruiz",
                             "evil@example.org"})
                         .out;
    CHECK(out ==
          "name,email,mastodon,circles\r\n"
          "Ana Ruiz,ana@example.org,'@ana@mastodon.social,Bloggers\r\n"  // '@' neutralised
          "\"'=HYPERLINK(\"\"http://x\"\") Evil\",evil@example.org,,\r\n");
    const auto circle = cli.ok({"export", "csv", "--circle", "Bloggers"}).out;
    CHECK(circle == "name,email,phone,circles\r\nAna Ruiz,ana@example.org,,Bloggers\r\n");
    expect_clean_failure(cli.run({"export", "csv", "--fields", "name,shoe_size"}), 2,
                         "unknown field 'shoe_size'", "Fields: id; name");
}

TEST_CASE("export ics: a calendar libical reads, with stable UIDs across exports") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto path = dir / "kith.ics";
    cli.ok({"export", "ics", "--out", path.string()});
    const auto first = read_file(path);
    std::unique_ptr<icalcomponent, ComponentFree> cal(icalparser_parse_string(first.c_str()));
    REQUIRE(cal);
    CHECK(icalcomponent_count_errors(cal.get()) == 0);
    REQUIRE(icalcomponent_count_components(cal.get(), ICAL_VEVENT_COMPONENT) >= 1);
    bool found = false;
    for (icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
        if (std::string(icalcomponent_get_summary(e)) !=
            "Follow up: Send Ana the budget — Ana Ruiz")
            continue;
        found = true;
        CHECK(std::string(icalcomponent_get_uid(e)).rfind("followup-", 0) == 0);
        CHECK(icalcomponent_get_dtstart(e).day == 27);
        CHECK(icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT) != nullptr);
    }
    CHECK(found);
    cli.ok({"export", "ics", "--out", path.string()});
    CHECK(read_file(path) == first);
    const auto todo = cli.ok({"export", "ics", "--todo"}).out;
    CHECK(todo.find("BEGIN:VTODO\r\n") != std::string::npos);
}

TEST_CASE("person show: reciprocity at a glance") {
    TempDir dir;
    const auto cli = fixture(dir);
    const auto j = cli.json({"person", "show", "Ana Ruiz"});
    CHECK(j["reciprocity"]["follows_me"]["mastodon"] == true);
    CHECK(j["reciprocity"]["replies"]["from_them"] == 2);
    CHECK(j["reciprocity"]["dms"]["from_them"] == 1);
    const auto text = cli.ok({"person", "show", "Ben Okafor"}).out;
    CHECK(text.find("reciprocity: follows me on X · comments 3 from them, 0 from me") !=
          std::string::npos);
}

TEST_CASE("import ics through the CLI uses KITH_NOW and never duplicates on a re-run") {
    TempDir dir;
    const KithCli cli(dir);
    write_file(dir / "cal.ics",
               "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1\r\n"
               "DTSTART:20261120T090000Z\r\nSUMMARY:Coffee\r\n"
               "ATTENDEE;CN=Ana Ruiz:mailto:ana@example.org\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:e2\r\nDTSTART:20261201T090000Z\r\nSUMMARY:Lunch\r\n"
               "ATTENDEE;CN=Ana Ruiz:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    const auto first = cli.json({"import", "ics", (dir / "cal.ics").string()});
    CHECK(first["added"] == 2);
    const auto stats = cli.json({"stats"});
    CHECK(stats["by_channel"]["in_person"] == 1);
    CHECK(stats["followups"] == 1);
    const auto again = cli.json({"import", "ics", (dir / "cal.ics").string()});
    CHECK(again["added"] == 0);
    CHECK(cli.json({"stats"})["interactions"] == 1);
}
