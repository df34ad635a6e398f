#include "core/when_parser.h"

#include <doctest/doctest.h>

#include <string>

using namespace kith::core;
using namespace std::chrono;

namespace {

constexpr auto F = WhenBias::future;
constexpr auto P = WhenBias::past;

constexpr seconds kUtc{0};
constexpr seconds kCet{hours{1}};   // +01:00, Berlin in winter
constexpr seconds kPst{-hours{8}};  // −08:00, San Francisco: local time is still Tuesday

TimePoint at(const char* iso) {
    const auto t = parse_iso(iso);
    REQUIRE_MESSAGE(t, iso);
    return *t;
}

struct Row {
    const char* text;
    seconds offset;
    WhenBias bias;
    const char* expected;  // UTC
};

// now = Wednesday 2026-11-25 06:48:50 UTC.
const Row kRows[] = {
    // --- offset 0: local Wednesday 06:48:50
    {"now", kUtc, F, "2026-11-25T06:48:50Z"},
    {"NOW", kUtc, P, "2026-11-25T06:48:50Z"},
    {"today", kUtc, F, "2026-11-25T09:00:00Z"},  // a due date: start of the working day
    {"today", kUtc, P, "2026-11-25T12:00:00Z"},  // something that happened: mid-day
    {"tonight", kUtc, F, "2026-11-25T20:00:00Z"},
    {"tonight", kUtc, P, "2026-11-25T20:00:00Z"},
    {"tonight 22:15", kUtc, F, "2026-11-25T22:15:00Z"},
    {"tomorrow", kUtc, F, "2026-11-26T09:00:00Z"},
    {"tomorrow", kUtc, P, "2026-11-26T12:00:00Z"},
    {"yesterday", kUtc, P, "2026-11-24T12:00:00Z"},
    {"yesterday 18:30", kUtc, P, "2026-11-24T18:30:00Z"},
    {"tomorrow 2pm", kUtc, F, "2026-11-26T14:00:00Z"},
    {"tomorrow at 2:30 pm", kUtc, F, "2026-11-26T14:30:00Z"},
    {"  Tomorrow   2PM ", kUtc, F, "2026-11-26T14:00:00Z"},
    {"tomorrow 12am", kUtc, F, "2026-11-26T00:00:00Z"},
    {"tomorrow 12pm", kUtc, F, "2026-11-26T12:00:00Z"},
    {"tomorrow 9:05am", kUtc, F, "2026-11-26T09:05:00Z"},
    {"tomorrow noon", kUtc, F, "2026-11-26T12:00:00Z"},
    {"today midnight", kUtc, F, "2026-11-25T00:00:00Z"},
    {"14:30", kUtc, F, "2026-11-25T14:30:00Z"},  // a time alone is today
    {"2pm", kUtc, P, "2026-11-25T14:00:00Z"},
    // weekdays: today's weekday is today whatever the bias
    {"wed", kUtc, F, "2026-11-25T09:00:00Z"},
    {"wed", kUtc, P, "2026-11-25T12:00:00Z"},
    {"Wednesday", kUtc, F, "2026-11-25T09:00:00Z"},
    {"fri", kUtc, F, "2026-11-27T09:00:00Z"},
    {"fri", kUtc, P, "2026-11-20T12:00:00Z"},
    {"FRIDAY", kUtc, F, "2026-11-27T09:00:00Z"},
    {"fri, 14:00", kUtc, F, "2026-11-27T14:00:00Z"},
    {"thu", kUtc, F, "2026-11-26T09:00:00Z"},
    {"thurs", kUtc, P, "2026-11-19T12:00:00Z"},
    {"tue", kUtc, F, "2026-12-01T09:00:00Z"},
    {"tues", kUtc, P, "2026-11-24T12:00:00Z"},
    {"mon", kUtc, F, "2026-11-30T09:00:00Z"},
    {"monday", kUtc, P, "2026-11-23T12:00:00Z"},
    {"sun", kUtc, F, "2026-11-29T09:00:00Z"},
    {"sat", kUtc, P, "2026-11-21T12:00:00Z"},
    {"next fri", kUtc, F, "2026-11-27T09:00:00Z"},  // the coming Friday
    {"next fri", kUtc, P, "2026-11-27T12:00:00Z"},  // next/last ignore the bias
    {"next wed", kUtc, F, "2026-12-02T09:00:00Z"},  // never today
    {"last wed", kUtc, P, "2026-11-18T12:00:00Z"},
    {"last fri", kUtc, F, "2026-11-20T09:00:00Z"},
    {"next week", kUtc, F, "2026-11-30T09:00:00Z"},  // the coming Monday
    {"last week", kUtc, P, "2026-11-16T12:00:00Z"},  // Monday of the previous week
    {"next month", kUtc, F, "2026-12-01T09:00:00Z"},
    {"last month", kUtc, P, "2026-10-01T12:00:00Z"},
    {"next year", kUtc, F, "2027-01-01T09:00:00Z"},
    {"last year", kUtc, P, "2025-01-01T12:00:00Z"},
    {"next week 10:00", kUtc, F, "2026-11-30T10:00:00Z"},
    // relative amounts: days and longer are calendar days at the default hour
    {"+3d", kUtc, F, "2026-11-28T09:00:00Z"},
    {"+3d", kUtc, P, "2026-11-28T12:00:00Z"},
    {"+3d 14:00", kUtc, F, "2026-11-28T14:00:00Z"},
    {"+3 days", kUtc, F, "2026-11-28T09:00:00Z"},
    {"-2w", kUtc, P, "2026-11-11T12:00:00Z"},
    {"+1m", kUtc, F, "2026-12-25T09:00:00Z"},  // m is a calendar month
    {"+1y", kUtc, F, "2027-11-25T09:00:00Z"},
    {"+4h", kUtc, F, "2026-11-25T10:48:50Z"},  // hours and minutes are exact
    {"-2h", kUtc, P, "2026-11-25T04:48:50Z"},
    {"+90min", kUtc, F, "2026-11-25T08:18:50Z"},
    {"in 3 days", kUtc, F, "2026-11-28T09:00:00Z"},
    {"in 3d", kUtc, F, "2026-11-28T09:00:00Z"},
    {"in 2 weeks", kUtc, F, "2026-12-09T09:00:00Z"},
    {"in 2 months", kUtc, F, "2027-01-25T09:00:00Z"},
    {"in a week", kUtc, F, "2026-12-02T09:00:00Z"},
    {"in an hour", kUtc, F, "2026-11-25T07:48:50Z"},
    {"in 30 minutes", kUtc, F, "2026-11-25T07:18:50Z"},
    {"3 days ago", kUtc, P, "2026-11-22T12:00:00Z"},
    {"3 days ago 18:00", kUtc, P, "2026-11-22T18:00:00Z"},
    {"a week ago", kUtc, P, "2026-11-18T12:00:00Z"},
    {"2 months ago", kUtc, P, "2026-09-25T12:00:00Z"},
    {"2h ago", kUtc, P, "2026-11-25T04:48:50Z"},
    // ISO
    {"2026-12-01", kUtc, F, "2026-12-01T09:00:00Z"},
    {"2026-12-01", kUtc, P, "2026-12-01T12:00:00Z"},
    {"2026-12-01 14:30", kUtc, F, "2026-12-01T14:30:00Z"},
    {"2026-12-01 2pm", kUtc, F, "2026-12-01T14:00:00Z"},
    {"2026-12-01T14:30:00Z", kUtc, P, "2026-12-01T14:30:00Z"},
    {"2026-12-01T14:30:00+02:00", kUtc, F, "2026-12-01T12:30:00Z"},
    {"2026-12-01 14:30:15", kUtc, F, "2026-12-01T14:30:15Z"},

    // --- +01:00: local Wednesday 07:48:50
    {"now", kCet, F, "2026-11-25T06:48:50Z"},
    {"today", kCet, F, "2026-11-25T08:00:00Z"},
    {"today", kCet, P, "2026-11-25T11:00:00Z"},
    {"tomorrow 14:30", kCet, F, "2026-11-26T13:30:00Z"},
    {"wed", kCet, P, "2026-11-25T11:00:00Z"},
    {"fri", kCet, F, "2026-11-27T08:00:00Z"},
    {"fri", kCet, P, "2026-11-20T11:00:00Z"},
    {"next week", kCet, F, "2026-11-30T08:00:00Z"},
    {"+4h", kCet, F, "2026-11-25T10:48:50Z"},
    {"2026-12-01 14:30", kCet, F, "2026-12-01T13:30:00Z"},
    {"2026-12-01T14:30:00Z", kCet, F, "2026-12-01T14:30:00Z"},  // an explicit zone wins

    // --- −08:00: local Tuesday 2026-11-24 22:48:50
    {"now", kPst, P, "2026-11-25T06:48:50Z"},
    {"today", kPst, F, "2026-11-24T17:00:00Z"},
    {"today", kPst, P, "2026-11-24T20:00:00Z"},
    {"tonight", kPst, F, "2026-11-25T04:00:00Z"},
    {"tomorrow", kPst, F, "2026-11-25T17:00:00Z"},
    {"yesterday", kPst, P, "2026-11-23T20:00:00Z"},
    {"tue", kPst, F, "2026-11-24T17:00:00Z"},  // local today
    {"tue", kPst, P, "2026-11-24T20:00:00Z"},
    {"wed", kPst, F, "2026-11-25T17:00:00Z"},  // tomorrow there, not today
    {"wed", kPst, P, "2026-11-18T20:00:00Z"},
    {"next week", kPst, F, "2026-11-30T17:00:00Z"},
    {"next month", kPst, F, "2026-12-01T17:00:00Z"},
    {"+3d", kPst, F, "2026-11-27T17:00:00Z"},
    {"+4h", kPst, F, "2026-11-25T10:48:50Z"},
    {"2026-12-01", kPst, P, "2026-12-01T20:00:00Z"},
    {"2026-12-01 14:30", kPst, F, "2026-12-01T22:30:00Z"},
};

}  // namespace

