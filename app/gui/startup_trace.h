#pragma once
// KITH_STARTUP_TRACE: how long the app takes to show and fill its window (kith-bench's figure).
// Set to anything: a line on stderr as each start-up phase ends, with the wall time since the
// process started and the CPU time it has used so far (steadier on a busy machine). Set to
// "exit": the app also quits once the views are filled, so a benchmark or a profiler can start it
// again and again.

#include <string_view>

namespace kith::app {

/// Milliseconds since this process started (from /proc, so it counts the loader and GTK too).
long process_age_ms();

/// With KITH_STARTUP_TRACE set, prints "kith: PHASE N ms after start (cpu M ms, this thread T
/// ms)" to stderr: M is the whole process, T the calling thread (the UI thread's own cost).
void startup_mark(std::string_view phase);

/// True when KITH_STARTUP_TRACE=exit.
bool startup_trace_exits();

/// Call from the main window's idle events: the first one after Show comes once GTK has drawn
/// the window, and is traced as "first paint" (once).
void trace_first_paint();

}  // namespace kith::app
