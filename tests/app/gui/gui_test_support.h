#pragma once
// Helpers for the desktop app's tests: temp folders (tests/db/temp_dir.h), a fixed "now", waiting
// for the UI with a bounded loop (never a single wxYield), and the dialogs the suite intercepted.

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <wx/app.h>
#include <wx/window.h>

#include "core/time.h"
#include "tests/db/temp_dir.h"  // TempDir: one for every suite

namespace kith::test {

/// The tests' "now": Wednesday 2026-11-25 12:00 UTC (the suite runs with TZ=UTC).
inline core::TimePoint test_now() {
    using namespace std::chrono;
    return core::TimePoint{sys_days{year{2026} / November / 25}} + hours{12};
}

/// One round of UI work: toolkit events, events posted with CallAfter, idle processing (which
/// deletes windows closed with Destroy).
inline void pump() {
    wxYield();
    wxTheApp->ProcessPendingEvents();
    wxTheApp->ProcessIdle();
}

/// Pumps the UI until `done` holds or `limit` has passed; false on timeout.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds{10});
    }
    return true;
}

/// The messages of every modal dialog shown since the suite started (none is left on screen:
/// the test main answers each at once, so a test never hangs on one). Defined in gui_test_main.
std::vector<std::string>& intercepted_dialogs();

}  // namespace kith::test

namespace kith::test {

/// Saves what `window` shows on the (virtual) screen as KITH_SCREENSHOT_DIR/NAME.png, for a
/// person to look at after the run. Returns the file written.
std::filesystem::path save_screenshot(wxWindow* window, const std::string& name);

}  // namespace kith::test
