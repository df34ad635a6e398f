#include "import/ics_importer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/identity_normalizer.h"
#include "core/time.h"
#include "db/import_runner.h"
#include "tests/db/test_db.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using kith::import::test::CollectingSink;
using kith::import::test::has_line;
using kith::import::test::joined;
using kith::import::test::RecordingProgress;
using kith::import::test::transcript;

namespace {

const std::string kNowIso = "2026-11-25T12:00:00Z";

std::string calendar(const std::string& body, const std::string& head = "") {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Kith//EN\r\n" + head + body +
           "END:VCALENDAR\r\n";
}

/// A VEVENT with `lines` (CRLF added) between BEGIN and END.
std::string event(std::initializer_list<std::string_view> lines) {
    std::string out = "BEGIN:VEVENT\r\n";
    for (const auto l : lines) out.append(l).append("\r\n");
    return out + "END:VEVENT\r\n";
}

struct Run {
    CollectingSink sink;
    core::Result<void> result;
};

Run import_text(const test::TempDir& dir, const std::string& content,
                core::Progress* progress = nullptr,
                std::map<std::string, std::string> options = {}) {
    const auto path = dir / "cal.ics";
    test::write_file(path, content);
    import::IcsImporter importer;
    options.emplace("now", kNowIso);
    core::ImportRequest req{"ics", path.string(), options};
    Run run{CollectingSink{}, {}};
    run.sink.mine.push_back(*core::normalize_identity(core::IdentityKind::email, "me@example.org"));
    core::NullProgress null_progress;
    run.result = importer.run(req, run.sink, progress ? *progress : null_progress);
    return run;
}

struct Quirk {
    const char* what;  ///< where the quirk comes from
    std::string ics;
    std::vector<std::string> expected;  ///< each a part of some transcript line
    std::uint64_t skipped = 0;
};

const std::string kAna = "ATTENDEE;CN=Ana Ruiz;PARTSTAT=ACCEPTED:mailto:ana@example.org";

std::vector<Quirk> quirks() {
    return {
        {"Google Calendar: UTC times, lower-case mailto, organizer with CN",
         calendar(event({"UID:g1@google.com", "DTSTART:20261120T093000Z", "DTEND:20261120T103000Z",
                         "SUMMARY:Grant writing", "LOCATION:Café Central",
                         "DESCRIPTION:Talked about the report",
                         "ORGANIZER;CN=Ben Okafor:mailto:ben@example.org", kAna.c_str()})),
         {"ics/g1@google.com in_person meeting mutual 2026-11-20T09:30:00Z",
          "subject=Grant writing text=Talked about the report url= place=Café Central personal=1",
          "[email:ben@example.org (ben@example.org) \"Ben Okafor\" attendee] "
          "[email:ana@example.org "
          "(ana@example.org) \"Ana Ruiz\" attendee]"}},
        {"Outlook: upper-case MAILTO, quoted CN holding ',' and ';', address as CN",
         calendar(
             event({"UID:o1", "DTSTART:20261101T080000Z",
                    "ATTENDEE;CN=\"Ruiz, Ana; PhD\";ROLE=REQ-PARTICIPANT:MAILTO:Ana@Example.ORG",
                    "ATTENDEE;CN=ben@example.org:MAILTO:ben@example.org"})),
         {"email:ana@example.org (Ana@Example.ORG) \"Ruiz, Ana; PhD\"",
          "email:ben@example.org (ben@example.org) \"\" attendee"}},
        {"RFC 6868: ^' is a double quote, ^^ a caret, ^n a newline in parameter values",
         calendar(event({"UID:c1", "DTSTART:20261101T080000Z",
                         "ATTENDEE;CN=Ana ^'Anita^' Ruiz ^^_^^:mailto:ana@example.org"})),
         {"\"Ana \"Anita\" Ruiz ^_^\""}},
        {"RFC 5545 folding inside a parameter, continuation with a tab",
         calendar(event({"UID:f1", "DTSTART:20261101T080000Z", "ATTENDEE;CN=Ana R",
                         "\tuiz;PARTSTAT=ACC", " EPTED:mailto:ana@exa", " mple.org"})),
         {"email:ana@example.org (ana@example.org) \"Ana Ruiz\""}},
        {"Outlook: Windows TZID without a VTIMEZONE (Berlin, UTC+1 in November)",
         calendar(event(
             {"UID:w1", "DTSTART;TZID=W. Europe Standard Time:20261110T100000", kAna.c_str()})),
         {"ics/w1 in_person meeting mutual 2026-11-10T09:00:00Z"}},
        {"Exchange: the file's own VTIMEZONE with a made-up TZID (UTC+3, no DST)",
         calendar("BEGIN:VTIMEZONE\r\nTZID:Custom Zone\r\nBEGIN:STANDARD\r\n"
                  "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
                  "END:STANDARD\r\nEND:VTIMEZONE\r\n" +
                  event({"UID:v1", "DTSTART;TZID=Custom Zone:20261110T100000", kAna.c_str()})),
         {"ics/v1 in_person meeting mutual 2026-11-10T07:00:00Z"}},
        {"Thunderbird/Lightning: Mozilla-prefixed TZID (New York, UTC−5 in November)",
         calendar(event({"UID:m1",
                         "DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:20261110T100000",
                         kAna.c_str()})),
         {"ics/m1 in_person meeting mutual 2026-11-10T15:00:00Z"}},
        {"All-day event: VALUE=DATE becomes noon UTC of that day",
         calendar(event(
             {"UID:d1", "DTSTART;VALUE=DATE:20261103", "DTEND;VALUE=DATE:20261104", kAna.c_str()})),
         {"ics/d1 in_person meeting mutual 2026-11-03T12:00:00Z"}},
        {"Google/Apple: floating time in the calendar's X-WR-TIMEZONE (Tokyo, UTC+9)",
         calendar(event({"UID:x1", "DTSTART:20261110T100000", kAna.c_str()}),
                  "X-WR-TIMEZONE:Asia/Tokyo\r\n"),
         {"ics/x1 in_person meeting mutual 2026-11-10T01:00:00Z"}},
        {"Floating time without X-WR-TIMEZONE: UTC",
         calendar(event({"UID:x2", "DTSTART:20261110T100000", kAna.c_str()})),
         {"ics/x2 in_person meeting mutual 2026-11-10T10:00:00Z"}},
        {"I organise and attend: me is never a participant",
         calendar(
             event({"UID:me1", "DTSTART:20261101T080000Z", "ORGANIZER;CN=Me:mailto:ME@example.org",
                    "ATTENDEE;CN=Me:mailto:me@example.org", kAna.c_str()})),
         {"ics/me1 in_person meeting mutual 2026-11-01T08:00:00Z thread= subject= text= url= "
          "place= personal=1 "
          "bulk=0 [email:ana@example.org (ana@example.org) \"Ana Ruiz\" attendee]\n"}},
        {"Future event: a follow-up due at its start, for every attendee",
         calendar(event(
             {"UID:fut1", "DTSTART:20261201T090000Z", "SUMMARY:Coffee with Ana", kAna.c_str()})),
         {"ics/fut1 Coffee with Ana due 2026-12-01T09:00:00Z open [email:ana@example.org"}},
        {"Rooms (CUTYPE=ROOM) and people who declined are not at the meeting",
         calendar(
             event({"UID:r1", "DTSTART:20261101T080000Z",
                    "ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.org",
                    "ATTENDEE;PARTSTAT=DECLINED;CN=Ben:mailto:ben@example.org", kAna.c_str()})),
         {"ics/r1 in_person meeting mutual 2026-11-01T08:00:00Z thread= subject= text= url= place= "
          "personal=1 "
          "bulk=0 [email:ana@example.org (ana@example.org) \"Ana Ruiz\" attendee]\n"}},
        {"Cancelled events and events with nobody but me are skipped (counted)",
         calendar(event({"UID:k1", "DTSTART:20261101T080000Z", "STATUS:CANCELLED", kAna.c_str()}) +
                  event({"UID:k2", "DTSTART:20261101T080000Z", "SUMMARY:Dentist"})),
         {},
         2},
        {"Unknown TZID: one warning, the time taken as UTC",
         calendar(event({"UID:u1", "DTSTART;TZID=Mars/Olympus:20261110T100000", kAna.c_str()}) +
                  event({"UID:u2", "DTSTART;TZID=Mars/Olympus:20261111T100000", kAna.c_str()})),
         {"ics/u1 in_person meeting mutual 2026-11-10T10:00:00Z",
          "cal.ics:4 (UID u1): unknown time zone \"Mars/Olympus\"; its times are taken as UTC"}},
        {"A broken event is a warning with its line and UID; the next one is read",
         calendar(event({"UID:b1", "DTSTART:next tuesday", kAna.c_str()}) +
                  event({"UID:b2", "DTSTART:20261110T100000Z", kAna.c_str()})),
         {"cal.ics:4 (UID b1): event without a readable DTSTART skipped",
          "ics/b2 in_person meeting"}},
        {"Unusable attendee addresses (urn:uuid, empty mailto) are left out with a warning",
         calendar(event({"UID:a1", "DTSTART:20261110T100000Z", "ATTENDEE;CN=Group:urn:uuid:1234",
                         kAna.c_str()})),
         {"(UID a1): attendee \"urn:uuid:1234\" has no usable email address; left out",
          "ics/a1 in_person meeting"}},
        {"No UID (hand-written files): a stable id from start and summary",
         calendar(event({"DTSTART:20261110T100000Z", "SUMMARY:Lunch", kAna.c_str()})),
         {"ics/no-uid-"}},
        {"Recurring weekly: past occurrences are meetings (EXDATE removed, an override moved, a "
         "cancelled one dropped), only the next future one is a follow-up",
         calendar(
             event({"UID:s1", "DTSTART;TZID=Europe/Berlin:20261102T100000", "RRULE:FREQ=WEEKLY",
                    "SUMMARY:Standup", "EXDATE;TZID=Europe/Berlin:20261109T100000", kAna.c_str()}) +
             event({"UID:s1", "RECURRENCE-ID;TZID=Europe/Berlin:20261116T100000",
                    "DTSTART;TZID=Europe/Berlin:20261116T150000", "SUMMARY:Standup (moved)",
                    kAna.c_str()}) +
             event({"UID:s1", "RECURRENCE-ID;TZID=Europe/Berlin:20261123T100000",
                    "DTSTART;TZID=Europe/Berlin:20261123T100000", "STATUS:CANCELLED",
                    kAna.c_str()})),
         {"ics/s1/2026-11-02T09:00:00Z in_person meeting mutual 2026-11-02T09:00:00Z "
          "thread= subject=Standup",
          "ics/s1/2026-11-16T09:00:00Z in_person meeting mutual 2026-11-16T14:00:00Z "
          "thread= subject=Standup (moved)",
          "ics/s1/2026-11-30T09:00:00Z Standup due 2026-11-30T09:00:00Z open"},
         1},
    };
}

}  // namespace

