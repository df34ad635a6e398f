// Demo data goes into its own file, is marked as demo, never lands in a file with the user's own
// people, and stops when asked.
#include <doctest/doctest.h>

#include "app/shared/demo_generator.h"
#include "db/database.h"
#include "db/people_repo.h"
#include "db/stats_repo.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;

namespace {

db::DatabaseStats stats_of(const std::filesystem::path& path) {
    auto db = db::Database::open(path);
    REQUIRE(db);
    auto s = db::load_stats(**db);
    REQUIRE(s);
    return *s;
}

// Asks to stop after `after` updates, as a user pressing Cancel mid-way.
class CancelAfter final : public core::Progress {
  public:
    explicit CancelAfter(int after) : m_left(after) {}
    void update(std::uint64_t, std::uint64_t, std::string_view) override { --m_left; }
    bool cancelled() const override { return m_left <= 0; }

  private:
    int m_left;
};

}  // namespace

TEST_CASE("generate_demo fills a new file, marks it, and a rerun adds nothing") {
    test::TempDir dir;
    app::DemoRequest req{dir / "demo.db", 8, test::test_now()};
    core::NullProgress progress;
    auto first = app::generate_demo(req, progress);
    REQUIRE(first);
    CHECK(first->status == "completed");
    CHECK(first->counts.added > 8);
    const auto s = stats_of(req.path);
    CHECK(s.people == 8);
    CHECK(s.interactions > 0);

    auto db = db::Database::open(req.path);
    REQUIRE(db);
    auto marked = app::is_demo_database(**db);
    REQUIRE(marked);
    CHECK(*marked);

    auto again = app::generate_demo(req, progress);
    REQUIRE(again);
    CHECK(again->counts.added == 0);
    CHECK(stats_of(req.path).interactions == s.interactions);
}

TEST_CASE("generate_demo refuses a file that holds the user's own people") {
    test::TempDir dir;
    const auto path = dir / "mine.db";
    {
        auto db = db::Database::open(path);
        REQUIRE(db);
        REQUIRE(db::PeopleRepo(**db).add("Ana Ruiz", "", test::test_now()));
        auto marked = app::is_demo_database(**db);
        REQUIRE(marked);
        CHECK_FALSE(*marked);
    }
    core::NullProgress progress;
    auto r = app::generate_demo({path, 5, test::test_now()}, progress);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == core::ErrorCode::conflict);
    CHECK(r.error().message.find("never mixed") != std::string::npos);
    const auto s = stats_of(path);
    CHECK(s.people == 1);
    CHECK(s.interactions == 0);
}

TEST_CASE("generate_demo stops when cancelled and a rerun completes it") {
    test::TempDir dir;
    app::DemoRequest req{dir / "demo.db", 200, test::test_now()};
    CancelAfter cancel(3);
    auto r = app::generate_demo(req, cancel);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == core::ErrorCode::cancelled);
    CHECK(stats_of(req.path).people < 200);

    core::NullProgress progress;
    REQUIRE(app::generate_demo(req, progress));
    CHECK(stats_of(req.path).people == 200);
}
