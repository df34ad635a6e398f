#pragma once
// KITH_STARTUP_TRACE: how long the app takes to show and fill its window (kith-bench's figure).
// Set to anything: trace lines on stderr; set to "exit": the app also quits once the views are
// filled, so a benchmark can start it again and again.

namespace kith::app {

/// Milliseconds since this process started (from /proc, so it counts the loader too).
long process_age_ms();
/// With KITH_STARTUP_TRACE set, prints "kith: EVENT N ms after start" to stderr.
void trace_startup(const char* event);
/// True when KITH_STARTUP_TRACE=exit.
bool startup_trace_exits();
/// Call from the main window's idle events: the first one after Show comes once GTK has drawn
/// the window, and is traced as "first paint" (once).
void trace_first_paint();

}  // namespace kith::app