TEST_CASE("ics: one quirk a row") {
    test::TempDir dir;
    for (const auto& q : quirks()) {
        CAPTURE(q.what);
        auto run = import_text(dir, q.ics);
        REQUIRE_MESSAGE(run.result.ok(), test::error_text(run.result));
        std::vector<std::string> lines = transcript(run.sink);
        for (auto& l : lines) l += "\n";  // so a row can say "this is the end of the line"
        for (const auto& e : q.expected) CHECK_MESSAGE(has_line(lines, e), e, joined(lines));
        CHECK(run.sink.skipped_count == q.skipped);
    }
}

TEST_CASE("ics: a weekly series yields exactly its occurrences, and no more than one follow-up") {
    test::TempDir dir;
    auto run =
        import_text(dir, calendar(event({"UID:s1", "DTSTART:20261102T090000Z", "RRULE:FREQ=WEEKLY",
                                         "EXDATE:20261109T090000Z", kAna.c_str()})));
    REQUIRE(run.result.ok());
    // Nov 2, 16, 23 past (9 excluded); Nov 30 the next.
    CHECK(run.sink.interactions.size() == 3);
    REQUIRE(run.sink.followups.size() == 1);
    CHECK(core::format_iso(run.sink.followups[0].due) == "2026-11-30T09:00:00Z");
}

