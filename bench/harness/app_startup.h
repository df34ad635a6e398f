#pragma once
// App start to first paint under Xvfb: runs the desktop app three times on the demo database with
// KITH_STARTUP_TRACE=exit, which prints when the window was first painted and when every view
// was filled, then quits.

#include <filesystem>

#include "bench/harness/bench_results.h"

namespace kith::bench {

/// Starts `app` on `db` under xvfb-run (skipped when either is missing) and adds the two
/// startup figures (medians of three starts: wall, and the UI thread's and the process's CPU);
/// `scratch` holds the app's settings so the user's are never touched.
void run_app_startup(const std::filesystem::path& app, const std::filesystem::path& db,
                     const std::filesystem::path& scratch, BenchResults& results);

}  // namespace kith::bench
