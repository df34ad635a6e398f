// ThrottledProgress: a few updates a second reach the UI, the first and the last always do.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "app/gui/throttled_progress.h"

using kith::app::ThrottledProgress;
using namespace std::chrono_literals;

namespace {

struct Fake {
    std::chrono::steady_clock::time_point t{};
    std::vector<std::uint64_t> seen;
};

ThrottledProgress make(Fake& f, std::shared_ptr<std::atomic<bool>> cancel = nullptr) {
    return ThrottledProgress(
        [&f](std::uint64_t done, std::uint64_t, std::string) { f.seen.push_back(done); }, cancel,
        100ms, [&f] { return f.t; });
}

}  // namespace

TEST_CASE("a burst of updates forwards the first and the final one only") {
    Fake f;
    auto p = make(f);
    for (std::uint64_t i = 0; i <= 1000; ++i) p.update(i, 1000, "people");
    CHECK(f.seen == std::vector<std::uint64_t>{0, 1000});
    CHECK(p.forwarded() == 2);
}

TEST_CASE("updates spaced by the interval all go through, closer ones are dropped") {
    Fake f;
    auto p = make(f);
    for (std::uint64_t i = 0; i < 10; ++i) {
        p.update(i, 100, "people");
        f.t += 50ms;  // two updates per interval: every other one is forwarded
    }
    CHECK(f.seen == std::vector<std::uint64_t>{0, 2, 4, 6, 8});
}

TEST_CASE("unknown totals are never taken for the final update") {
    Fake f;
    auto p = make(f);
    p.update(0, 0, "records");
    p.update(5, 0, "records");
    CHECK(f.seen == std::vector<std::uint64_t>{0});
}

TEST_CASE("cancelled reads the shared flag") {
    Fake f;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    auto p = make(f, flag);
    CHECK_FALSE(p.cancelled());
    flag->store(true);
    CHECK(p.cancelled());
    Fake g;
    CHECK_FALSE(make(g).cancelled());  // no flag: never cancelled
}