TEST_CASE("ics: files that cannot be imported are errors, cut-off files warn") {
    test::TempDir dir;
    auto text = import_text(dir, "Hello, this is not a calendar\r\n");
    REQUIRE_FALSE(text.result.ok());
    CHECK(text.result.error().code == core::ErrorCode::format);
    CHECK(text.result.error().message.find("cal.ics:1 is not iCalendar") != std::string::npos);

    auto empty = import_text(dir, "");
    REQUIRE_FALSE(empty.result.ok());
    CHECK(empty.result.error().message.find("no BEGIN:VCALENDAR") != std::string::npos);

    auto binary = import_text(dir, std::string("BEGIN:VCALENDAR\r\n\0\0\0", 20));
    REQUIRE_FALSE(binary.result.ok());
    CHECK(binary.result.error().message.find("NUL bytes") != std::string::npos);

    import::IcsImporter importer;
    core::NullProgress progress;
    CollectingSink sink;
    const auto missing =
        importer.run({"ics", (dir / "missing.ics").string(), {{"now", kNowIso}}}, sink, progress);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == core::ErrorCode::not_found);

    const auto bad_now =
        importer.run({"ics", (dir / "cal.ics").string(), {{"now", "soon"}}}, sink, progress);
    REQUIRE_FALSE(bad_now.ok());
    CHECK(bad_now.error().code == core::ErrorCode::invalid_input);

    // Cut off in the middle of the second event: the first is kept, the second is a warning.
    const auto whole = calendar(event({"UID:t1", "DTSTART:20261101T080000Z", kAna.c_str()}) +
                                event({"UID:t2", "DTSTART:20261102T080000Z", kAna.c_str()}));
    auto cut = import_text(dir, whole.substr(0, whole.find("UID:t2") + 10));
    REQUIRE(cut.result.ok());
    CHECK(cut.sink.interactions.size() == 1);
    REQUIRE(cut.sink.warnings.size() == 1);
    CHECK(cut.sink.warnings[0].location == (dir / "cal.ics").string() + ":9");
    CHECK(cut.sink.warnings[0].message.find("ends inside this VEVENT") != std::string::npos);

    // An event over the size limit (a huge attachment) is skipped; the next one is read.
    const std::string huge(import::IcsImporter::kMaxComponentBytes, 'A');
    auto big =
        import_text(dir, calendar(event({"UID:h1", "DTSTART:20261101T080000Z", kAna.c_str(),
                                         ("ATTACH;ENCODING=BASE64;VALUE=BINARY:" + huge).c_str()}) +
                                  event({"UID:h2", "DTSTART:20261102T080000Z", kAna.c_str()})));
    REQUIRE(big.result.ok());
    REQUIRE(big.sink.interactions.size() == 1);
    CHECK(big.sink.interactions[0].ext_id == "h2");
    REQUIRE(big.sink.warnings.size() == 1);
    CHECK(big.sink.warnings[0].message == "VEVENT larger than 1 MiB skipped");
}

