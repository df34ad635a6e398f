#include "app/gui/startup_trace.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

namespace kith::app {

namespace {

long cpu_ms() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) { return t.tv_sec * 1000L + t.tv_usec / 1000L; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/// The calling thread's CPU time: on a busy machine the UI thread's own cost is the steady figure
/// (the process figure also counts the workers reading the views).
long thread_cpu_ms() {
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

}  // namespace

long process_age_ms() {
    std::ifstream stat("/proc/self/stat");
    std::string skip;
    unsigned long long start = 0;
    // Field 22 is starttime; the command name (field 2) has no spaces for kith.
    for (int i = 1; i < 22 && stat >> skip;) ++i;
    stat >> start;
    double uptime = 0;
    std::ifstream("/proc/uptime") >> uptime;
    return static_cast<long>(uptime * 1000.0 -
                             static_cast<double>(start) * 1000.0 / ::sysconf(_SC_CLK_TCK));
}

void startup_mark(std::string_view phase) {
    static const bool enabled = std::getenv("KITH_STARTUP_TRACE") != nullptr;
    if (!enabled) return;
    std::cerr << "kith: " << phase << " " << process_age_ms() << " ms after start (cpu " << cpu_ms()
              << " ms, this thread " << thread_cpu_ms() << " ms)\n";
}

bool startup_trace_exits() {
    const char* v = std::getenv("KITH_STARTUP_TRACE");
    return v && std::string_view(v) == "exit";
}

void trace_first_paint() {
    static bool traced = false;
    if (!traced) startup_mark("first paint");
    traced = true;
}

}  // namespace kith::app
