// Opening a database that takes long (an upgrade copies and migrates it) shows a window and keeps
// the UI thread answering; a quick open shows nothing.
#include <doctest/doctest.h>

#include <wx/app.h>
#include <wx/progdlg.h>

#include <future>

#include "app/gui/open_with_progress.h"
#include "tests/app/gui/gui_test_support.h"

using namespace kith;
using namespace std::chrono_literals;

namespace {

/// Whether a progress window is on screen now.
bool progress_window_shown() {
    for (auto* w : wxTopLevelWindows)
        if (dynamic_cast<wxProgressDialog*>(w) && w->IsShown()) return true;
    return false;
}

}  // namespace

TEST_CASE("a slow database open shows the upgrade window while the UI thread keeps answering") {
    test::TempDir dir;
    const auto path = dir / "kith.db";
    // The open cannot finish until the UI thread has shown the window while it waits: proof that
    // the UI thread is not blocked in the open. (Bounded, so a regression fails instead of
    // hanging.)
    std::promise<void> window_up;
    auto up = window_up.get_future();
    bool shown = false, titled = false, waited = false;
    auto opened = app::open_with_progress(
        [&] {
            waited = up.wait_for(60s) == std::future_status::ready;
            return db::Database::open(path);
        },
        nullptr, 50ms,
        [&](wxWindow& window) {
            shown = window.IsShown() && progress_window_shown();
            titled = window.GetLabel() == "Kith";
            window_up.set_value();
        });
    REQUIRE(opened.ok());
    CHECK(waited);
    CHECK(shown);
    CHECK(titled);
    CHECK((*opened)->path() == path);
    CHECK(!progress_window_shown());  // gone once the database is open
}

TEST_CASE("a quick database open shows no window and returns the open's error as it is") {
    test::TempDir dir;
    // A progress window handles events while it shows; the quick path never gets that far, so an
    // event queued before the open is still waiting after it.
    auto ran = std::make_shared<bool>(false);
    wxTheApp->CallAfter([ran] { *ran = true; });
    auto opened =
        app::open_with_progress([&] { return db::Database::open(dir / "kith.db"); }, nullptr, 10s);
    REQUIRE(opened.ok());
    CHECK(!*ran);
    wxTheApp->ProcessPendingEvents();
    CHECK(*ran);

    // A failure comes back unchanged (the caller's problem dialog explains it).
    std::filesystem::create_directories(dir / "not-a-file.db");
    auto failed =
        app::open_with_progress([&] { return db::Database::open(dir / "not-a-file.db"); });
    REQUIRE(!failed.ok());
    CHECK(!failed.error().message.empty());
}