TEST_CASE("ics: progress in bytes, cancel between components, sink errors stop the import") {
    test::TempDir dir;
    std::string body;
    for (int i = 0; i < 300; ++i)
        body += event(
            {("UID:p" + std::to_string(i)).c_str(), "DTSTART:20261101T080000Z", kAna.c_str()});
    const auto ics = calendar(body);

    RecordingProgress progress;
    auto run = import_text(dir, ics, &progress);
    REQUIRE(run.result.ok());
    REQUIRE(progress.updates.size() >= 3);
    CHECK(progress.updates.front().done == 0);
    CHECK(progress.updates.back().done == ics.size());
    CHECK(progress.updates.back().what == "bytes");

    RecordingProgress cancelling;
    cancelling.cancel_at_update = 2;
    auto cancelled = import_text(dir, ics, &cancelling);
    REQUIRE_FALSE(cancelled.result.ok());
    CHECK(cancelled.result.error().code == core::ErrorCode::cancelled);
    CHECK(cancelled.sink.interactions.size() < 300);

    const auto path = dir / "cal.ics";
    import::IcsImporter importer;
    CollectingSink failing;
    failing.fail_after = 5;
    core::NullProgress null_progress;
    const auto failed =
        importer.run({"ics", path.string(), {{"now", kNowIso}}}, failing, null_progress);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == core::ErrorCode::database);
    CHECK(failing.interactions.size() == 5);
}