TEST_CASE("parse_when: every form at three offsets, past and future") {
    const TimePoint now = at("2026-11-25T06:48:50Z");
    for (const auto& row : kRows) {
        CAPTURE(std::string(row.text));
        CAPTURE(row.offset.count());
        CAPTURE(row.bias == F ? "future" : "past");
        const auto t = parse_when(row.text, now, row.offset, row.bias);
        REQUIRE_MESSAGE(t.ok(), t.error().message);
        CHECK(format_iso(*t) == row.expected);
    }
}

TEST_CASE("parse_when: calendar months clamp to the month's last day") {
    struct Case {
        const char* now;
        const char* text;
        const char* expected;
    };
    const Case rows[] = {
        {"2027-01-31T10:00:00Z", "+1m", "2027-02-28T09:00:00Z"},
        {"2027-01-31T10:00:00Z", "in 1 month", "2027-02-28T09:00:00Z"},
        {"2027-01-31T10:00:00Z", "+2m", "2027-03-31T09:00:00Z"},
        {"2027-01-31T10:00:00Z", "+13m", "2028-02-29T09:00:00Z"},  // leap year
        {"2028-01-31T10:00:00Z", "+1m", "2028-02-29T09:00:00Z"},
        {"2027-03-31T10:00:00Z", "-1m", "2027-02-28T09:00:00Z"},
        {"2027-05-31T10:00:00Z", "+1m", "2027-06-30T09:00:00Z"},
        {"2026-12-31T10:00:00Z", "+2m", "2027-02-28T09:00:00Z"},  // across the year
        {"2028-02-29T10:00:00Z", "+1y", "2029-02-28T09:00:00Z"},
        {"2027-01-31T10:00:00Z", "next month", "2027-02-01T09:00:00Z"},
        {"2026-12-15T10:00:00Z", "next month", "2027-01-01T09:00:00Z"},
        {"2027-01-10T10:00:00Z", "last month", "2026-12-01T09:00:00Z"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.now));
        CAPTURE(std::string(row.text));
        const auto t = parse_when(row.text, at(row.now), kUtc, F);
        REQUIRE_MESSAGE(t.ok(), t.error().message);
        CHECK(format_iso(*t) == row.expected);
    }
}

