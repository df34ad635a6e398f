#include "core/time.h"

#include <doctest/doctest.h>

using namespace kith::core;
using namespace std::chrono;

TEST_CASE("ISO 8601 round trip and accepted forms") {
    const auto t = parse_iso("2026-11-25T06:48:50Z");
    REQUIRE(t);
    CHECK(to_unix(*t) == 1795589330);
    CHECK(format_iso(*t) == "2026-11-25T06:48:50Z");
    CHECK(format_date(*t) == "2026-11-25");
    CHECK(parse_iso("2026-11-25 06:48:50Z") == t);
    CHECK(parse_iso("2026-11-25T07:48:50+01:00") == t);
    CHECK(parse_iso("2026-11-25T01:48:50-0500") == t);
    CHECK(parse_iso("2026-11-25T06:48:50.123Z") == t);
    CHECK(parse_iso("2026-11-25T06:48:50", seconds{0}) == t);
    CHECK(parse_iso("2026-11-25T07:48:50", seconds{3600}) == t);
    CHECK(format_iso(*parse_iso("2026-11-25")) == "2026-11-25T00:00:00Z");
}

TEST_CASE("ISO 8601 rejects what is not a date") {
    for (const char* bad :
         {"", "2026", "2026-13-01", "2026-02-30", "2026-11-25T25:00", "0000-01-01",
          "2026-11-25T06:48:50Zjunk", "26-11-25", "2026/11/25", "tomorrow"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso(bad));
    }
    CHECK(parse_iso("9999-12-31T23:59:59Z"));
}

TEST_CASE("ages read like a person would say them") {
    const auto now = *parse_iso("2026-11-25T12:00:00Z");
    CHECK(format_age(now - seconds{30}, now) == "just now");
    CHECK(format_age(now - minutes{5}, now) == "5 min");
    CHECK(format_age(now - hours{3}, now) == "3 h");
    CHECK(format_age(now - days{4}, now) == "4 d");
    CHECK(format_age(now - days{42}, now) == "6 wk");
    CHECK(format_age(now - days{100}, now) == "3 mo");
    CHECK(format_age(now - days{800}, now) == "2 yr");
}

TEST_CASE("relative times read right on both sides of now (a clock ahead, a future date)") {
    const auto now = *parse_iso("2026-11-25T12:00:00Z");
    CHECK(format_relative(now - days{42}, now) == "6 wk ago");
    CHECK(format_relative(now + days{6}, now) == "in 6 d");
    CHECK(format_relative(now + hours{3}, now) == "in 3 h");
    CHECK(format_relative(now + seconds{20}, now) == "just now");
}
