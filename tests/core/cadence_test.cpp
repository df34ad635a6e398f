#include "core/cadence.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace kith::core;
using namespace std::chrono;

namespace {

// A fixed start, never the current date.
TimePoint base() {
    return parse_iso("2026-01-05T09:30:00Z").value();
}

// One interaction on each of the given day offsets from base(), in the order given.
std::vector<TimePoint> on_days(std::initializer_list<int> offsets) {
    std::vector<TimePoint> out;
    for (int d : offsets) out.push_back(base() + Days{d});
    return out;
}

}  // namespace

TEST_CASE("cadence source names") {
    CHECK(to_string(CadenceSource::none) == "none");
    CHECK(to_string(CadenceSource::explicit_) == "explicit");
    CHECK(to_string(CadenceSource::circle) == "circle");
    CHECK(to_string(CadenceSource::inferred) == "inferred");
}

TEST_CASE("infer_cadence needs four distinct days") {
    CHECK_FALSE(infer_cadence({}));
    CHECK_FALSE(infer_cadence(on_days({0})));
    CHECK_FALSE(infer_cadence(on_days({0, 10, 20})));
    // Four times but only three days: the same-day pair is one contact.
    auto three_days = on_days({0, 10, 20});
    three_days.push_back(base() + Days{20} + hours{3});
    CHECK_FALSE(infer_cadence(three_days));
    // Four copies of one instant are one day.
    const std::vector<TimePoint> same(4, base());
    CHECK_FALSE(infer_cadence(same));
    // The fourth distinct day is enough.
    CHECK(infer_cadence(on_days({0, 10, 20, 30})) == Days{15});
}

TEST_CASE("infer_cadence is 1.5 x the median gap, rounded") {
    // Odd number of gaps (4, 10, 30): median 10 → 15.
    CHECK(infer_cadence(on_days({0, 4, 14, 44})) == Days{15});
    // Even number of gaps (10, 20, 30, 40): median 25 → 37.5 → 38 (halves round up).
    CHECK(infer_cadence(on_days({0, 10, 30, 60, 100})) == Days{38});
    // Gaps of 5: 7.5 → 8, just above the floor of 7.
    CHECK(infer_cadence(on_days({0, 5, 10, 15})) == Days{8});
    // Gaps of 60: 90, well inside the range.
    CHECK(infer_cadence(on_days({0, 60, 120, 180})) == Days{90});
}

TEST_CASE("infer_cadence accepts any order") {
    auto days = on_days({0, 10, 30, 60, 100});
    std::reverse(days.begin(), days.end());
    CHECK(infer_cadence(days) == Days{38});
    CHECK(infer_cadence(on_days({60, 0, 100, 30, 10})) == Days{38});
}

TEST_CASE("infer_cadence collapses same-day duplicates") {
    // Days 0 (four times), 20, 40, 60. Counting the duplicates as zero gaps would give gaps
    // 0,0,0,20,20,20 → median 10 → 15; collapsed, the gaps are 20,20,20 → 30.
    auto times = on_days({0, 20, 40, 60});
    times.push_back(base() + hours{1});
    times.push_back(base() + hours{5});
    times.push_back(base());  // an exact duplicate instant
    CHECK(infer_cadence(times) == Days{30});
}

TEST_CASE("infer_cadence counts UTC calendar days, not 24-hour spans") {
    // 23:59 on day 0 and 00:01 on day 3 are three calendar days apart (a new episode) though only
    // 48 hours and 2 minutes pass; counted as 24-hour spans they would merge into one episode.
    const auto d0 = parse_iso("2026-03-01T23:59:00Z").value();
    const auto d3 = parse_iso("2026-03-04T00:01:00Z").value();
    const std::vector<TimePoint> times = {d0, d3, d3 + Days{3}, d3 + Days{6}};
    // Episode gaps 3, 3, 3 → 4.5 → 5 → clamped to 7.
    CHECK(infer_cadence(times) == Days{7});
}

TEST_CASE("infer_cadence treats a burst of replies as one contact") {
    // A thread answered over three days, once a month: the rhythm is monthly, not daily.
    const auto times = on_days({0, 1, 2, 30, 31, 32, 60, 62, 90, 91});
    CHECK(infer_cadence(times) == Days{45});
    // Three days apart is a new episode; two days apart is the same one.
    CHECK(infer_cadence(on_days({0, 3, 6, 9})) == Days{7});
    CHECK_FALSE(infer_cadence(on_days({0, 2, 4, 6, 8, 10})));
}

TEST_CASE("infer_cadence clamps to 7..365") {
    // Daily contact for a month: an episode a week (episodes end after 7 days) → 7 → 10.5 → 11.
    std::vector<int> daily;
    for (int d = 0; d < 29; ++d) daily.push_back(d);
    std::vector<TimePoint> every_day;
    for (int d : daily) every_day.push_back(base() + Days{d});
    CHECK(infer_cadence(every_day) == Days{11});
    // Ten days of daily contact is only two episodes: too little to infer a rhythm.
    CHECK_FALSE(infer_cadence(on_days({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
    // Gap 4 → 6 → 7.
    CHECK(infer_cadence(on_days({0, 4, 8, 12})) == Days{kMinInferredCadenceDays});
    // Gap 300 → 450 → 365.
    CHECK(infer_cadence(on_days({0, 300, 600, 900})) == Days{kMaxInferredCadenceDays});
    // Gap 243 → 364.5 → 365 (rounds to the ceiling itself); gap 242 → 363.
    CHECK(infer_cadence(on_days({0, 243, 486, 729})) == Days{365});
    CHECK(infer_cadence(on_days({0, 242, 484, 726})) == Days{363});
}

TEST_CASE("effective_cadence: explicit beats circle beats inferred") {
    const auto all = effective_cadence(Days{30}, Days{14}, Days{60});
    CHECK(all.source == CadenceSource::explicit_);
    CHECK(all.days == Days{30});

    const auto circle = effective_cadence(std::nullopt, Days{14}, Days{60});
    CHECK(circle.source == CadenceSource::circle);
    CHECK(circle.days == Days{14});

    const auto inferred = effective_cadence(std::nullopt, std::nullopt, Days{60});
    CHECK(inferred.source == CadenceSource::inferred);
    CHECK(inferred.days == Days{60});

    const auto explicit_only = effective_cadence(Days{90}, std::nullopt, std::nullopt);
    CHECK(explicit_only.source == CadenceSource::explicit_);
    CHECK(explicit_only.days == Days{90});

    const auto none = effective_cadence(std::nullopt, std::nullopt, std::nullopt);
    CHECK(none.source == CadenceSource::none);
    CHECK(none.days == Days{0});
}

TEST_CASE("effective_cadence ignores non-positive values") {
    const auto c = effective_cadence(Days{0}, Days{-3}, Days{21});
    CHECK(c.source == CadenceSource::inferred);
    CHECK(c.days == Days{21});
    CHECK(effective_cadence(Days{0}, std::nullopt, std::nullopt).source == CadenceSource::none);
}