TEST_CASE("parse_when: weekday bias from every day of the week") {
    // Monday 2026-11-23 … Sunday 2026-11-29; "fri" forward and back from each.
    struct Case {
        const char* now;
        const char* future;
        const char* past;
    };
    const Case rows[] = {
        {"2026-11-23T10:00:00Z", "2026-11-27", "2026-11-20"},  // Mon
        {"2026-11-24T10:00:00Z", "2026-11-27", "2026-11-20"},  // Tue
        {"2026-11-26T10:00:00Z", "2026-11-27", "2026-11-20"},  // Thu
        {"2026-11-27T10:00:00Z", "2026-11-27", "2026-11-27"},  // Fri: today both ways
        {"2026-11-28T10:00:00Z", "2026-12-04", "2026-11-27"},  // Sat
        {"2026-11-29T10:00:00Z", "2026-12-04", "2026-11-27"},  // Sun
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.now));
        const auto f = parse_when("fri", at(row.now), kUtc, F);
        const auto p = parse_when("fri", at(row.now), kUtc, P);
        REQUIRE(f.ok());
        REQUIRE(p.ok());
        CHECK(format_date(*f) == row.future);
        CHECK(format_date(*p) == row.past);
    }
    // On a Friday, "next fri" and "last fri" step a whole week.
    const auto fri = at("2026-11-27T10:00:00Z");
    CHECK(format_date(*parse_when("next fri", fri, kUtc, P)) == "2026-12-04");
    CHECK(format_date(*parse_when("last fri", fri, kUtc, F)) == "2026-11-20");
    // On a Monday, "next week" is a week away.
    CHECK(format_date(*parse_when("next week", at("2026-11-23T10:00:00Z"), kUtc, F)) ==
          "2026-11-30");
}

