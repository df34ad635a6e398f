// Desktop notifications are a digest, not a nag: headless checks of when one is shown.
#include <doctest/doctest.h>

#include "app/gui/notification_policy.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using std::chrono::hours;
using std::chrono::minutes;

TEST_CASE("notification text names what is due, singular and plural") {
    CHECK(app::due_text({}).empty());
    CHECK(app::due_text({1, 0, 0}) == "You owe 1 reply");
    CHECK(app::due_text({3, 2, 1}) == "You owe 3 replies · 2 follow-ups due · 1 going cold");
    CHECK(app::due_text({0, 1, 0}) == "1 follow-up due");
}

TEST_CASE("notifications: only when enabled, something new is due, and hours apart") {
    const auto t0 = test::test_now();
    app::NotificationPolicy policy(hours{4});
    CHECK_FALSE(policy.check(t0, {2, 0, 0}, false));  // turned off in Preferences
    CHECK_FALSE(policy.check(t0, {}, true));          // nothing due
    CHECK(policy.check(t0, {2, 0, 0}, true) == "You owe 2 replies");
    CHECK_FALSE(policy.check(t0 + minutes{10}, {3, 0, 0}, true));  // new, but too soon
    CHECK_FALSE(policy.check(t0 + hours{5}, {2, 0, 0}, true));     // nothing new since
    CHECK_FALSE(policy.check(t0 + hours{5}, {1, 0, 0}, true));     // fewer is not news
    CHECK(policy.check(t0 + hours{5}, {2, 1, 0}, true) == "You owe 2 replies · 1 follow-up due");
    CHECK_FALSE(policy.check(t0 + hours{6}, {2, 2, 0}, true));  // within four hours of the last
}