TEST_CASE("ics into SQLite: people, meetings, follow-ups — re-importing duplicates nothing") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    const auto path = dir / "work.ics";
    test::write_file(path,
                     calendar(event({"UID:e1", "DTSTART:20261020T090000Z", "SUMMARY:Kickoff",
                                     "ORGANIZER;CN=Me:mailto:me@example.org", kAna.c_str(),
                                     "ATTENDEE;CN=Ben Okafor:mailto:ben@example.org"}) +
                              event({"UID:e2", "DTSTART;TZID=Europe/Berlin:20261102T100000",
                                     "RRULE:FREQ=WEEKLY;COUNT=6", "SUMMARY:Weekly", kAna.c_str()}) +
                              event({"UID:e3", "DTSTART:20261210T090000Z", "SUMMARY:Review",
                                     "ATTENDEE;CN=Chloé Martin:mailto:chloe@example.org"})));
    auto me = db::PeopleRepo(*database).me(test::kNow);
    REQUIRE(me.ok());
    database->sql().exec("INSERT INTO identities(person_id, kind, value, created_at) VALUES (" +
                         std::to_string(*me) + ", 'email', 'me@example.org', 0)");

    import::IcsImporter importer;
    core::NullProgress progress;
    const core::ImportRequest req{"ics", path.string(), {{"now", kNowIso}}};
    auto first = db::run_import(*database, importer, req, progress, test::kNow);
    REQUIRE_MESSAGE(first.ok(), test::error_text(first));
    CHECK(first->counts.warnings == 0);
    // Kickoff + 4 past weekly occurrences (Nov 2, 9, 16, 23); Nov 30 and Dec 10 follow-ups.
    CHECK(test::count_rows(*database, "interactions") == 5);
    CHECK(test::count_rows(*database, "followups") == 2);
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM interactions WHERE channel = 'in_person' AND "
                          "kind = 'meeting' AND direction = 'mutual'")
              .getInt64() == 5);
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM people WHERE is_me = 0 AND name IN "
                          "('Ana Ruiz', 'Ben Okafor', 'Chloé Martin')")
              .getInt64() == 3);
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM participants p JOIN people x ON x.id = "
                          "p.person_id WHERE x.is_me = 1")
              .getInt64() == 0);
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM followup_people fp JOIN people x ON x.id = "
                          "fp.person_id WHERE x.name = 'Chloé Martin'")
              .getInt64() == 1);

    auto second = db::run_import(*database, importer, req, progress, test::kNow);
    REQUIRE(second.ok());
    CHECK(second->counts.added == 0);
    CHECK(test::count_rows(*database, "interactions") == 5);
    CHECK(test::count_rows(*database, "followups") == 2);
    CHECK(test::count_rows(*database, "people") == 4);
}
