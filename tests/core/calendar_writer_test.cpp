// The calendar export is written by core/ alone; libical (a second, independent parser) reads it
// back here, so "a calendar can read it" is tested, not assumed.
#include "core/calendar_writer.h"

#include <doctest/doctest.h>
#include <libical/ical.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace kith;

namespace {

const core::TimePoint kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours{12};

std::vector<core::CalendarEntry> entries() {
    core::CalendarEntry f;
    f.uid = "followup-12@kith";
    // Every TEXT special character, a newline, and a long UTF-8 summary that must be folded.
    f.summary =
        "Follow up: send the report; budget, plan \\ notes — Ana Ruiz, Chloé Martin, "
        "Łukasz Żółć and everyone else at the café";
    f.description = "Line one\nLine two";
    f.start = kNow + core::Days{2};
    core::CalendarEntry r;
    r.uid = "owe_reply:i42@kith";
    r.summary = "Reply to Ben: Grant?";
    r.start = kNow;
    r.all_day = false;
    r.alarm_minutes = -15;
    return {f, r};
}

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

}  // namespace

TEST_CASE("calendar: libical reads back every entry with its UID, dates, text and alarm") {
    for (const auto kind : {core::CalendarItemKind::event, core::CalendarItemKind::todo}) {
        const bool todo = kind == core::CalendarItemKind::todo;
        CAPTURE(todo);
        const auto text = core::format_calendar(entries(), kind, kNow, "Kith reminders");
        // RFC 5545: no physical line longer than 75 octets, every line ends in CRLF.
        std::size_t start = 0;
        while (start < text.size()) {
            const auto end = text.find("\r\n", start);
            REQUIRE(end != std::string::npos);
            CHECK(end - start <= 75);
            start = end + 2;
        }
        std::unique_ptr<icalcomponent, ComponentFree> cal(icalparser_parse_string(text.c_str()));
        REQUIRE(cal);
        REQUIRE(icalcomponent_isa(cal.get()) == ICAL_VCALENDAR_COMPONENT);
        CHECK(icalcomponent_count_errors(cal.get()) == 0);
        const auto k = todo ? ICAL_VTODO_COMPONENT : ICAL_VEVENT_COMPONENT;
        CHECK(icalcomponent_count_components(cal.get(), k) == 2);

        icalcomponent* first = icalcomponent_get_first_component(cal.get(), k);
        REQUIRE(first);
        CHECK(std::string(icalcomponent_get_uid(first)) == "followup-12@kith");
        CHECK(std::string(icalcomponent_get_summary(first)) == entries()[0].summary);
        CHECK(std::string(icalcomponent_get_description(first)) == "Line one\nLine two");
        const icaltimetype date =
            todo ? icalcomponent_get_due(first) : icalcomponent_get_dtstart(first);
        CHECK(date.is_date == 1);
        CHECK(date.year == 2026);
        CHECK(date.month == 11);
        CHECK(date.day == 27);
        icalcomponent* alarm = icalcomponent_get_first_component(first, ICAL_VALARM_COMPONENT);
        REQUIRE(alarm);
        icalproperty* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
        REQUIRE(trigger);
        CHECK(icaldurationtype_as_int(icalproperty_get_trigger(trigger).duration) == 9 * 3600);

        icalcomponent* second = icalcomponent_get_next_component(cal.get(), k);
        REQUIRE(second);
        CHECK(std::string(icalcomponent_get_uid(second)) == "owe_reply:i42@kith");
        const icaltimetype at =
            todo ? icalcomponent_get_due(second) : icalcomponent_get_dtstart(second);
        CHECK(icaltime_is_utc(at));
        CHECK(icaltime_as_timet(at) == core::to_unix(kNow));
        icalcomponent* alarm2 = icalcomponent_get_first_component(second, ICAL_VALARM_COMPONENT);
        REQUIRE(alarm2);
        CHECK(icaldurationtype_as_int(icalproperty_get_trigger(icalcomponent_get_first_property(
                                                                   alarm2, ICAL_TRIGGER_PROPERTY))
                                          .duration) == -15 * 60);
    }
}

TEST_CASE("calendar: the same entries give the same file (stable UIDs, no random parts)") {
    CHECK(core::format_calendar(entries(), core::CalendarItemKind::event, kNow, "K") ==
          core::format_calendar(entries(), core::CalendarItemKind::event, kNow, "K"));
}

TEST_CASE("calendar: folding never splits a UTF-8 sequence, escaping covers TEXT specials") {
    const std::string long_line = "SUMMARY:" + std::string(66, 'a') + "é" + std::string(10, 'b');
    const auto folded = core::fold_ics_line(long_line);
    CHECK(folded.find("a\r\n é") != std::string::npos);  // the 2-byte é moved to the next line
    CHECK(core::escape_ics_text("a;b,c\\d\r\ne") == "a\\;b\\,c\\\\d\\ne");
}
