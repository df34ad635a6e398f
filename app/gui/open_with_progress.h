#pragma once
// Opening a database can take long: upgrading an old one copies it to a backup first and then
// migrates it (about a minute for a 1 GB file). The app must not sit there without a window.

#include <chrono>
#include <functional>
#include <memory>

#include "core/result.h"
#include "db/database.h"

class wxWindow;

namespace kith::app {

using OpenDatabase = std::function<core::Result<std::unique_ptr<db::Database>>()>;

/// Runs `open` on a worker thread. When it has not finished after `show_after`, shows a window
/// saying Kith is upgrading the database (a pulsing gauge and the elapsed time) until it has; the
/// UI thread keeps handling events meanwhile. Returns what `open` returned. Call on the UI thread.
/// `shown`, when set, is called once on the UI thread with the window after it first appeared.
core::Result<std::unique_ptr<db::Database>> open_with_progress(
    const OpenDatabase& open, wxWindow* parent = nullptr,
    std::chrono::milliseconds show_after = std::chrono::milliseconds{300},
    const std::function<void(wxWindow&)>& shown = {});

}  // namespace kith::app