TEST_CASE("parse_when: rejects what it cannot read and says why") {
    const TimePoint now = at("2026-11-25T06:48:50Z");
    struct Bad {
        const char* text;
        const char* why;
    };
    const Bad rows[] = {
        {"", "it is empty"},
        {"   ", "it is empty"},
        {"someday", "unknown word \"someday\""},
        {"fri 25:00", "the hour must be 0–23"},
        {"13pm", "the hour must be 1–12"},
        {"tomorrow 14:60", "the minutes must be 0–59"},
        {"tomorrow 14", "\"14\" is not a time"},
        {"2026-02-30", "2026-02-30 is not a calendar date"},
        {"+3x", "unknown unit \"x\""},
        {"in days", "expected a number"},
        {"in 3", "expected a unit"},
        {"3 days", "expected \"ago\""},
        {"next", "after next/last"},
        {"next banana", "not \"banana\""},
        {"now 14:00", "did not expect \"14:00\""},
        {"+4h 14:00", "did not expect \"14:00\""},
        {"tomorrow tomorrow", "\"tomorrow\" is not a time"},
        {"in 100000 days", "too large"},
        {"+9999y", "out of range"},
        {"2026/12/01", "unknown word"},
        {"2026-12-01T25:00", "unknown word"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto t = parse_when(row.text, now, kUtc, F);
        REQUIRE_FALSE(t.ok());
        CHECK(t.error().code == ErrorCode::invalid_input);
        CHECK(t.error().message.find("\"" + std::string(row.text) + "\"") != std::string::npos);
        CHECK(t.error().message.find(row.why) != std::string::npos);
        CHECK(t.error().hint ==
              "Try: 2026-12-01, 2026-12-01 14:30, today, tomorrow 2pm, fri, next week, +3d, "
              "in 2 weeks, 3 days ago");
    }
    const auto e = parse_when("someday", now, kUtc, F);
    CHECK(e.error().message == "Cannot read \"someday\" as a date: unknown word \"someday\"");
}

TEST_CASE("end_of_local_day") {
    const TimePoint now = at("2026-11-25T06:48:50Z");
    CHECK(format_iso(end_of_local_day(now, kUtc)) == "2026-11-25T23:59:59Z");
    CHECK(format_iso(end_of_local_day(now, kCet)) == "2026-11-25T22:59:59Z");
    CHECK(format_iso(end_of_local_day(now, kPst)) == "2026-11-25T07:59:59Z");  // Tuesday there
    CHECK(format_iso(end_of_local_day(at("2026-11-25T23:30:00Z"), kCet)) ==
          "2026-11-26T22:59:59Z");  // already Thursday in Berlin
}
