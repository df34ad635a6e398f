#pragma once
// KITH_STARTUP_TRACE=1 prints when each start-up phase ended: wall time since the process
// started and the CPU time it has used so far (the CPU figure is steadier on a busy machine).
// The benchmark reads the "views filled" line.

#include <string_view>

namespace kith::app {

/// Milliseconds since this process started (from /proc, so it includes the loader and GTK).
long process_age_ms();

/// Prints "kith: <phase> at N ms (cpu M ms)" to stderr when KITH_STARTUP_TRACE is set.
void startup_mark(std::string_view phase);

/// KITH_STARTUP_TRACE=exit: the app quits once its views are filled (for benchmarks and
/// profilers, which need the process to end by itself).
bool startup_trace_exits();

}  // namespace kith::app
