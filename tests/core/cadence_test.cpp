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
    // 23:59 and 00:01 the next day are different days one day apart, even two minutes apart.
    const auto d0 = parse_iso("2026-03-01T23:59:00Z").value();
    const std::vector<TimePoint> times = {d0, d0 + minutes{2}, d0 + minutes{2} + Days{1},
                                          d0 + minutes{2} + Days{2}};
    // Gaps 1, 1, 1 → 1.5 → 2 → clamped to 7; were the first two one day, nullopt.
    CHECK(infer_cadence(times) == Days{7});
}

TEST_CASE("infer_cadence clamps to 7..365") {
    // Daily contact: gap 1 → 2 → 7.
    CHECK(infer_cadence(on_days({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})) == Days{kMinInferredCadenceDays});
    // Gap 4 → 6 → 7.
    CHECK(infer_cadence(on_days({0, 4, 8, 12})) == Days{7});
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
